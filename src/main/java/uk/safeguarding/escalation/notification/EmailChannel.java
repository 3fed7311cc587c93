package uk.safeguarding.escalation.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
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
  public void send(String messageId, Recipient recipient, Message message) {
    String domain = from.substring(from.indexOf('@') + 1);
    MimeMessage mail = new StableIdMimeMessage(mailSender.createMimeMessage(), "<" + messageId + "@" + domain + ">");
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mail, "UTF-8");
      helper.setFrom(from);
      helper.setTo(recipient.email());
      helper.setSubject(message.subject());
      helper.setText(message.body());
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    mailSender.send(mail);
  }

  /** JavaMail gives every message a fresh Message-ID when it is sent; this one keeps the delivery's own. */
  private static final class StableIdMimeMessage extends MimeMessage {
    private final String messageId;

    StableIdMimeMessage(MimeMessage blank, String messageId) {
      super(blank.getSession());
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
