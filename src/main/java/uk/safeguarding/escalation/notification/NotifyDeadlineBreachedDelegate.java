package uk.safeguarding.escalation.notification;

import org.springframework.stereotype.Component;

/** `${notifyDeadlineBreached}`: to the stage owner and the next level up. */
@Component("notifyDeadlineBreached")
public class NotifyDeadlineBreachedDelegate extends NotificationDelegate {

  public NotifyDeadlineBreachedDelegate(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected NotificationKind kind() {
    return NotificationKind.DEADLINE_BREACHED;
  }
}
