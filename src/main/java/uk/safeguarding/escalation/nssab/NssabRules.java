package uk.safeguarding.escalation.nssab;

import static uk.safeguarding.escalation.casefile.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.forms.ProtocolRules;
import uk.safeguarding.escalation.forms.Violation;

/** Cross-field rules of the North Somerset procedure, on top of each form's own rules. */
@Component
class NssabRules implements ProtocolRules {

  @Override
  public String processKey() {
    return NssabEscalationProcess.KEY;
  }

  @Override
  public List<Violation> checkStart(Map<String, Object> v) {
    List<Violation> violations = new ArrayList<>();
    boolean immediate = RISK_IMMEDIATE.equals(v.get(RISK_LEVEL));
    // NSSAB speeds the escalation up for an immediate risk; it never holds it back. What was done is
    // recorded (yes / no / not applicable: the dispute may be with the very service one would call),
    // never a condition of raising the case. The contract's Boolean is accepted as that record too.
    if (immediate && blank(v.get(IMMEDIATE_RISK_ACTION)) && v.get(IMMEDIATE_RISK_REFERRAL_MADE) == null) {
      violations.add(new Violation(IMMEDIATE_RISK_ACTION,
          "is required when riskLevel is immediate: record whether action was taken to keep the adult safe (yes, no or not applicable)"));
    }
    Object startingStage = v.get(STARTING_STAGE);
    if (!immediate && startingStage != null && !"1".equals(startingStage.toString())) {
      violations.add(new Violation(STARTING_STAGE, "may be above 1 only when riskLevel is immediate"));
    }
    return violations;
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

  @Override
  public List<Violation> checkTask(String taskDefinitionKey, Map<String, Object> v) {
    if (NssabEscalationProcess.Elements.REFER_LEARNING.equals(taskDefinitionKey)
        && "yes".equals(v.get(NssabEscalationProcess.Variables.LEARNING_IDENTIFIED))
        && (v.get(NssabEscalationProcess.Variables.LEARNING_SUMMARY) == null
            || v.get(NssabEscalationProcess.Variables.LEARNING_SUMMARY).toString().isBlank())) {
      return List.of(new Violation(NssabEscalationProcess.Variables.LEARNING_SUMMARY, "is required when learningIdentified is yes"));
    }
    return List.of();
  }
}
