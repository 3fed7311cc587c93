package uk.safeguarding.escalation.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email over SMTP (Spring Mail); host, port, STARTTLS and credentials are spring.mail.* settings. */
@Component
@ConditionalOnProperty(name = "escalation.notification.channel", havingValue = "email", matchIfMissing = true)
class EmailChannel implements NotificationChannel {

  private final JavaMailSender mailSender;
  private final String from;

  EmailChannel(JavaMailSender mailSender, @Value("${escalation.notification.from}") String from) {
    this.mailSender = mailSender;
    this.from = from;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public void send(Recipient recipient, Message message) {
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(from);
    mail.setTo(recipient.email());
    mail.setSubject(message.subject());
    mail.setText(message.body());
    mailSender.send(mail);
  }
}
