package uk.safeguarding.escalation.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email over SMTP (Spring Mail); host, port, STARTTLS and credentials are spring.mail.* settings. */
@Component
@ConditionalOnProperty(name = "escalation.notification.channel", havingValue = "email", matchIfMissing = true)
class EmailChannel implements NotificationChannel {

  private static final String UTF_8 = "UTF-8";

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
    // MimeMessage's own setters, not Spring's MimeMessageHelper: for a message it did not create, the
    // helper reads the whole MIME type table from the classpath, a fifth of a node's CPU in a deadline
    // storm (README "Performance").
    try {
      mail.setFrom(new InternetAddress(from));
      mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient.email()));
      mail.setSubject(message.subject(), UTF_8);
      mail.setText(message.body(), UTF_8);
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
