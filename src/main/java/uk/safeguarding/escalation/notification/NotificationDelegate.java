package uk.safeguarding.escalation.notification;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import uk.safeguarding.escalation.casefile.ProcessKeys;

/**
 * Maps a BPMN send step to a {@link NotificationRequest}. Diagrams say whom to notify with input
 * parameters on the service task (names in {@link Inputs}) and mark it asyncBefore and asyncAfter,
 * so sending runs in its own retried job: a completed task never fails because mail is down, and a
 * later failure never sends twice.
 */
public abstract class NotificationDelegate implements JavaDelegate {

  /** Input parameters a diagram sets on a notification service task. */
  public static final class Inputs {
    /** Comma-separated group IDs, e.g. {@code nssab-${raisingAgency}-second-tier-manager}. */
    public static final String NOTIFY_GROUPS = "notifyGroups";
    /** Comma-separated user IDs, e.g. {@code ${raisingPractitioner}}. */
    public static final String NOTIFY_USERS = "notifyUsers";
    /** Task definition key of the stage task the message is about (deadline, link). */
    public static final String STAGE_TASK = "stageTask";
    /** "true": also notify the stage task's owner (its assignee, else its candidate groups). */
    public static final String NOTIFY_STAGE_OWNERS = "notifyStageOwners";

    private Inputs() {}
  }

  /** Process variables of the contract that every notification reads. */
  public static final String CASE_REFERENCE = "caseReference";
  public static final String CURRENT_STAGE = "currentStage";

  private final NotificationService notifications;

  protected NotificationDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  protected abstract NotificationKind kind();

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(new NotificationRequest(
        kind(),
        sendingKey(execution),
        execution.getProcessInstanceId(),
        ProcessKeys.of(execution.getProcessDefinitionId()),
        (String) execution.getVariable(CASE_REFERENCE),
        (Integer) execution.getVariable(CURRENT_STAGE),
        list(execution.getVariable(Inputs.NOTIFY_GROUPS)),
        list(execution.getVariable(Inputs.NOTIFY_USERS)),
        (String) execution.getVariable(Inputs.STAGE_TASK),
        Boolean.parseBoolean(String.valueOf(execution.getVariable(Inputs.NOTIFY_STAGE_OWNERS)))));
  }

  /**
   * The asynchronous job running this send: its ID is the same on every retry (a failed attempt
   * rolls back, and with it the activity instance ID), and differs for every later visit.
   */
  static String sendingKey(DelegateExecution execution) {
    CommandContext context = Context.getCommandContext();
    JobEntity job = context == null ? null : context.getCurrentJob();
    return job != null ? job.getId() : execution.getActivityInstanceId();
  }

  static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
