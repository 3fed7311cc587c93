package uk.safeguarding.escalation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for GOV.UK Notify's API (POST /v2/notifications/email) that checks what the real
 * one checks: a Bearer JWT signed HS256 with the key's secret, issued by the service, issued within
 * the last 30 seconds; and answers as Notify documents it (201 with the notification, or its error
 * bodies). Errors to return can be queued; otherwise it accepts.
 */
public final class NotifyStub implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  public final String serviceId = UUID.randomUUID().toString();
  public final String secret = UUID.randomUUID().toString();
  private final HttpServer server;
  private final Deque<Integer> queuedErrors = new ArrayDeque<>();
  /** Every request body that passed authentication, whatever was answered. */
  public final List<JsonNode> accepted = new CopyOnWriteArrayList<>();

  public NotifyStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v2/notifications/email", this::handle);
    server.start();
  }

  /** The API key as Notify shows it: key name, service id, secret. */
  public String apiKey() {
    return "escalation_test-" + serviceId + "-" + secret;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next requests are answered with these statuses (400, 403, 429, 500), then 201 again. */
  public synchronized void failNext(Integer... statuses) {
    queuedErrors.addAll(List.of(statuses));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, error(405, "MethodNotAllowed", "Method not allowed"));
        return;
      }
      String authError = checkToken(exchange.getRequestHeaders().getFirst("Authorization"));
      if (authError != null) {
        answer(exchange, 403, error(403, "AuthError", authError));
        return;
      }
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      accepted.add(body);
      Integer status;
      synchronized (this) {
        status = queuedErrors.poll();
      }
      if (status != null) {
        answer(exchange, status, switch (status) {
          case 400 -> error(400, "BadRequestError", "Can't send to this recipient using a team-only API key");
          case 403 -> error(403, "AuthError", "Invalid token: API key not found");
          case 429 -> error(429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds");
          default -> error(500, "Exception", "Internal server error");
        });
        return;
      }
      if (!body.path("email_address").isTextual() || !body.path("template_id").isTextual()) {
        answer(exchange, 400, error(400, "ValidationError", "email_address and template_id are required"));
        return;
      }
      String id = UUID.randomUUID().toString();
      String templateId = body.path("template_id").asText();
      answer(exchange, 201, """
          {"id": "%s", "reference": %s,
           "content": {"subject": "Escalation", "body": "rendered by Notify", "from_email": "escalation@notifications.service.gov.uk",
                       "one_click_unsubscribe_url": null},
           "uri": "https://api.notifications.service.gov.uk/v2/notifications/%s",
           "template": {"id": "%s", "version": 1, "uri": "https://api.notifications.service.gov.uk/services/%s/templates/%s"}}
          """.formatted(id, body.has("reference") ? body.get("reference").toString() : "null", id, templateId, serviceId,
          templateId));
    }
  }

  /** Null if the token is what Notify accepts, else Notify's words for the fault. */
  private String checkToken(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return "Unauthorized: authentication token must be provided";
    }
    String[] parts = authorization.substring(7).split("\\.");
    if (parts.length != 3) {
      return "Invalid token: signature, api token not found";
    }
    try {
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (!"HS256".equals(header.path("alg").asText())) {
        return "Invalid token: algorithm used is not HS256";
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
        return "Invalid token: signature, api token not found";
      }
      if (!serviceId.equals(claims.path("iss").asText())) {
        return "Invalid token: service not found";
      }
      long age = Instant.now().getEpochSecond() - claims.path("iat").asLong(0);
      if (age > 30 || age < -30) {
        return "Error: Your system clock must be accurate to within 30 seconds";
      }
      return null;
    } catch (Exception e) {
      return "Invalid token: signature, api token not found";
    }
  }

  private static String error(int status, String error, String message) {
    return "{\"errors\": [{\"error\": \"%s\", \"message\": \"%s\"}], \"status_code\": %d}".formatted(error, message, status);
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
