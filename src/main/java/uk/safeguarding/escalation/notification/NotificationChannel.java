package uk.safeguarding.escalation.notification;

/**
 * A way of reaching a person (SMTP email, GOV.UK Notify, the log). Must throw if
 * the message was not handed over, so the job is retried.
 */
public interface NotificationChannel {

  String name();

  /**
   * {@code messageId} is the same for every attempt of one delivery to one recipient
   * ({@link MessageIds}), so a resend after a crash can be recognised as the same message.
   */
  void send(String messageId, Recipient recipient, Message message);
}
