package uk.safeguarding.escalation.notification;

import org.springframework.stereotype.Component;

/** `${notifyPartnershipNotified}`: to the partnership's business manager. */
@Component("notifyPartnershipNotified")
public class NotifyPartnershipNotifiedDelegate extends NotificationDelegate {

  public NotifyPartnershipNotifiedDelegate(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected NotificationKind kind() {
    return NotificationKind.PARTNERSHIP_NOTIFIED;
  }
}
