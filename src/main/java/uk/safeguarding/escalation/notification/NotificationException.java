package uk.safeguarding.escalation.notification;

/** A notification could not be delivered (yet): the job fails, is retried, and ends as an incident. */
public class NotificationException extends RuntimeException {

  public NotificationException(String message) {
    super(message);
  }
}
