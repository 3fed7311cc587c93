package uk.safeguarding.escalation.notification;

/**
 * A way of reaching a person (SMTP email, GOV.UK Notify, the log). Must throw if
 * the message was not handed over, so the job is retried.
 */
public interface NotificationChannel {

  String name();

  void send(Recipient recipient, Message message);
}
