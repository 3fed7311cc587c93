package uk.gov.service.notify;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

/**
 * GOV.UK Notify's client with connect and read timeouts: the official client sets none, so a hung
 * connection would hold a delivery job past Camunda's 5-minute job lock (another node would then
 * send the same message again). Lives in the client's package because the connection factory
 * it overrides is package-private; used only by {@code uk.safeguarding.escalation.notification.notify}.
 */
public class TimeoutNotificationClient extends NotificationClient {

  private final int timeoutMillis;

  public TimeoutNotificationClient(String apiKey, String baseUrl, Duration timeout) {
    super(apiKey, baseUrl);
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
  }

  @Override
  HttpURLConnection getConnection(URL url) throws IOException {
    HttpURLConnection connection = super.getConnection(url);
    connection.setConnectTimeout(timeoutMillis);
    connection.setReadTimeout(timeoutMillis);
    return connection;
  }
}
