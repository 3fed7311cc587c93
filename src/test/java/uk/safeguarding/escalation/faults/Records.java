package uk.safeguarding.escalation.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.safeguarding.escalation.support.StoppablePostgres;

/**
 * What the database holds afterwards, read as an auditor would (Camunda's history tables and the
 * notification log), straight over JDBC so that the node's own code is not the judge.
 */
final class Records implements AutoCloseable {

  /** A delivery that the log says reached a recipient. */
  record Delivered(String deliveryKey, String userId) {}

  private final Connection db;

  Records(StoppablePostgres postgres) throws SQLException {
    this.db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres");
  }

  long count(String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  List<String[]> rows(String sql, Object... args) throws SQLException {
    List<String[]> result = new ArrayList<>();
    try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        String[] row = new String[columns];
        for (int c = 0; c < columns; c++) {
          row[c] = rows.getString(c + 1);
        }
        result.add(row);
      }
    }
    return result;
  }

  /** How many of these cases are in history (started and committed). */
  long casesInHistory(Collection<String> ids) throws SQLException {
    return count("select count(*) from act_hi_procinst where id_ = any(?)", ids);
  }

  /** How many of these tasks history shows completed. */
  long tasksCompleted(Collection<String> ids) throws SQLException {
    return count("select count(*) from act_hi_taskinst where id_ = any(?) and end_time_ is not null"
        + " and delete_reason_ = 'completed'", ids);
  }

  /** Delivery instances not finished yet (they write no engine history: the notification log is their record). */
  long deliveriesRunning() throws SQLException {
    return count("select count(*) from act_ru_execution where proc_def_id_ like 'notification-delivery:%' and id_ = proc_inst_id_");
  }

  /** Deliveries the notification log has an entry of. */
  long deliveries() throws SQLException {
    return count("select count(distinct notification_key) from esc_notification_log");
  }

  long incidents() throws SQLException {
    return count("select count(*) from act_ru_incident");
  }

  /** Log entries DELIVERED by email, with how often each (delivery, recipient) was logged. */
  Map<Delivered, Long> delivered() throws SQLException {
    Map<Delivered, Long> result = new HashMap<>();
    for (String[] row : rows("select notification_key, recipient_user_id, count(*) from esc_notification_log"
        + " where status = 'DELIVERED' and channel = 'email' group by notification_key, recipient_user_id")) {
      result.put(new Delivered(row[0], row[1]), Long.parseLong(row[2]));
    }
    return result;
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Collection<?> values) {
        Array array = db.createArrayOf("varchar", values.toArray());
        statement.setArray(i + 1, array);
      } else {
        statement.setObject(i + 1, args[i]);
      }
    }
    return statement;
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
