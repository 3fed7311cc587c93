package uk.safeguarding.escalation.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a free local port, which a test can stop and start again. */
public final class SmtpServer {

  private final int port = freePort();
  private GreenMail server;

  public SmtpServer start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return this;
  }

  public void stop() {
    server.stop();
  }

  public int port() {
    return port;
  }

  public void clear() {
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public List<MimeMessage> received() {
    return Arrays.asList(server.getReceivedMessages());
  }

  /** The single "To" address of each received message, in order of arrival. */
  public List<String> recipients() {
    return received().stream().map(SmtpServer::to).toList();
  }

  public static String to(MimeMessage mail) {
    try {
      return mail.getRecipients(RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
