package uk.safeguarding.escalation.retention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Removes the application's own rows of cases whose history Camunda's history cleanup removed:
 * the notification log, the Cockpit case summaries and their breaches carry the case reference,
 * which is personal data and must not outlive the case's retention period.
 *
 * <p>A case keeps its row in {@code ACT_HI_PROCINST} from its start until the cleanup removes it
 * (history level full), so a row whose case has none there is a removed case's. Rows without a
 * case id are left alone.
 */
public class CaseDataRetention {

  private static final Logger LOG = LoggerFactory.getLogger(CaseDataRetention.class);

  /** Table, and the column holding the case's process instance id. */
  static final List<String> TABLES = List.of("esc_notification_log", "esc_case_breach", "esc_case_summary");

  private final JdbcTemplate jdbc;

  public CaseDataRetention(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Deletes the rows of cases no longer in history; returns how many per table. */
  public Map<String, Integer> removeRowsOfRemovedCases() {
    Map<String, Integer> removed = new LinkedHashMap<>();
    for (String table : TABLES) {
      int rows = jdbc.update("DELETE FROM " + table + " WHERE process_instance_id IS NOT NULL AND NOT EXISTS"
          + " (SELECT 1 FROM ACT_HI_PROCINST h WHERE h.ID_ = " + table + ".process_instance_id)");
      removed.put(table, rows);
    }
    if (removed.values().stream().anyMatch(n -> n > 0)) {
      LOG.info("History cleanup: removed the application's rows of cases whose history was removed {}", removed);
    }
    return removed;
  }
}
