package uk.safeguarding.escalation.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${deliverNotification}}: the asynchronous step of a delivery instance. Its process
 * instance ID identifies the request over every retry, so nobody already reached is sent it twice.
 */
@Component("deliverNotification")
public class DeliverNotificationDelegate implements JavaDelegate {

  private final NotificationService notifications;

  public DeliverNotificationDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.deliver(execution.getProcessInstanceId(), NotificationOutbox.read(execution));
  }
}
