package uk.safeguarding.escalation.casefile;

import static uk.safeguarding.escalation.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.forms.FormValidationException;
import uk.safeguarding.escalation.forms.SubmissionValidator;
import uk.safeguarding.escalation.forms.Violation;

/**
 * {@code ${caseOpened}} on a protocol's start event ("start"): refuses a case whose start values
 * break its start form or protocol rules, or that carry anything but its start form's fields (the
 * whole start rolls back: no half-started case), then records when the case started, its
 * partnership (for group IDs such as {@code ${partnership}-${raisingAgency}-line-manager}) and the
 * stage it starts at, and opens the {@link CaseRecord} with the start form's values.
 */
@Component("caseOpened")
public class CaseOpenedListener implements ExecutionListener {

  private final SubmissionValidator validator;
  private final CaseRecord caseRecord;

  public CaseOpenedListener(SubmissionValidator validator, CaseRecord caseRecord) {
    this.validator = validator;
    this.caseRecord = caseRecord;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // The start event's initiator sets raisingPractitioner before the start variables, which could
    // overwrite it: it must still be whoever started the case.
    Object practitioner = execution.getVariable(RAISING_PRACTITIONER);
    String starter = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    if (starter != null && !starter.equals(practitioner)) {
      throw new FormValidationException("case start",
          List.of(new Violation(RAISING_PRACTITIONER, "is set by the engine and cannot be submitted")));
    }
    Map<String, Object> submitted = new HashMap<>(execution.getVariables());
    submitted.remove(RAISING_PRACTITIONER);
    validator.requireValidStart(execution.getProcessDefinitionId(), submitted, (String) practitioner);
    execution.setVariable(CASE_STARTED_AT, ClockUtil.getCurrentTime());
    execution.setVariable(PARTNERSHIP, ProcessKeys.partnership(execution.getProcessDefinitionId()));
    execution.setVariable(CURRENT_STAGE, startingStage(execution.getVariable(STARTING_STAGE)));
    caseRecord.opened(execution);
  }

  static int startingStage(Object value) {
    return value == null || value.toString().isBlank() ? 1 : Integer.parseInt(value.toString());
  }
}
