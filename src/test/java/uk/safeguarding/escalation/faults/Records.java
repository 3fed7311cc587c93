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

  long deliveriesRunning() throws SQLException {
    return count("select count(*) from act_hi_procinst where proc_def_key_ = 'notification-delivery' and end_time_ is null");
  }

  long deliveries() throws SQLException {
    return count("select count(*) from act_hi_procinst where proc_def_key_ = 'notification-delivery'");
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

  /** Finished deliveries that reached nobody, by kind (by design only a stage-started notice for a stage already done). */
  Map<String, Long> finishedWithoutRecipient() throws SQLException {
    Map<String, Long> result = new HashMap<>();
    for (String[] row : rows("select v.text_, count(*) from act_hi_procinst p join act_hi_varinst v"
        + " on v.proc_inst_id_ = p.id_ and v.name_ = 'kind' where p.proc_def_key_ = 'notification-delivery'"
        + " and p.end_time_ is not null and not exists (select 1 from esc_notification_log l"
        + " where l.notification_key = p.id_ and l.status = 'DELIVERED') group by v.text_")) {
      result.put(row[0], Long.parseLong(row[1]));
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
