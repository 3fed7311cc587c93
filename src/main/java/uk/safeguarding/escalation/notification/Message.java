package uk.safeguarding.escalation.notification;

import java.util.Map;

/**
 * A rendered notification: case reference, protocol, stage, deadline and a link; never personal
 * data. {@code fields} are the same values unrendered (keys {@code caseReference}, {@code protocol},
 * {@code stage}, {@code deadline}, {@code link}) for channels that render their own templates.
 */
public record Message(String subject, String body, NotificationKind kind, Map<String, String> fields) {

  public Message {
    fields = Map.copyOf(fields);
  }
}
