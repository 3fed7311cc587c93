package uk.safeguarding.escalation.casefile;

import static uk.safeguarding.escalation.casefile.CaseVariables.*;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;

/**
 * {@code ${recordResolution}}: the case is resolved at the stage in progress. Records
 * {@code resolvedAtStage}, {@code resolvedAt} and the days taken from the outset, in calendar and in
 * working days (Monitoring Form: "time taken to reach resolution").
 */
@Component("recordResolution")
public class RecordResolutionDelegate implements JavaDelegate {

  private final WorkingDayCalendar calendar;

  public RecordResolutionDelegate(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    Date outset = (Date) execution.getVariable(CASE_STARTED_AT);
    execution.setVariable(RESOLVED_AT_STAGE, execution.getVariable(CURRENT_STAGE));
    execution.setVariable(RESOLVED_AT, now);
    execution.setVariable(DAYS_TO_RESOLUTION, daysBetween(outset, now));
    execution.setVariable(WORKING_DAYS_TO_RESOLUTION, workingDaysBetween(outset, now));
    CaseRecord.markResolution(execution);
  }

  /** Working days after the outset's date up to and including the resolution's date (0: resolved the same day). */
  long workingDaysBetween(Date from, Date to) {
    java.time.LocalDate day = from.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
    java.time.LocalDate last = to.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
    long count = 0;
    while (day.isBefore(last)) {
      day = day.plusDays(1);
      if (calendar.isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** Calendar days between the two instants' dates in Europe/London. */
  static long daysBetween(Date from, Date to) {
    return ChronoUnit.DAYS.between(from.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate(),
        to.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate());
  }
}
