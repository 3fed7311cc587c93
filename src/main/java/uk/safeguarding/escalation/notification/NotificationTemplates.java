package uk.safeguarding.escalation.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Subject and body per kind from {@code notification-templates/<kind>.txt}: the first line is
 * "Subject: …", the rest is the body. Placeholders are {@code {name}}; an unknown one is an error
 * at start-up, not a broken email later.
 */
@Component
class NotificationTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
  static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("caseReference", "protocol", "stage", "deadline", "link");

  private final Map<NotificationKind, String> templates = new EnumMap<>(NotificationKind.class);

  NotificationTemplates() {
    for (NotificationKind kind : NotificationKind.values()) {
      String name = "notification-templates/" + kind.templateName() + ".txt";
      try (InputStream in = new ClassPathResource(name).getInputStream()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (!text.startsWith("Subject: ")) {
          throw new IllegalStateException(name + " must start with 'Subject: '");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
          if (!PLACEHOLDERS.contains(m.group(1))) {
            throw new IllegalStateException(name + " uses unknown placeholder {" + m.group(1) + "}");
          }
        }
        templates.put(kind, text);
      } catch (IOException e) {
        throw new UncheckedIOException("Missing notification template " + name, e);
      }
    }
  }

  Message render(NotificationKind kind, Map<String, String> values) {
    String text = PLACEHOLDER.matcher(templates.get(kind))
        .replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
    int endOfSubject = text.indexOf('\n');
    return new Message(text.substring("Subject: ".length(), endOfSubject).trim(), text.substring(endOfSubject + 1).strip() + "\n",
        kind, values);
  }
}
