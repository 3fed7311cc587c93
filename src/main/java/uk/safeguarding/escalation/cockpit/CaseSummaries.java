package uk.safeguarding.escalation.cockpit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the case summaries (one row per case) for the Cases list, its CSV export and the figures. */
@Repository
public class CaseSummaries {

  /** The columns a person may sort the Cases list by, and their SQL. */
  static final Map<String, String> SORTS = Map.ofEntries(
      Map.entry("openedAt", "s.opened_at"), Map.entry("closedAt", "s.closed_at"),
      Map.entry("caseReference", "s.case_reference"), Map.entry("protocol", "s.process_key"),
      Map.entry("state", "s.state"), Map.entry("stage", "s.highest_stage"),
      Map.entry("resolvedAtStage", "s.resolved_at_stage"), Map.entry("breaches", "s.breaches"),
      Map.entry("workingDays", "s.working_days_to_resolution"), Map.entry("raisingAgency", "s.raising_agency"),
      Map.entry("receivingAgency", "s.receiving_agency"), Map.entry("category", "s.disagreement_category"),
      Map.entry("riskLevel", "s.risk_level"));

  static final String LEARNING_REFERRED = "LEARNING_REFERRED";

  private static final String COLUMNS = "s.process_instance_id, s.process_key, s.case_reference, s.state, s.opened_at,"
      + " s.closed_at, s.current_stage, s.highest_stage, s.resolved_at_stage, s.raising_agency, s.receiving_agency,"
      + " s.disagreement_category, s.risk_level, s.subject_type, s.working_days_to_resolution, s.breaches,"
      + " case when exists (select 1 from esc_notification_log n where n.process_instance_id = s.process_instance_id"
      + " and n.kind = '" + LEARNING_REFERRED + "') then 1 else 0 end as learning_referred";

  /** One case as the list and the figures show it: codes and numbers, no names, no dispute text. */
  public record Row(String id, String processKey, String caseReference, String state, Instant openedAt,
                    Instant closedAt, Integer currentStage, Integer highestStage, Integer resolvedAtStage,
                    String raisingAgency, String receivingAgency, String category, String riskLevel,
                    String subjectType, Integer workingDaysToResolution, int breaches, boolean learningReferred) {}

  public record Breach(String processKey, Integer stage, Instant breachedAt) {}

  private final JdbcTemplate jdbc;

  CaseSummaries(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public long count(CaseFilter filter, List<String> visibleKeys) {
    if (visibleKeys.isEmpty()) {
      return 0;
    }
    CaseFilter.SqlWhere where = filter.where(visibleKeys);
    Long n = jdbc.queryForObject("select count(*) from esc_case_summary s where " + where.sql(), Long.class,
        where.params().toArray());
    return n == null ? 0 : n;
  }

  /** A page of the list, sorted by one of {@link #SORTS} (then by id, so pages never overlap). */
  public List<Row> page(CaseFilter filter, List<String> visibleKeys, String sort, boolean ascending, int first, int max) {
    if (visibleKeys.isEmpty()) {
      return List.of();
    }
    CaseFilter.SqlWhere where = filter.where(visibleKeys);
    String order = SORTS.get(sort) + (ascending ? " asc" : " desc") + ", s.process_instance_id asc";
    List<Object> params = new ArrayList<>(where.params());
    params.add(max);
    params.add(first);
    return jdbc.query("select " + COLUMNS + " from esc_case_summary s where " + where.sql() + " order by " + order
        + " limit ? offset ?", CaseSummaries::row, params.toArray());
  }

  /** Every case the filter matches, oldest first, one at a time (the CSV export and the figures). */
  public void each(CaseFilter filter, List<String> visibleKeys, Consumer<Row> consumer) {
    if (visibleKeys.isEmpty()) {
      return;
    }
    CaseFilter.SqlWhere where = filter.where(visibleKeys);
    jdbc.query("select " + COLUMNS + " from esc_case_summary s where " + where.sql()
        + " order by s.opened_at, s.process_instance_id", rs -> {
          consumer.accept(row(rs, 0));
        }, where.params().toArray());
  }

  /** The deadlines that passed in the cases the filter matches. */
  public List<Breach> breaches(CaseFilter filter, List<String> visibleKeys) {
    if (visibleKeys.isEmpty()) {
      return List.of();
    }
    CaseFilter.SqlWhere where = filter.where(visibleKeys);
    return jdbc.query("select b.process_key, b.stage, b.breached_at from esc_case_breach b"
            + " join esc_case_summary s on s.process_instance_id = b.process_instance_id where " + where.sql(),
        (rs, i) -> new Breach(rs.getString(1), (Integer) rs.getObject(2), instant(rs.getTimestamp(3))),
        where.params().toArray());
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    return new Row(rs.getString("process_instance_id"), rs.getString("process_key"), rs.getString("case_reference"),
        rs.getString("state"), instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("closed_at")),
        integer(rs, "current_stage"), integer(rs, "highest_stage"), integer(rs, "resolved_at_stage"),
        rs.getString("raising_agency"), rs.getString("receiving_agency"), rs.getString("disagreement_category"),
        rs.getString("risk_level"), rs.getString("subject_type"), integer(rs, "working_days_to_resolution"),
        rs.getInt("breaches"), rs.getInt("learning_referred") == 1);
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
