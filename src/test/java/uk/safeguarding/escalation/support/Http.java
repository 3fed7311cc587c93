package uk.safeguarding.escalation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client against the running application, as an outside REST client would use it. */
public final class Http {

  private final HttpClient client;
  private final String baseUrl;
  private final String authorization;
  private String csrfToken;

  private Http(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    // Each client keeps its own cookies, like one browser: the webapps' session and CSRF cookie.
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new HttpsLikeCookies())
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /**
   * A browser behind the production HTTPS terminator as far as cookies go: the prod profile marks the
   * webapps' cookies Secure, which java.net's cookie manager would never send back over the tests'
   * plain HTTP, so the Secure attribute is dropped on the way in.
   */
  static final class HttpsLikeCookies extends CookieManager {
    @Override
    public void put(URI uri, Map<String, java.util.List<String>> responseHeaders) throws IOException {
      Map<String, java.util.List<String>> headers = new java.util.HashMap<>();
      responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
          ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
      super.put(uri, headers);
    }
  }

  public static Http anonymous(int port) {
    return new Http("http://localhost:" + port, null);
  }

  public Http as(String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Http(baseUrl, "Basic " + token);
  }

  /**
   * Logs into a webapp the way its login page does: fetch a CSRF token, then post the form.
   * Returns the login response; later {@link #postWithCsrf} calls reuse session and token.
   */
  public HttpResponse<String> webappLogin(String app, String user, String password) {
    get("/camunda/app/" + app + "/default/");
    HttpResponse<String> login = send(request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    if (login.statusCode() == 200) {
      get("/camunda/api/admin/auth/user/default"); // the app's next call; the new session's token comes with it
    }
    return login;
  }

  public HttpResponse<String> postWithCsrf(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method with a JSON body (null: none), through the webapps' session and CSRF token like Tasklist. */
  public HttpResponse<String> sendWithCsrf(String method, String path, String json) {
    return sendWithCsrf(method, path, "application/json", json);
  }

  public HttpResponse<String> sendWithCsrf(String method, String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).header("X-XSRF-TOKEN", csrfToken)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Any method with a JSON body (null: none). */
  public HttpResponse<String> send(String method, String path, String json) {
    return send(method, path, "application/json", json);
  }

  public HttpResponse<String> send(String method, String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Raw bytes as the body (e.g. text that is not valid UTF-8), with the CSRF token when {@code csrf}. */
  public HttpResponse<String> sendBytes(String method, String path, byte[] body, boolean csrf) {
    HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
    if (csrf) {
      request.header("X-XSRF-TOKEN", csrfToken);
    }
    return send(request.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST asking for HAL (application/hal+json), as Tasklist lists a filter's tasks. */
  public HttpResponse<String> postHal(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST asking for HAL through the webapps' session and CSRF token: Tasklist listing a filter's tasks. */
  public HttpResponse<String> postHalWithCsrf(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").header("Accept", "application/hal+json")
        .header("X-XSRF-TOKEN", csrfToken).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A GET with this Accept header (e.g. HAL), as the webapps fetch some resources. */
  public HttpResponse<String> get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET());
  }

  /**
   * What Camunda Modeler's Deploy sends: {@code POST /engine-rest/deployment/create}, multipart, the
   * diagram and any "additional files" (forms) as file parts named by their file names.
   */
  public HttpResponse<String> deploy(String deploymentName, Map<String, String> files) {
    String boundary = "----ModelerBoundary7MA4YWxkTrZu0gW";
    StringBuilder body = new StringBuilder();
    Map<String, String> fields = Map.of("deployment-name", deploymentName,
        "deployment-source", "Camunda Modeler", "deploy-changed-only", "true");
    fields.forEach((name, value) -> body.append("--").append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
    files.forEach((name, content) -> body.append("--").append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(name)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return send(request("/engine-rest/deployment/create").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      // The webapps rotate the CSRF token with the session (e.g. at login), as a browser would follow.
      response.headers().firstValue("X-XSRF-TOKEN").filter(t -> !"Required".equals(t)).ifPresent(t -> csrfToken = t);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
