package uk.safeguarding.escalation.casefile;

import static uk.safeguarding.escalation.casefile.CaseVariables.CASE_STARTED_AT;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.calendar.WorkingDays;

/**
 * {@code ${stageDeadline.of(execution)}}: a stage's deadline, written as exactly this expression in
 * both the stage task's {@code camunda:dueDate} and its boundary timer's {@code timeDate}. The
 * timescale itself lives once, in the stage task's extension properties (the "Escalation stage"
 * element template's fields):
 * <ul>
 *   <li>{@code timescaleRule}: {@code working-days}, {@code same-working-day} or {@code hours};
 *   <li>{@code timescale}: N (not used by {@code same-working-day});
 *   <li>{@code timescaleFrom}: {@code stage-start} (default) or {@code case-outset};
 *   <li>{@code significantHarmRule} (optional): {@code same-working-day} replaces the rule when the
 *       case's {@code riskLevel} is {@code significant-harm} or {@code immediate} (LLR: "where a
 *       practitioner believes that a child is at risk of Significant Harm, the escalation must be
 *       made on the same working day"); {@code same-rule} or absent: no change.
 *   <li>{@code shorterTimescaleWhen} and {@code shorterTimescale} (optional): when the case variable
 *       the first names is {@code yes} (or true), N is the second (BDSCP: "an earlier resolution may
 *       be required where a baby is involved").
 *   <li>{@code earlierDateVariable} (optional): a case variable holding a date a person set (a form's
 *       date or date-time field); when it is earlier than the timescale's deadline it is the deadline
 *       (a date: close of business that day). BDSCP: "within 7 working days or a timescale that
 *       protects the child".
 *   <li>{@code timescaleRule} {@code recorded-date}: the deadline is the latest date recorded in the
 *       case variable {@code dateVariable} (a date, or the rows of a dynamic list, of which
 *       {@code dateField}), at close of business (BDSCP: an action plan's latest "by when").
 *   <li>{@code timescaleFrom} {@code stage-entered}: from when the stage began ({@code stageStartedAt}),
 *       for a later step of a stage that is no stage task itself (it has no {@code stage} property,
 *       so {@code stageStartedAt} stays the stage's).
 * </ul>
 * Camunda 7 creates a scope activity's boundary timers <em>before</em> its start execution listeners
 * run and creates the task after them, so the timer cannot read {@code stageStartedAt} (set by
 * {@code ${stageEntered}}: it would still be the previous stage's). "The stage's start" is therefore
 * the engine clock at the first evaluation, kept on the stage's own scope execution so that the
 * second evaluation returns the very same instant.
 */
@Component("stageDeadline")
public class StageDeadline {

  public static final String RULE_PROPERTY = "timescaleRule";
  public static final String TIMESCALE_PROPERTY = "timescale";
  public static final String FROM_PROPERTY = "timescaleFrom";
  public static final String SIGNIFICANT_HARM_PROPERTY = "significantHarmRule";
  public static final String SAME_RULE = "same-rule";
  public static final String SHORTER_WHEN_PROPERTY = "shorterTimescaleWhen";
  public static final String SHORTER_TIMESCALE_PROPERTY = "shorterTimescale";
  public static final String EARLIER_DATE_PROPERTY = "earlierDateVariable";
  public static final String DATE_VARIABLE_PROPERTY = "dateVariable";
  public static final String DATE_FIELD_PROPERTY = "dateField";

  public static final String WORKING_DAYS = "working-days";
  public static final String SAME_WORKING_DAY = "same-working-day";
  public static final String HOURS = "hours";
  public static final String RECORDED_DATE = "recorded-date";
  public static final String FROM_STAGE_ENTERED = "stage-entered";
  public static final String FROM_STAGE_START = "stage-start";
  public static final String FROM_CASE_OUTSET = "case-outset";

  /** Local variable of a timed stage's scope execution: its deadline, once computed (also shown in Cockpit). */
  public static final String DEADLINE_VARIABLE = "stageDeadlineAt";

  private final WorkingDays workingDays;

