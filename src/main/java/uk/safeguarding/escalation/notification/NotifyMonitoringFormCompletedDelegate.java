package uk.safeguarding.escalation.notification;

import org.springframework.stereotype.Component;

/** `${notifyMonitoringFormCompleted}`: the Monitoring Form is ready for the stage-4 representative and the business manager. */
@Component("notifyMonitoringFormCompleted")
public class NotifyMonitoringFormCompletedDelegate extends NotificationDelegate {

  public NotifyMonitoringFormCompletedDelegate(NotificationService notifications) {
    super(notifications);
  }

  @Override
  protected NotificationKind kind() {
    return NotificationKind.MONITORING_FORM_COMPLETED;
  }
}
