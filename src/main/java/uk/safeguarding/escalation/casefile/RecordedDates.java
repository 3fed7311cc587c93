package uk.safeguarding.escalation.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.calendar.WorkingDays;
import uk.safeguarding.escalation.forms.DynamicListRows;

/**
 * Dates people record in forms, as instants: a date field ("2027-01-08") means close of business
 * that day, a date-time field ("2027-01-08T10:00", London time unless it carries an offset) that
 * instant. Used for deadlines a person sets (an earlier date, an action plan's "by when").
 */
public final class RecordedDates {

  private RecordedDates() {}

  public static Optional<Instant> instant(Object value, WorkingDays workingDays) {
    if (value instanceof Date date) {
      return Optional.of(date.toInstant());
    }
    if (!(value instanceof String text) || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    try {
      if (t.length() == 10) {
        return Optional.of(workingDays.endOf(LocalDate.parse(t)).toInstant());
      }
      try {
        return Optional.of(OffsetDateTime.parse(t).toInstant());
      } catch (DateTimeParseException noOffset) {
        return Optional.of(LocalDateTime.parse(t).atZone(WorkingDayCalendar.ZONE).toInstant());
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The latest date in {@code value}: itself, or {@code field} of each of its rows (a dynamic list). */
  public static Optional<Instant> latest(Object value, Optional<String> field, WorkingDays workingDays) {
    if (field.isEmpty()) {
      return instant(value, workingDays);
    }
    return DynamicListRows.of(value).orElse(java.util.List.of()).stream()
        .map((Map<String, Object> row) -> row.get(field.get())).filter(Objects::nonNull)
        .map(v -> instant(v, workingDays)).flatMap(Optional::stream).max(Instant::compareTo);
  }
}
