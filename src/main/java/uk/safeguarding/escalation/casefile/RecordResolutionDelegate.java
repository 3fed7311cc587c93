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
 * {@code resolvedAtStage}, {@code resolvedAt} and the days taken from the outset (Monitoring Form).
 */
@Component("recordResolution")
public class RecordResolutionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    execution.setVariable(RESOLVED_AT_STAGE, execution.getVariable(CURRENT_STAGE));
    execution.setVariable(RESOLVED_AT, now);
    execution.setVariable(DAYS_TO_RESOLUTION, daysBetween((Date) execution.getVariable(CASE_STARTED_AT), now));
  }

  /** Calendar days between the two instants' dates in Europe/London. */
  static long daysBetween(Date from, Date to) {
    return ChronoUnit.DAYS.between(from.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate(),
        to.toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate());
  }
}
