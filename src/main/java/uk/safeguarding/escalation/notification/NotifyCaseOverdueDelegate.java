package uk.safeguarding.escalation.notification;

import org.springframework.stereotype.Component;

/** `${notifyCaseOverdue}`: to the business manager when a case misses its whole-case time limit. */
@Component("notifyCaseOverdue")
public class NotifyCaseOverdueDelegate extends NotificationDelegate {

  public NotifyCaseOverdueDelegate(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected NotificationKind kind() {
    return NotificationKind.CASE_OVERDUE;
  }
}
