package uk.safeguarding.escalation.cockpit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;

/**
 * The filters of the Cases list, the CSV export and the figures, read from query parameters.
 * Anything a person could mistype is refused with a sentence (400), never passed to SQL: values
 * go in as parameters, sort columns come from a fixed list.
 */
public record CaseFilter(String processKey, CaseState state, Integer stageReached, LocalDate openedFrom,
                         LocalDate openedTo, LocalDate closedFrom, LocalDate closedTo, String raisingAgency,
                         String receivingAgency, String category, String riskLevel, Boolean breached) {

  static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public static final CaseFilter NONE = new CaseFilter(null, null, null, null, null, null, null, null, null, null, null, null);

  public static CaseFilter of(Map<String, String> p) {
    return new CaseFilter(code(p, "protocol"),
        p.get("state") == null || p.get("state").isBlank() ? null : CaseState.of(p.get("state"))
            .orElseThrow(() -> new IllegalArgumentException("state must be one of running, resolved, closed, cancelled")),
        integer(p, "stage", 1, 9),
        date(p, "openedFrom"), date(p, "openedTo"), date(p, "closedFrom"), date(p, "closedTo"),
        code(p, "raisingAgency"), code(p, "receivingAgency"), code(p, "category"), code(p, "riskLevel"),
        bool(p, "breached"));
  }

  /** The SQL condition (on alias s) and its parameters, within the process keys the reader may see. */
  SqlWhere where(List<String> visibleKeys) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("s.process_key in (");
    for (int i = 0; i < visibleKeys.size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      params.add(visibleKeys.get(i));
    }
    sql.append(")");
    if (processKey != null) {
      sql.append(" and s.process_key = ?");
      params.add(processKey.endsWith("-escalation") ? processKey : processKey + "-escalation");
    }
    if (state != null) {
      sql.append(" and s.state = ?");
      params.add(state.code);
    }
    if (stageReached != null) {
      sql.append(" and s.highest_stage = ?");
      params.add(stageReached);
    }
    range(sql, params, "s.opened_at", openedFrom, openedTo);
    range(sql, params, "s.closed_at", closedFrom, closedTo);
    equal(sql, params, "s.raising_agency", raisingAgency);
    equal(sql, params, "s.receiving_agency", receivingAgency);
    equal(sql, params, "s.disagreement_category", category);
    equal(sql, params, "s.risk_level", riskLevel);
    if (breached != null) {
      sql.append(breached ? " and s.breaches > 0" : " and s.breaches = 0");
    }
    return new SqlWhere(sql.toString(), params);
  }

  record SqlWhere(String sql, List<Object> params) {}

  private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = ?");
      params.add(value);
    }
  }

  /** Dates are London days: from the start of the first to the end of the last. */
  private static void range(StringBuilder sql, List<Object> params, String column, LocalDate from, LocalDate to) {
    if (from != null) {
      sql.append(" and ").append(column).append(" >= ?");
      params.add(Timestamp.from(from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
    }
    if (to != null) {
      sql.append(" and ").append(column).append(" < ?");
      params.add(Timestamp.from(to.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
    }
  }

  private static String code(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > 64 || !CODE.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must be a code such as police or la-childrens");
    }
    return value;
  }

  static Integer integer(Map<String, String> p, String name, int min, int max) {
    String value = p.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
    }
  }

  private static LocalDate date(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.trim());
      if (date.getYear() < 1900 || date.getYear() > 2100) {
        throw new DateTimeParseException("out of range", value, 0);
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date written yyyy-mm-dd, e.g. 2026-04-02");
    }
  }

  private static Boolean bool(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false");
    };
  }
}
