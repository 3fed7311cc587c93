package uk.safeguarding.escalation.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The calendar as BPMN expressions see it, e.g. a user task's {@code camunda:dueDate} and its
 * boundary timer's {@code timeDate} both set to {@code ${workingDays.deadline(5)}}: one visible
 * number a board admin can change in Modeler. "Now" is the engine's clock, so both are the same
 * instant (the stage's start) and tests can move time.
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
    return Date.from(calendar.sameWorkingDay(ClockUtil.getCurrentTime().toInstant()));
  }

  /** Within N calendar hours of an instant (e.g. the 24-hour rule, from when the stage started). */
  public Date hoursFrom(Date start, int hours) {
    return Date.from(calendar.hoursAfter(start.toInstant(), hours));
  }
}
