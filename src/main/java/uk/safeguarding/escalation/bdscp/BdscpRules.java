package uk.safeguarding.escalation.bdscp;

import static uk.safeguarding.escalation.bdscp.BdscpEscalationProcess.Variables.*;
import static uk.safeguarding.escalation.casefile.CaseVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.forms.DynamicListRows;
import uk.safeguarding.escalation.forms.ProtocolRules;
import uk.safeguarding.escalation.forms.Violation;

/** Cross-field rules of the Barking and Dagenham protocol, on top of each form's own rules. */
@Component
class BdscpRules implements ProtocolRules {

  /** The protocol's own words, given back to whoever records an email as the contact. */
  static final String NOT_BY_EMAIL = "must not be email: \"The escalation to the conflict resolution process can take place by "
      + "telephone, face to face or internet meeting. The process needs to allow for professional challenge in an appropriate "
      + "setting and should therefore not take place by email.\" (BDSCP protocol, flowchart)";

  @Override
  public String processKey() {
    return BdscpEscalationProcess.KEY;
  }

  @Override
  public List<Violation> checkStart(Map<String, Object> v) {
    List<Violation> violations = new ArrayList<>();
    // 3.8: an imminent risk goes to the MASH and/or the Police; what was done is recorded, never a condition.
    if (RISK_IMMEDIATE.equals(v.get(RISK_LEVEL)) && blank(v.get(IMMEDIATE_RISK_ACTION)) && v.get(IMMEDIATE_RISK_REFERRAL_MADE) == null) {
      violations.add(new Violation(IMMEDIATE_RISK_ACTION, "is required when riskLevel is immediate: record whether the case was "
          + "referred to the Barking and Dagenham MASH Team and/or the Police (yes, no or not applicable)"));
    }
    Object startingStage = v.get(STARTING_STAGE);
    if (startingStage != null && !"1".equals(startingStage.toString())) {
      violations.add(new Violation(STARTING_STAGE, "must be 1: every Barking and Dagenham case starts with stage 1"));
    }
    return violations;
  }

  @Override
  public List<Violation> checkTask(String taskDefinitionKey, Map<String, Object> v) {
    List<Violation> violations = new ArrayList<>();
    if (isEmail(v.get(CONTACT_TYPE))) {
      violations.add(new Violation(CONTACT_TYPE, NOT_BY_EMAIL));
    }
    if ("no".equals(v.get(FITS_PROCEDURE)) && blank(v.get(FITS_PROCEDURE_REASON))) {
      violations.add(new Violation(FITS_PROCEDURE_REASON, "is required when the concern does not meet the purpose of this process"));
    }
    if ("yes".equals(v.get(REFER_TO_PDL)) && blank(v.get(LEARNING_POINTS))) {
      violations.add(new Violation(LEARNING_POINTS, "is required when the learning is referred to the PDL subgroup"));
    }
    if (v.get(STRATEGY_AGREE_BY) != null && !v.get(STRATEGY_AGREE_BY).toString().isBlank() && !isDate(v.get(STRATEGY_AGREE_BY))) {
      violations.add(new Violation(STRATEGY_AGREE_BY, "must be a date (yyyy-mm-dd)"));
    }
    if (v.containsKey(ACTION_PLAN)) {
      violations.addAll(actionPlan(v.get(ACTION_PLAN)));
    }
    return violations;
  }

  /** Section B: at least one action; each row an agreed action, who does it and by when (a date). */
  static List<Violation> actionPlan(Object value) {
    Optional<List<Map<String, Object>>> rows = DynamicListRows.of(value);
    if (rows.isEmpty()) {
      return List.of(new Violation(ACTION_PLAN, "must be a list of rows"));
    }
    if (rows.get().isEmpty()) {
      return List.of(new Violation(ACTION_PLAN, "needs at least one agreed action (Section B)"));
    }
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < rows.get().size(); i++) {
      Map<String, Object> row = rows.get().get(i);
      String where = ACTION_PLAN + "[" + (i + 1) + "].";
      if (blank(row.get(ROW_AGREED_ACTION))) {
        violations.add(new Violation(where + ROW_AGREED_ACTION, "is required: the agreed action"));
      }
      if (blank(row.get(ROW_BY_WHOM))) {
        violations.add(new Violation(where + ROW_BY_WHOM, "is required: by whom"));
      }
      if (blank(row.get(ROW_BY_WHEN))) {
        violations.add(new Violation(where + ROW_BY_WHEN, "is required: by when (a date)"));
      } else if (!isDate(row.get(ROW_BY_WHEN))) {
        violations.add(new Violation(where + ROW_BY_WHEN, "must be a date (yyyy-mm-dd)"));
      }
    }
    return violations;
  }

  private static boolean isEmail(Object contactType) {
    return contactType instanceof String s && s.trim().toLowerCase().replace("-", "").equals("email");
  }

  /** A date or date-time as form fields send them (the deadlines read them: casefile/RecordedDates). */
  static boolean isDate(Object value) {
    String text = value.toString().trim();
    for (java.util.function.Function<String, Object> parse : List.<java.util.function.Function<String, Object>>of(
        LocalDate::parse, java.time.LocalDateTime::parse, java.time.OffsetDateTime::parse)) {
      try {
        parse.apply(text);
        return true;
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return false;
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
