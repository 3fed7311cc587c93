package uk.safeguarding.escalation.bscp;

import static uk.safeguarding.escalation.bscp.BscpEscalationProcess.Values.*;
import static uk.safeguarding.escalation.bscp.BscpEscalationProcess.Variables.*;
import static uk.safeguarding.escalation.casefile.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.forms.ProtocolRules;
import uk.safeguarding.escalation.forms.Violation;

/** Cross-field rules of the Buckinghamshire procedure, on top of each form's own rules. */
@Component
class BscpRules implements ProtocolRules {

  static final String CHILDRENS_SERVICES = "la-childrens";

  @Override
  public String processKey() {
    return BscpEscalationProcess.KEY;
  }

  @Override
  public List<Violation> checkStart(Map<String, Object> v) {
    List<Violation> violations = new ArrayList<>();
    if (RISK_IMMEDIATE.equals(v.get(RISK_LEVEL)) && blank(v.get(IMMEDIATE_RISK_ACTION)) && v.get(IMMEDIATE_RISK_REFERRAL_MADE) == null) {
      violations.add(new Violation(IMMEDIATE_RISK_ACTION, "is required when riskLevel is immediate: record whether action was taken "
          + "to keep the child safe now (yes, no or not applicable)"));
    }
    Object startingStage = v.get(STARTING_STAGE);
    if (startingStage != null && !"1".equals(startingStage.toString())) {
      violations.add(new Violation(STARTING_STAGE, "must be 1: every Buckinghamshire case starts at stage 1 of its route"));
    }
    Object route = v.get(ESCALATION_ROUTE);
    if (ROUTE_LIFE_THREATENING.equals(route)) {
      if (blank(v.get(IMMEDIATE_ACTION_TAKEN))) {
        violations.add(new Violation(IMMEDIATE_ACTION_TAKEN, "is required on the life-threatening route: record the immediate action "
            + "taken to reduce the risk of harm"));
      }
      if (blank(v.get(NON_INVOLVEMENT_DISPUTED))) {
        violations.add(new Violation(NON_INVOLVEMENT_DISPUTED, "is required on the life-threatening route (yes or no)"));
      }
    }
    if (ROUTE_CP_CONFERENCE.equals(route) && !CHILDRENS_SERVICES.equals(v.get(RECEIVING_AGENCY))) {
      violations.add(new Violation(RECEIVING_AGENCY, "must be la-childrens on the Child Protection Conference route: the chair and the "
          + "Child Protection Reviewing Service Manager belong to children's services"));
    }
    return violations;
  }

  @Override
  public List<Violation> checkTask(String taskDefinitionKey, Map<String, Object> v) {
    List<Violation> violations = new ArrayList<>();
    if (OUTCOME_NATURAL_TURN.equals(v.get(STAGE_OUTCOME)) && blank(v.get(CLOSURE_REASON))) {
      violations.add(new Violation(CLOSURE_REASON, "is required when the case is closed after the natural turn of events: "
          + "record why it is not seen through to the end"));
    }
    if (COURT_REFERRAL_OUTCOME.equals(v.get(LEGAL_ADVICE_OUTCOME)) && blank(v.get(COURT_REFERRAL))) {
      violations.add(new Violation(COURT_REFERRAL, "is required when the case is referred to a court (the Family Courts or the Court of Protection)"));
    }
    if (OUTCOME_LADO_NOT_CONSULTED.equals(v.get(STAGE_OUTCOME)) && !"no".equals(v.get(LADO_CONSULTED))) {
      violations.add(new Violation(LADO_CONSULTED, "must be no when the outcome is that the LADO is not consulted"));
    }
    if ("yes".equals(v.get(LADO_CONTACTED_DIRECTLY)) && blank(v.get(LADO_CONTACTED_ON))) {
      violations.add(new Violation(LADO_CONTACTED_ON, "is required when the LADO was contacted directly"));
    }
    return violations;
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
