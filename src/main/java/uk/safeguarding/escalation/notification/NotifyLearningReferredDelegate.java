package uk.safeguarding.escalation.notification;

import org.springframework.stereotype.Component;

/** `${notifyLearningReferred}`: learning from a resolved case referred to the board. */
@Component("notifyLearningReferred")
public class NotifyLearningReferredDelegate extends NotificationDelegate {

  public NotifyLearningReferredDelegate(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected NotificationKind kind() {
    return NotificationKind.LEARNING_REFERRED;
  }
}
