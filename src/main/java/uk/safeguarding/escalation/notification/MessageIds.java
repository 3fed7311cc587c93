package uk.safeguarding.escalation.notification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The stable identity of one delivery to one recipient: the same over every retry and after a
 * crash, and naming nobody (a name-based UUID of the delivery instance and the user ID). Email
 * sends it as the Message-ID, so a message resent after a crash between the relay's acceptance and
 * our log entry is the same message to mail clients and to whoever counts deliveries.
 */
public final class MessageIds {

  private MessageIds() {}

  public static String of(String deliveryKey, String userId) {
    return UUID.nameUUIDFromBytes((deliveryKey + "/" + userId).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
