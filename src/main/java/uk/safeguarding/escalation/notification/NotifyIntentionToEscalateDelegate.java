package uk.safeguarding.escalation.notification;

import org.springframework.stereotype.Component;

/** `${notifyIntentionToEscalate}`: to the other party, before a case moves up. */
@Component("notifyIntentionToEscalate")
public class NotifyIntentionToEscalateDelegate extends NotificationDelegate {

  public NotifyIntentionToEscalateDelegate(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected NotificationKind kind() {
    return NotificationKind.INTENTION_TO_ESCALATE;
  }
}
