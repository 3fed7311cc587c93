package uk.safeguarding.escalation.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The timer rule of ../shared/protocols/README.md § "Working days". A working day is Monday to
 * Friday that is neither an England & Wales bank holiday nor a configured closure day. All local
 * dates and times are in Europe/London, whatever the JVM's default zone.
 */
public class WorkingDayCalendar {

  public static final ZoneId ZONE = ZoneId.of("Europe/London");
  /** Start of office hours (BDSCP: "outside of Monday – Friday 9am - 5pm ... use the on-call process"). */
  public static final LocalTime OPENING = LocalTime.of(9, 0);

  private final BankHolidays bankHolidays;
  private final LocalTime closeOfBusiness;
  private final Set<LocalDate> closureDays;

  public WorkingDayCalendar(BankHolidays bankHolidays, LocalTime closeOfBusiness, Set<LocalDate> closureDays) {
    this.bankHolidays = bankHolidays;
    this.closeOfBusiness = closeOfBusiness;
    this.closureDays = Set.copyOf(closureDays);
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
        && !closureDays.contains(date) && !bankHolidays.isBankHoliday(date);
  }

  /** "Within N working days" of {@code start}: close of business on the Nth working day after its local date. */
  public Instant workingDaysAfter(Instant start, int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException("working days must be at least 1, was " + workingDays);
    }
    LocalDate date = start.atZone(ZONE).toLocalDate();
    for (int counted = 0; counted < workingDays; ) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return closeOfBusinessOn(date);
  }

  /** "The same working day": close of business today if today is a working day and it is not yet closing time, else the next working day. */
  public Instant sameWorkingDay(Instant start) {
    ZonedDateTime local = start.atZone(ZONE);
    LocalDate date = local.toLocalDate();
    if (isWorkingDay(date) && local.toLocalTime().isBefore(closeOfBusiness)) {
      return closeOfBusinessOn(date);
    }
    return workingDaysAfter(start, 1);
  }

  /** "Within N hours": calendar time, weekends and holidays included. */
  public Instant hoursAfter(Instant start, int hours) {
    return start.plus(Duration.ofHours(hours));
  }

  /**
   * Office hours: a working day, from {@link #OPENING} to close of business (Europe/London). Outside
   * them, e.g. at 17:00 or on a bank holiday, urgent matters go to the agencies' on-call process.
   */
  public boolean isOfficeHours(Instant instant) {
    ZonedDateTime local = instant.atZone(ZONE);
    LocalTime time = local.toLocalTime();
    return isWorkingDay(local.toLocalDate()) && !time.isBefore(OPENING) && time.isBefore(closeOfBusiness);
  }

  /** Close of business on {@code date} (a date a person records, e.g. an action's "by when"). */
  public Instant closeOfBusinessOn(LocalDate date) {
    return date.atTime(closeOfBusiness).atZone(ZONE).toInstant();
  }
}
