package uk.safeguarding.escalation.forms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * What a Camunda Forms datetime field may carry. Tasklist sends ISO values (2026-11-27) whatever
 * the browser shows, so anything else came from a client that guessed a format: a day-first
 * "27/11/2026" or an impossible "2026-02-30" is refused rather than read as some other day, and a
 * year outside {@link #EARLIEST_YEAR}..{@link #LATEST_YEAR} is taken for a typing slip.
 */
public final class FormDates {

  static final int EARLIEST_YEAR = 1900;
  static final int LATEST_YEAR = 2100;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm[:ss][XXX]").withResolverStyle(ResolverStyle.STRICT);

  private FormDates() {}

  /** Why {@code text} is not a value of a datetime field of {@code subtype} (date, time, datetime), if it is not. */
  public static Optional<String> check(String subtype, String text) {
    String value = text.trim();
    try {
      switch (subtype == null ? "date" : subtype) {
        case "time" -> LocalTime.parse(value, TIME);
        case "datetime" -> {
          return year(dateTime(value).getYear(), value);
        }
        default -> {
          return year(LocalDate.parse(value, DATE).getYear(), value);
        }
      }
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(switch (subtype == null ? "date" : subtype) {
        case "time" -> "must be a time of day, e.g. 14:30 (\"" + shorten(value) + "\" is not one)";
        case "datetime" -> "must be a date and time, year first, e.g. 2026-11-27T14:30 (\"" + shorten(value) + "\" is not one)";
        default -> "must be a real calendar date, year first, e.g. 2026-11-27 for 27 November 2026 (\""
            + shorten(value) + "\" is not one)";
      });
    }
  }

  private static LocalDateTime dateTime(String value) {
    try {
      return OffsetDateTime.parse(value).toLocalDateTime();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME.withResolverStyle(ResolverStyle.STRICT));
    }
  }

  private static Optional<String> year(int year, String value) {
    return year < EARLIEST_YEAR || year > LATEST_YEAR
        ? Optional.of("must be a date between " + EARLIEST_YEAR + " and " + LATEST_YEAR + " (\"" + shorten(value) + "\" is not)")
        : Optional.empty();
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
