package uk.safeguarding.escalation.casefile;

import static uk.safeguarding.escalation.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.forms.SubmissionValidator;

/**
 * {@code ${caseOpened}} on a protocol's start event ("start"): refuses a case whose start values
 * break its start form or protocol rules (the whole start rolls back: no half-started case), then
 * records when the case started, its partnership (for group IDs such as
 * {@code ${partnership}-${raisingAgency}-line-manager}) and the stage it starts at.
 */
@Component("caseOpened")
public class CaseOpenedListener implements ExecutionListener {

  private final SubmissionValidator validator;

  public CaseOpenedListener(SubmissionValidator validator) {
    this.validator = validator;
  }

  @Override
  public void notify(DelegateExecution execution) {
    validator.requireValidStart(execution.getProcessDefinitionId(), execution.getVariables(),
        (String) execution.getVariable(RAISING_PRACTITIONER));
    execution.setVariable(CASE_STARTED_AT, ClockUtil.getCurrentTime());
    execution.setVariable(PARTNERSHIP, ProcessKeys.partnership(execution.getProcessDefinitionId()));
    execution.setVariable(CURRENT_STAGE, startingStage(execution.getVariable(STARTING_STAGE)));
  }

  static int startingStage(Object value) {
    return value == null || value.toString().isBlank() ? 1 : Integer.parseInt(value.toString());
  }
}
