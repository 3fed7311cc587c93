package uk.safeguarding.escalation.notification;

import static uk.safeguarding.escalation.notification.NotificationDeliveryProcess.Variables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        .putValue(KIND, request.kind().name())
        .putValue(REQUEST, write(new Stored(request.processKey(), request.caseReference(), request.stage(),
            request.groups(), request.users(), request.stageTask(), request.notifyStageOwners())));
    return runtimeService.createProcessInstanceByKey(NotificationDeliveryProcess.KEY)
        .businessKey(request.caseReference())
        .setVariables(variables)
        .execute()
        .getId();
  }

  /** The request a delivery instance holds. */
  static NotificationRequest read(VariableScope delivery) {
    NotificationKind kind = NotificationKind.valueOf((String) delivery.getVariable(KIND));
    String caseInstanceId = (String) delivery.getVariable(CASE_INSTANCE_ID);
    Object json = delivery.getVariable(REQUEST);
    if (json == null) { // started before the request became one variable
      return new NotificationRequest(kind, caseInstanceId, (String) delivery.getVariable(CASE_PROCESS_KEY),
          (String) delivery.getVariable(CASE_REFERENCE), (Integer) delivery.getVariable(STAGE),
          list(delivery.getVariable(GROUPS)), list(delivery.getVariable(USERS)), (String) delivery.getVariable(STAGE_TASK),
          Boolean.TRUE.equals(delivery.getVariable(NOTIFY_STAGE_OWNERS)));
    }
    Stored stored = read(json.toString());
    return new NotificationRequest(kind, caseInstanceId, stored.processKey(), stored.caseReference(), stored.stage(),
        stored.groups() == null ? List.of() : stored.groups(), stored.users() == null ? List.of() : stored.users(),
        stored.stageTask(), stored.notifyStageOwners());
  }

  /** {@link Variables#REQUEST}: what the request holds besides the case and its kind. */
  record Stored(String processKey, String caseReference, Integer stage, List<String> groups, List<String> users,
                String stageTask, boolean notifyStageOwners) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String write(Stored stored) {
    try {
      return JSON.writeValueAsString(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("notification request not writable as JSON", e);
    }
  }

  private static Stored read(String json) {
    try {
      return JSON.readValue(json, Stored.class);
    } catch (JsonProcessingException e) {
      throw new NotificationException("Unreadable notification request (variable " + REQUEST + "): "
          + e.getOriginalMessage(), true); // a retry reads the same text

    }
  }

  /** "a, b" to [a, b]; blanks dropped. */
  static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
