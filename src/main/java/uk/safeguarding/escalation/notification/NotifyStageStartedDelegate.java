package uk.safeguarding.escalation.notification;

import org.springframework.stereotype.Component;

/** `${notifyStageStarted}`: to the new owner group of a stage. */
@Component("notifyStageStarted")
public class NotifyStageStartedDelegate extends NotificationDelegate {

  public NotifyStageStartedDelegate(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected NotificationKind kind() {
    return NotificationKind.STAGE_STARTED;
  }
}
