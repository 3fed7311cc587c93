package uk.safeguarding.escalation.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The calendar as BPMN expressions see it. Stage tasks use {@code ${stageDeadline.of(execution)}}
 * (which calls this) rather than these directly; other timers, e.g. a whole-case time limit, may use
 * {@code ${workingDays.deadline(5)}}. "Now" is the engine's clock, so tests can move time.
 */
@Component("workingDays")
public class WorkingDays {

  private final WorkingDayCalendar calendar;

  public WorkingDays(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Within N working days of now. */
  public Date deadline(int workingDays) {
    return deadlineFrom(ClockUtil.getCurrentTime(), workingDays);
  }

  /** Within N working days of an earlier instant, e.g. the case's start for milestones counted from the outset. */
  public Date deadlineFrom(Date start, int workingDays) {
    return Date.from(calendar.workingDaysAfter(start.toInstant(), workingDays));
  }

  /** The same working day as now. */
  public Date sameWorkingDay() {
    return sameWorkingDayAs(ClockUtil.getCurrentTime());
  }

  /** The same working day as an earlier instant (or the next one, if that was after closing time). */
  public Date sameWorkingDayAs(Date start) {
    return Date.from(calendar.sameWorkingDay(start.toInstant()));
  }

  /** Within N calendar hours of an instant (e.g. the 24-hour rule, from when the stage started). */
  public Date hoursFrom(Date start, int hours) {
    return Date.from(calendar.hoursAfter(start.toInstant(), hours));
  }

  /** Now is outside office hours (Monday to Friday, 09:00 to close of business, not a bank holiday). */
  public boolean outOfHours() {
    return !calendar.isOfficeHours(ClockUtil.getCurrentTime().toInstant());
  }

  /** Close of business on a date (Europe/London). */
  public Date endOf(java.time.LocalDate date) {
    return Date.from(calendar.closeOfBusinessOn(date));
  }
}
