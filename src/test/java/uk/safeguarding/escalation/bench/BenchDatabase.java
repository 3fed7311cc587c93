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
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's view of the one PostgreSQL server every node uses: a database per engine and
 * figure (copies of a filled template, so ours and vanilla start each figure from the same state),
 * the "long weekend" (timer due dates moved back), and the counts the correctness checks read.
 */
final class BenchDatabase {

  private final int port;

  BenchDatabase(int port) {
    this.port = port;
  }

  String url(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  /** Starts counting statements afresh (pg_stat_statements, preloaded by the benchmark's server). */
  void resetStatementStatistics(String database) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** The statements that took the most database time in this database since the reset, one line each. */
  List<String> topStatements(String database, int limit) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = connect(database);
         PreparedStatement p = c.prepareStatement("SELECT calls, total_exec_time, mean_exec_time, query FROM pg_stat_statements"
             + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?) ORDER BY total_exec_time DESC LIMIT ?")) {
      p.setString(1, database);
      p.setInt(2, limit);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          lines.add(String.format(java.util.Locale.UK, "%8d calls %9.0f ms total %7.2f ms mean  %s", rs.getLong(1),
              rs.getDouble(2), rs.getDouble(3), rs.getString(4).replaceAll("\\s+", " ")));
        }
      }
    }
    return lines;
  }

  /** CPU seconds PostgreSQL's server processes have used so far (the postmaster's own and its finished children's). */
  double serverCpuSeconds() throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      long postmaster = Cpu.parent(rs.getLong(1));
      return Cpu.seconds(postmaster, true);
    }
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
