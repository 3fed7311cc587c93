package uk.safeguarding.escalation.notification;

/**
 * A notification could not be delivered (yet): the job fails, is retried, and ends as an incident.
 * A permanent failure (e.g. GOV.UK Notify refused the request as invalid) becomes an incident at
 * once: retrying the same request could only fail the same way ({@link PermanentFailurePlugin}).
 */
public class NotificationException extends RuntimeException {

  private final boolean permanent;

  public NotificationException(String message) {
    this(message, false);
  }

  public NotificationException(String message, boolean permanent) {
    super(message);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
