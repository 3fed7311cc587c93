package uk.safeguarding.escalation.notification;

import org.springframework.stereotype.Component;

/** `${notifyOutcomeRecorded}`: written confirmation to all parties. */
@Component("notifyOutcomeRecorded")
public class NotifyOutcomeRecordedDelegate extends NotificationDelegate {

  public NotifyOutcomeRecordedDelegate(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected NotificationKind kind() {
    return NotificationKind.OUTCOME_RECORDED;
  }
}
