package uk.safeguarding.escalation.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.safeguarding.escalation.support.StoppablePostgres;

/**
 * The benchmark's view of the one PostgreSQL server every node uses: a database per engine and
 * figure (copies of a filled template, so ours and vanilla start each figure from the same state),
 * the "long weekend" (timer due dates moved back), and the counts the correctness checks read.
 */
final class BenchDatabase {

  private final StoppablePostgres server;

  BenchDatabase(StoppablePostgres server) {
    this.server = server;
  }

  String url(String database) {
    return "jdbc:postgresql://localhost:" + server.port() + "/" + database;
  }

  Map<String, String> springEnvironment(String database) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATASOURCE_URL", url(database));
    env.put("SPRING_DATASOURCE_USERNAME", "postgres");
    env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
    return env;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), "postgres", "postgres");
  }

  /** A new empty database, or (template non-null) a file-level copy of a filled one: seconds, not a refill. */
  void create(String database, String template) throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + database + "\"");
      s.execute("CREATE DATABASE \"" + database + "\"" + (template == null ? "" : " TEMPLATE \"" + template + "\""));
    }
  }

  /**
   * Moves the engine's clock past the long weekend, seen from the jobs: every timer's due date goes
   * back by the same interval, chosen so that the last stage deadline is one second ago. This is
   * exactly what setting the clock forward by that interval would do to acquisition (due date
   * <= now), and the whole-case timers (5 working days) stay in the future, as they would on that
   * morning. Run while no node is up. Returns the number of timers now due.
   */
  int pastTheLongWeekend(String database) throws SQLException {
    try (Connection c = connect(database)) {
      Timestamp last;
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT max(duedate_) FROM act_ru_job WHERE type_ = 'timer'"
               + " AND handler_cfg_ NOT LIKE '%CaseOverdue%'")) {
        rs.next();
        last = rs.getTimestamp(1);
      }
      long shiftSeconds = (last.getTime() - System.currentTimeMillis()) / 1000 + 1;
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE act_ru_job SET duedate_ = duedate_ - make_interval(secs => ?) WHERE type_ = 'timer'")) {
        p.setDouble(1, shiftSeconds);
        p.executeUpdate();
      }
      return dueTimers(c);
    }
  }

  static int dueTimers(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM act_ru_job WHERE type_ = 'timer' AND duedate_ <= ?")) {
      p.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static Timestamp timestamp(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }
}
