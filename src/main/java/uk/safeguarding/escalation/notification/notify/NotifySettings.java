package uk.safeguarding.escalation.notification.notify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import uk.safeguarding.escalation.notification.NotificationKind;

/**
 * GOV.UK Notify settings, from the environment (README "GOV.UK Notify"): {@code NOTIFY_API_KEY},
 * optional {@code NOTIFY_BASE_URL}, and one {@code NOTIFY_TEMPLATE_<KIND>} per notification kind.
 * All are checked at start-up, so a missing template stops the node with a sentence instead of
 * failing the first case that needs it, days later.
 */
record NotifySettings(String apiKey, String baseUrl, Map<NotificationKind, String> templates) {

  static final String DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk";
  /** Notify's key: {name}-{service id (UUID)}-{secret (UUID)}. */
  private static final String KEY_PATTERN = ".+-\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}-\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}";

  static NotifySettings from(Environment environment) {
    List<String> missing = new ArrayList<>();
    String apiKey = environment.getProperty("NOTIFY_API_KEY", "").trim();
    if (apiKey.isEmpty()) {
      missing.add("NOTIFY_API_KEY");
    } else if (!apiKey.matches(KEY_PATTERN)) {
      throw new IllegalStateException("NOTIFY_API_KEY is not a GOV.UK Notify API key"
          + " (expected {key name}-{service id}-{secret}, as Notify shows it once when the key is created).");
    }
    Map<NotificationKind, String> templates = new EnumMap<>(NotificationKind.class);
    for (NotificationKind kind : NotificationKind.values()) {
      String template = environment.getProperty(variable(kind), "").trim();
      if (template.isEmpty()) {
        missing.add(variable(kind));
      } else {
        templates.put(kind, template);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("ESCALATION_NOTIFICATION_CHANNEL=notify: set " + String.join(", ", missing)
          + " (README \"GOV.UK Notify\").");
    }
    String baseUrl = environment.getProperty("NOTIFY_BASE_URL", "").trim();
    return new NotifySettings(apiKey, baseUrl.isEmpty() ? DEFAULT_BASE_URL : baseUrl, templates);
  }

  static String variable(NotificationKind kind) {
    return "NOTIFY_TEMPLATE_" + kind.name();
  }
}
