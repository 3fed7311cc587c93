package uk.safeguarding.escalation.notification;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record an auditor reads to prove a notification was sent: who, what kind, when, through
 * which channel, delivered or failed. Each entry commits on its own, so a failed (and rolled back)
 * delivery job still leaves its attempts on record, and a retry knows who already has the message.
 *
 * <p>Entries are written through a small connection pool of their own. A delivery job holds one
 * connection of the main pool for its transaction; were its log entries to need a second one from
 * the same pool, enough jobs at once (a deadline storm) would hold every connection while waiting
 * for another, and the whole node would stop.
 */
@Repository
public class NotificationLog {

  public enum Status { DELIVERED, FAILED }

  public record Entry(String notificationKey, String processInstanceId, String caseReference, String kind,
                      String recipientUserId, String recipientAddress, String channel, Status status, String detail,
                      Timestamp createdAt) {}

  private final HikariDataSource ownPool;
  private final JdbcTemplate jdbc;

  /**
   * One connection per job executor thread: a delivery job uses at most one at a time. With a
   * fixed 4 for 8 threads, a third of the job threads' time in a deadline storm went to waiting
   * for this pool (thread dumps, README "Performance"). A job waits up to 10 s for one, not the
   * request pool's 1.5 s (a job failing for that waits a whole retry interval), nor Hikari's 30 s.
   */
  static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

  NotificationLog(DataSourceProperties dataSource, @Value("${camunda.bpm.job-execution.max-pool-size:8}") int jobThreads) {
    this.ownPool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    ownPool.setPoolName("notification-log");
    ownPool.setMaximumPoolSize(Math.max(2, jobThreads));
    ownPool.setMinimumIdle(1);
    ownPool.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    ownPool.setAutoCommit(true); // each statement is its own transaction
    this.jdbc = new JdbcTemplate(ownPool);
  }

  @PreDestroy
  void close() {
    ownPool.close();
  }

  boolean delivered(String notificationKey, String userId, String channel) {
    Integer count = jdbc.queryForObject(
        "select count(*) from esc_notification_log where notification_key = ? and recipient_user_id = ?"
            + " and channel = ? and status = 'DELIVERED'", Integer.class, notificationKey, userId, channel);
    return count != null && count > 0;
  }

  /**
   * A message handed to the channel must be on record, or a retry of the job sends it again: while
   * the database is unreachable (an outage just after the send) the DELIVERED entry is retried every
   * second for up to {@link #KEEP_DELIVERED}, well inside the job's lock (5 minutes), so no other
   * attempt of the job runs meanwhile. Only a crash in that window (kill -9) can still resend.
   */
  static final java.time.Duration KEEP_DELIVERED = java.time.Duration.ofSeconds(60);

  void record(String deliveryKey, NotificationRequest request, Recipient recipient, String channel, Status status, String detail) {
    long giveUp = System.nanoTime() + KEEP_DELIVERED.toNanos();
    while (true) {
      try {
        insert(deliveryKey, request, recipient, channel, status, detail);
        return;
      } catch (org.springframework.dao.DataAccessException e) {
        if (status != Status.DELIVERED || System.nanoTime() > giveUp) {
          throw e;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void insert(String deliveryKey, NotificationRequest request, Recipient recipient, String channel, Status status,
      String detail) {
    jdbc.update(
        "insert into esc_notification_log (id, notification_key, process_instance_id, case_reference, kind,"
            + " recipient_user_id, recipient_address, channel, status, detail, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), deliveryKey, request.caseInstanceId(), request.caseReference(),
        request.kind().name(), recipient.userId(), recipient.email(), channel, status.name(),
        detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)),
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  /**
   * Whether a notification of the case named this person as a recipient (delivered or not: a
   * failed delivery still named them a party, and the retry will reach them).
   */
  public boolean named(String processInstanceId, String userId) {
    Integer count = jdbc.queryForObject("select count(*) from esc_notification_log where process_instance_id = ?"
        + " and recipient_user_id = ?", Integer.class, processInstanceId, userId);
    return count != null && count > 0;
  }

  /** Every entry of a case, oldest first. */
  public List<Entry> forProcessInstance(String processInstanceId) {
    return jdbc.query("select * from esc_notification_log where process_instance_id = ? order by created_at, id",
        (rs, row) -> new Entry(rs.getString("notification_key"), rs.getString("process_instance_id"),
            rs.getString("case_reference"), rs.getString("kind"), rs.getString("recipient_user_id"),
            rs.getString("recipient_address"), rs.getString("channel"), Status.valueOf(rs.getString("status")),
            rs.getString("detail"), rs.getTimestamp("created_at")),
        processInstanceId);
  }
}
