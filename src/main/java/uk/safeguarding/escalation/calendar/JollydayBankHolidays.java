package uk.safeguarding.escalation.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Bank holidays from Jollyday's maintained United Kingdom calendar, subdivision {@code eng}
 * (England; Wales shares it). Without the subdivision Easter Monday and the August holiday are
 * missing. {@link Holiday#getDate()} is the observed date, so substitute days come out right.
 */
public class JollydayBankHolidays implements BankHolidays {

  static final String ENGLAND = "eng";

  private final HolidayManager manager =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
  private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

  @Override
  public boolean isBankHoliday(LocalDate date) {
    return byYear.computeIfAbsent(date.getYear(), year -> manager.getHolidays(Year.of(year), ENGLAND).stream()
        .map(Holiday::getDate).collect(Collectors.toUnmodifiableSet())).contains(date);
  }
}
