package uk.safeguarding.escalation.notification.notify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.TimeoutNotificationClient;
import uk.safeguarding.escalation.notification.Message;
import uk.safeguarding.escalation.notification.NotificationChannel;
import uk.safeguarding.escalation.notification.NotificationException;
import uk.safeguarding.escalation.notification.Recipient;

/**
 * Email through GOV.UK Notify. The wording lives in the partnership's Notify templates (one per
 * notification kind); we send only the personalisation below, never names or the dispute text.
 * A refused request (400 invalid, 403 key not accepted) becomes an incident at once; a rate limit
 * (429), a Notify outage (5xx) or no connection is retried with the delivery job.
 */
@Component
@ConditionalOnProperty(name = "escalation.notification.channel", havingValue = "notify")
class NotifyChannel implements NotificationChannel {

  /** Far below Camunda's 5-minute job lock, as for SMTP. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final NotifySettings settings;
  private final NotificationClient client;

  NotifyChannel(Environment environment) {
    this.settings = NotifySettings.from(environment);
    this.client = new TimeoutNotificationClient(settings.apiKey(), settings.baseUrl(), TIMEOUT);
  }

  @Override
  public String name() {
    return "notify";
  }

  @Override
  public void send(String messageId, Recipient recipient, Message message) {
    Map<String, String> fields = message.fields();
    Map<String, Object> personalisation = new LinkedHashMap<>();
    personalisation.put("case_reference", fields.get("caseReference"));
    personalisation.put("protocol", fields.get("protocol"));
    personalisation.put("stage", fields.get("stage"));
    personalisation.put("deadline", fields.get("deadline"));
    personalisation.put("link", fields.get("link"));
    try {
      // Notify's reference shows in its dashboard next to each email: the case reference, no personal data.
      client.sendEmail(settings.templates().get(message.kind()), recipient.email(), personalisation,
          fields.get("caseReference"));
    } catch (NotificationClientException e) {
      int status = e.getHttpResult();
      String reason = "GOV.UK Notify " + (status == 0 ? "unreachable" : "answered " + status) + errors(e.getMessage());
      throw new NotificationException(reason, status == 400 || status == 403);
    }
  }

  /** Notify's own error words ({"errors":[{"error":…,"message":…}]}), which name no recipient. */
  private static String errors(String clientMessage) {
    if (clientMessage == null || clientMessage.indexOf('{') < 0) {
      return "";
    }
    try {
      JSONArray errors = new JSONObject(clientMessage.substring(clientMessage.indexOf('{'))).getJSONArray("errors");
      StringBuilder words = new StringBuilder();
      for (int i = 0; i < errors.length(); i++) {
        JSONObject error = errors.getJSONObject(i);
        words.append(i == 0 ? ": " : "; ").append(error.optString("error")).append(" ").append(error.optString("message"));
      }
      return words.toString();
    } catch (JSONException e) {
      return "";
    }
  }
}
