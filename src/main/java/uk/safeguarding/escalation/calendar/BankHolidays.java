package uk.safeguarding.escalation.calendar;

import java.time.LocalDate;

/** England & Wales bank holidays, substitute days included (the day that is not worked). */
public interface BankHolidays {

  boolean isBankHoliday(LocalDate date);
}
