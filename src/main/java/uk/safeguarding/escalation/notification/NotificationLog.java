package uk.safeguarding.escalation.notification;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record an auditor reads to prove a notification was sent: who, what kind, when, through
 * which channel, delivered or failed. Each entry commits on its own, so a failed (and rolled back)
 * job still leaves its attempts on record, and a retry knows who already has the message.
 */
@Repository
public class NotificationLog {

  public enum Status { DELIVERED, FAILED }

  public record Entry(String notificationKey, String processInstanceId, String caseReference, String kind,
                      String recipientUserId, String recipientAddress, String channel, Status status, String detail,
                      Timestamp createdAt) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  NotificationLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  boolean delivered(String notificationKey, String userId, String channel) {
    Integer count = ownTransaction.execute(status -> jdbc.queryForObject(
        "select count(*) from esc_notification_log where notification_key = ? and recipient_user_id = ?"
            + " and channel = ? and status = 'DELIVERED'", Integer.class, notificationKey, userId, channel));
    return count != null && count > 0;
  }

  void record(String deliveryKey, NotificationRequest request, Recipient recipient, String channel, Status status, String detail) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "insert into esc_notification_log (id, notification_key, process_instance_id, case_reference, kind,"
            + " recipient_user_id, recipient_address, channel, status, detail, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), deliveryKey, request.caseInstanceId(), request.caseReference(),
        request.kind().name(), recipient.userId(), recipient.email(), channel, status.name(),
        detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)),
        new Timestamp(ClockUtil.getCurrentTime().getTime())));
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
