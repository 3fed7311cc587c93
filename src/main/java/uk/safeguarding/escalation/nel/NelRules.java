package uk.safeguarding.escalation.nel;

import static uk.safeguarding.escalation.casefile.CaseVariables.*;
import static uk.safeguarding.escalation.nel.NelEscalationProcess.Variables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.forms.ProtocolRules;
import uk.safeguarding.escalation.forms.Violation;
import uk.safeguarding.escalation.nel.NelEscalationProcess.Elements;

/** Cross-field rules of the North East Lincolnshire procedure, on top of each form's own rules. */
@Component
class NelRules implements ProtocolRules {

  @Override
  public String processKey() {
    return NelEscalationProcess.KEY;
  }

  @Override
  public List<Violation> checkStart(Map<String, Object> v) {
    List<Violation> violations = new ArrayList<>();
    // An immediate risk goes to the emergency services, MASH (child) or SPA (adult) on the day; what
    // was done is recorded (yes / no / not applicable: the dispute may be with that very service),
    // never a condition of raising the case. The contract's Boolean is accepted as that record too.
    if (RISK_IMMEDIATE.equals(v.get(RISK_LEVEL)) && blank(v.get(IMMEDIATE_RISK_ACTION)) && v.get(IMMEDIATE_RISK_REFERRAL_MADE) == null) {
      violations.add(new Violation(IMMEDIATE_RISK_ACTION, "is required when riskLevel is immediate: record whether the emergency services, "
          + "the MASH (child) or the SPA (adult) were contacted today (yes, no or not applicable)"));
    }
    Object startingStage = v.get(STARTING_STAGE);
    if (startingStage != null && !"1".equals(startingStage.toString())) {
      violations.add(new Violation(STARTING_STAGE, "must be 1: every North East Lincolnshire case starts with informal resolution"));
    }
    if ("other".equals(v.get(CONFLICT_FRAMEWORK)) && blank(v.get(CONFLICT_FRAMEWORK_OTHER))) {
      violations.add(new Violation(CONFLICT_FRAMEWORK_OTHER, "is required when conflictFramework is other (please specify)"));
    }
    return violations;
  }

  @Override
  public List<Violation> checkTask(String taskDefinitionKey, Map<String, Object> v) {
    List<Violation> violations = new ArrayList<>();
    if (Elements.STAGE3_HEADS_OF_SERVICE.equals(taskDefinitionKey) && OUTCOME_ESCALATE.equals(v.get(STAGE_OUTCOME))
        && blank(v.get(DIRECTORS_ESCALATED_TO))) {
      violations.add(new Violation(DIRECTORS_ESCALATED_TO, "is required when stage 3 escalates: record the directors it goes to"));
    }
    if ("yes".equals(v.get(BOARD_ENDORSEMENT_NEEDED)) && blank(v.get(BOARD_ENDORSEMENT_REASON))) {
      violations.add(new Violation(BOARD_ENDORSEMENT_REASON, "is required when boardEndorsementNeeded is yes"));
    }
    return violations;
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