  public StageDeadline(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  public Date of(DelegateExecution execution) {
    if (execution.getVariableLocal(DEADLINE_VARIABLE) instanceof Date known) {
      return known;
    }
    String activityId = execution.getCurrentActivityId();
    BaseElement stage = execution.getBpmnModelInstance().getModelElementById(activityId);
    Date deadline = compute(activityId, stage, execution);
    // A stage with a boundary timer is a scope: its execution lives exactly as long as the stage.
    if (execution instanceof ActivityExecution activity && activity.getActivity() != null
        && activity.getActivity().isScope() && activityId.equals(activity.getActivity().getId())) {
      execution.setVariableLocal(DEADLINE_VARIABLE, deadline);
    }
    return deadline;
  }

  private Date compute(String activityId, BaseElement stage, DelegateExecution execution) {
    Date deadline = timescale(activityId, stage, execution);
    Optional<String> earlierVariable = StageEnteredListener.property(stage, EARLIER_DATE_PROPERTY).map(String::trim)
        .filter(v -> !v.isEmpty());
    if (earlierVariable.isPresent()) {
      Optional<Instant> earlier = RecordedDates.instant(execution.getVariable(earlierVariable.get()), workingDays);
      if (earlier.isPresent() && earlier.get().isBefore(deadline.toInstant())) {
        return Date.from(earlier.get());
      }
    }
    return deadline;
  }

  private Date timescale(String activityId, BaseElement stage, DelegateExecution execution) {
    String rule = required(stage, activityId, RULE_PROPERTY);
    if (RECORDED_DATE.equals(rule)) {
      String variable = required(stage, activityId, DATE_VARIABLE_PROPERTY);
      Optional<String> field = StageEnteredListener.property(stage, DATE_FIELD_PROPERTY).map(String::trim).filter(f -> !f.isEmpty());
      return Date.from(RecordedDates.latest(execution.getVariable(variable), field, workingDays)
          .orElseThrow(() -> new IllegalStateException("Stage task " + activityId + ": no date recorded in " + variable)));
    }
    Optional<String> significantHarmRule = StageEnteredListener.property(stage, SIGNIFICANT_HARM_PROPERTY).map(String::trim)
        .filter(r -> !r.isEmpty() && !SAME_RULE.equals(r));
    if (significantHarmRule.isPresent() && atRiskOfSignificantHarm(execution)) {
      if (!SAME_WORKING_DAY.equals(significantHarmRule.get())) {
        throw invalid(activityId, SIGNIFICANT_HARM_PROPERTY, significantHarmRule.get());
      }
      rule = SAME_WORKING_DAY;
    }
    String from = StageEnteredListener.property(stage, FROM_PROPERTY).map(String::trim).orElse(FROM_STAGE_START);
    Date start = switch (from) {
      case FROM_STAGE_START -> ClockUtil.getCurrentTime();
      case FROM_CASE_OUTSET -> (Date) execution.getVariable(CASE_STARTED_AT);
      case FROM_STAGE_ENTERED -> (Date) execution.getVariable(CaseVariables.STAGE_STARTED_AT);
      default -> throw invalid(activityId, FROM_PROPERTY, from);
    };
    int n = shorterApplies(stage, execution) ? number(stage, activityId, SHORTER_TIMESCALE_PROPERTY) : 0;
    return switch (rule) {
      case WORKING_DAYS -> workingDays.deadlineFrom(start, n > 0 ? n : number(stage, activityId));
      case SAME_WORKING_DAY -> workingDays.sameWorkingDayAs(start);
      case HOURS -> workingDays.hoursFrom(start, n > 0 ? n : number(stage, activityId));
      default -> throw invalid(activityId, RULE_PROPERTY, rule);
    };
  }

  /** Significant harm, or worse: an immediate risk is a risk of significant harm too. */
  private static boolean atRiskOfSignificantHarm(DelegateExecution execution) {
    Object risk = execution.getVariable(CaseVariables.RISK_LEVEL);
    return RISK_SIGNIFICANT_HARM.equals(risk) || CaseVariables.RISK_IMMEDIATE.equals(risk);
  }

  public static final String RISK_SIGNIFICANT_HARM = "significant-harm";

  private static boolean shorterApplies(BaseElement stage, DelegateExecution execution) {
    return StageEnteredListener.property(stage, SHORTER_WHEN_PROPERTY).map(String::trim).filter(v -> !v.isEmpty())
        .map(execution::getVariable).map(v -> "yes".equals(v) || Boolean.TRUE.equals(v)).orElse(false);
  }

  private static int number(BaseElement stage, String activityId) {
    return number(stage, activityId, TIMESCALE_PROPERTY);
  }

  private static int number(BaseElement stage, String activityId, String property) {
    String value = required(stage, activityId, property);
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(activityId, property, value);
  }

  private static String required(BaseElement stage, String activityId, String name) {
    Optional<String> value = StageEnteredListener.property(stage, name).map(String::trim).filter(v -> !v.isEmpty());
    return value.orElseThrow(() -> new IllegalStateException(
        "Stage task " + activityId + " has no extension property '" + name + "' (the Escalation stage template sets it)"));
  }

  private static IllegalStateException invalid(String activityId, String name, String value) {
    return new IllegalStateException("Stage task " + activityId + ": '" + value + "' is no valid " + name);
  }
}
