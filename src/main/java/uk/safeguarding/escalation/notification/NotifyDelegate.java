package uk.safeguarding.escalation.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.casefile.CaseVariables;
import uk.safeguarding.escalation.casefile.ProcessKeys;
import uk.safeguarding.escalation.casefile.StageEnteredListener;

/**
 * {@code ${notify}}: a notification step of a diagram (a send task on the case's path). Maps the
 * step's input parameters to a {@link NotificationRequest} and records it in the outbox, in the
 * case step's own transaction; delivery happens later, outside the case.
 */
@Component("notify")
public class NotifyDelegate implements JavaDelegate {

  /** Input parameters of a notification step (Modeler: Inputs). */
  public static final class Inputs {
    /** A {@link NotificationKind} name, e.g. {@code STAGE_STARTED}. */
    public static final String KIND = "kind";
    /** Comma-separated group IDs, e.g. {@code nssab-${raisingAgency}-second-tier-manager}. */
    public static final String NOTIFY_GROUPS = "notifyGroups";
    /** Comma-separated user IDs, e.g. {@code ${raisingPractitioner}}. */
    public static final String NOTIFY_USERS = "notifyUsers";
    /** Task definition key of the stage task the message is about (deadline, link, owners). */
    public static final String STAGE_TASK = "stageTask";
    /** "true": also notify the stage task's owner (its assignee, else its candidate groups). */
    public static final String NOTIFY_STAGE_OWNERS = "notifyStageOwners";

    private Inputs() {}
  }

  private final NotificationOutbox outbox;

  public NotifyDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outbox.request(new NotificationRequest(
        NotificationKind.valueOf(String.valueOf(execution.getVariableLocal(Inputs.KIND)).trim()),
        execution.getProcessInstanceId(),
        ProcessKeys.of(execution.getProcessDefinitionId()),
        (String) execution.getVariable(CaseVariables.CASE_REFERENCE),
        stage(execution),
        NotificationOutbox.list(execution.getVariableLocal(Inputs.NOTIFY_GROUPS)),
        NotificationOutbox.list(execution.getVariableLocal(Inputs.NOTIFY_USERS)),
        (String) execution.getVariableLocal(Inputs.STAGE_TASK),
        Boolean.parseBoolean(String.valueOf(execution.getVariableLocal(Inputs.NOTIFY_STAGE_OWNERS)))));
  }

  /**
   * The case's current stage; for "stage started", which runs just before its stage task begins, the
   * stage of that task (its {@code stage} property), so that "stage 2 … is with you" names stage 2.
   */
  private static Integer stage(DelegateExecution execution) {
    Integer current = (Integer) execution.getVariable(CaseVariables.CURRENT_STAGE);
    Object stageTask = execution.getVariableLocal(Inputs.STAGE_TASK);
    if (!NotificationKind.STAGE_STARTED.name().equals(String.valueOf(execution.getVariableLocal(Inputs.KIND)).trim())
        || stageTask == null) {
      return current;
    }
    BaseElement task = execution.getBpmnModelInstance().getModelElementById(stageTask.toString().trim());
    return task == null ? current : StageEnteredListener.property(task, StageEnteredListener.STAGE_PROPERTY)
        .map(String::trim).filter(v -> v.matches("[1-5]")).map(Integer::valueOf).orElse(current);
  }
}
