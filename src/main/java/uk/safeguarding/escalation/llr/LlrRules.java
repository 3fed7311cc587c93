package uk.safeguarding.escalation.llr;

import static uk.safeguarding.escalation.casefile.CaseVariables.*;
import static uk.safeguarding.escalation.llr.LlrEscalationProcess.Variables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.forms.ProtocolRules;
import uk.safeguarding.escalation.forms.Violation;
import uk.safeguarding.escalation.llr.LlrEscalationProcess.Elements;

/** Cross-field rules of the LLR procedure, on top of each form's own rules. */
@Component
class LlrRules implements ProtocolRules {

  @Override
  public String processKey() {
    return LlrEscalationProcess.KEY;
  }

  @Override
  public List<Violation> checkStart(Map<String, Object> v) {
    // Recorded, never a condition of raising the case (the dispute may be with the very service one would call).
    if (RISK_IMMEDIATE.equals(v.get(RISK_LEVEL)) && blank(v.get(IMMEDIATE_RISK_ACTION)) && v.get(IMMEDIATE_RISK_REFERRAL_MADE) == null) {
      return List.of(new Violation(IMMEDIATE_RISK_ACTION,
          "is required when riskLevel is immediate: record whether action was taken to keep the child safe (yes, no or not applicable)"));
    }
    return List.of();
  }

  @Override
  public List<Violation> checkTask(String taskDefinitionKey, Map<String, Object> v) {
    List<Violation> violations = new ArrayList<>();
    switch (taskDefinitionKey) {
      case Elements.REVIEW_WITH_LINE_MANAGERS -> {
        if (OUTCOME_NOT_JUSTIFIED.equals(v.get(STAGE_OUTCOME))) {
          required(v, CLOSURE_REASON, "when stageOutcome is not-justified (the reason is recorded)", violations);
        } else {
          for (String field : List.of("contactType", "contactBetween", "discussionSummary")) {
            required(v, field, "when the line managers liaise (stageOutcome resolved or escalate)", violations);
          }
        }
      }
      case Elements.CONSIDER_RESOLUTIONS_MEETING -> {
        if ("no".equals(v.get(CONVENE_RESOLUTIONS_MEETING))) {
          required(v, LSCB_OUTCOME, "when no meeting is convened (it is fed back to the raising agency)", violations);
        }
      }
      case Elements.RECORD_FOLLOW_UP -> {
        Object scope = v.get(LEARNING_SCOPE);
        if (scope != null && !"none".equals(scope)) {
          required(v, LEARNING_SUMMARY, "when learning is identified", violations);
        }
      }
      default -> { }
    }
    return violations;
  }

  private static void required(Map<String, Object> v, String field, String when, List<Violation> violations) {
    if (blank(v.get(field))) {
      violations.add(new Violation(field, "is required " + when));
    }
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
