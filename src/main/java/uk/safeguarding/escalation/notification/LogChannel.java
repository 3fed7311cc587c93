package uk.safeguarding.escalation.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Demo without a mail server: writes each notification to the application log instead. */
@Component
@ConditionalOnProperty(name = "escalation.notification.channel", havingValue = "log")
class LogChannel implements NotificationChannel {

  private static final Logger LOG = LoggerFactory.getLogger(LogChannel.class);

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void send(String messageId, Recipient recipient, Message message) {
    LOG.info("Notification to {} <{}>: {}\n{}", recipient.userId(), recipient.email(), message.subject(), message.body());
  }
}
