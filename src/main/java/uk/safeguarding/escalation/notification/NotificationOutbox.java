package uk.safeguarding.escalation.notification;

import static uk.safeguarding.escalation.notification.NotificationDeliveryProcess.Variables.*;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Records a notification request as a {@code notification-delivery} process instance, in the
 * caller's transaction: the transactional outbox of the case step that asks for it.
 */
@Service
public class NotificationOutbox {

  private final RuntimeService runtimeService;

  NotificationOutbox(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Returns the ID of the delivery instance, which stays the same over every retry of the delivery. */
  public String request(NotificationRequest request) {
    VariableMap variables = Variables.createVariables()
        .putValue(CASE_INSTANCE_ID, request.caseInstanceId())
        .putValue(CASE_PROCESS_KEY, request.processKey())
        .putValue(CASE_REFERENCE, request.caseReference())
        .putValue(STAGE, request.stage())
        .putValue(KIND, request.kind().name())
        .putValue(GROUPS, String.join(",", request.groups()))
        .putValue(USERS, String.join(",", request.users()))
        .putValue(STAGE_TASK, request.stageTask())
        .putValue(NOTIFY_STAGE_OWNERS, request.notifyStageOwners());
    return runtimeService.createProcessInstanceByKey(NotificationDeliveryProcess.KEY)
        .businessKey(request.caseReference())
        .setVariables(variables)
        .execute()
        .getId();
  }

  /** The request a delivery instance holds. */
  static NotificationRequest read(VariableScope delivery) {
    return new NotificationRequest(
        NotificationKind.valueOf((String) delivery.getVariable(KIND)),
        (String) delivery.getVariable(CASE_INSTANCE_ID),
        (String) delivery.getVariable(CASE_PROCESS_KEY),
        (String) delivery.getVariable(CASE_REFERENCE),
        (Integer) delivery.getVariable(STAGE),
        list(delivery.getVariable(GROUPS)),
        list(delivery.getVariable(USERS)),
        (String) delivery.getVariable(STAGE_TASK),
        Boolean.TRUE.equals(delivery.getVariable(NOTIFY_STAGE_OWNERS)));
  }

  /** "a, b" to [a, b]; blanks dropped. */
  static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
