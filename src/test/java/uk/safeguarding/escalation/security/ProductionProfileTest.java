package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.safeguarding.escalation.support.RunningApp;

/**
 * The production profile: no demo identities and no default password; the webapps as a browser
 * meets them over HTTPS (HSTS, Secure and SameSite cookies, Camunda's Content-Security-Policy, no
 * server banners, CSRF on every write) and login throttled after wrong passwords.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionProfileTest {

  static final String ADMIN = "opsadmin";
  static final String ADMIN_PASSWORD = "Correct-Horse-7-Battery";
  static final String WEBAPP_API = "/camunda/api/engine/engine/default";

  RunningApp app;

  @BeforeAll
  void start() {
    app = RunningApp.start("prod", "escalation.data-dir=" + RunningApp.newDataDir(),
        "escalation.admin.user=" + ADMIN, "escalation.admin.password=" + ADMIN_PASSWORD);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void refusesToStartWithoutAdminCredentials() {
    assertThatThrownBy(() -> RunningApp.start("prod", "escalation.data-dir=" + RunningApp.newDataDir(),
            "escalation.admin.user=", "escalation.admin.password="))
        .isInstanceOf(ProductionCredentialsCheck.MissingAdminCredentialsException.class)
        .hasMessage("Production profile: set ESCALATION_ADMIN_USER and ESCALATION_ADMIN_PASSWORD (the admin login); there is no default.");
  }

  @Test
  void refusesToStartWithOnlyAUser() {
    assertThatThrownBy(() -> RunningApp.start("prod", "escalation.data-dir=" + RunningApp.newDataDir(),
            "escalation.admin.user=opsadmin", "escalation.admin.password="))
        .isInstanceOf(ProductionCredentialsCheck.MissingAdminCredentialsException.class);
  }

  @Test
  void startsWithAdminCredentialsAndNoDemoUsers() {
    assertThat(app.engine().getIdentityService().createUserQuery().list())
        .extracting(u -> u.getId()).contains(ADMIN).noneMatch(id -> id.contains(".practitioner") || id.equals("admin"));
    assertThat(app.http().as(ADMIN, ADMIN_PASSWORD).get("/engine-rest/process-definition").statusCode()).isEqualTo(200);
    assertThat(app.http().as("admin", "demo").get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
    // Groups exist for routing even though nobody is in them yet.
    assertThat(app.engine().getIdentityService().createGroupQuery().groupId("nssab-police-line-manager").count())
        .isEqualTo(1);
  }

  // --- the webapps over HTTPS ------------------------------------------------------------------

  @Test
  void webappsSendHstsAndCamundasContentSecurityPolicy() {
    for (String webapp : List.of("tasklist", "cockpit", "admin")) {
      HttpResponse<String> page = new Browser().get("/camunda/app/" + webapp + "/default/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Strict-Transport-Security")).as(webapp).hasValue("max-age=31536000");
      // Camunda's own policy, which Tasklist and Cockpit are built for (the browser tests run under it):
      // scripts only with the page's nonce, nothing framed, no plugins, everything else from this host.
      assertThat(page.headers().firstValue("Content-Security-Policy")).as(webapp).hasValueSatisfying(csp -> assertThat(csp)
          .contains("script-src 'nonce-", "'strict-dynamic'", "default-src 'self'", "frame-ancestors 'none'",
              "object-src 'none'", "form-action 'self'", "base-uri 'self'"));
      assertThat(page.body()).contains("nonce=\"");
      assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void sessionAndCsrfCookiesAreSecureHttpOnlyWhereTheyCanBeAndSameSite() {
    Browser browser = new Browser();
    browser.get("/camunda/app/tasklist/default/");
    assertThat(browser.login("tasklist", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    Map<String, String> cookies = browser.setCookieHeaders;
    assertThat(cookies.get("JSESSIONID")).contains("Secure", "HttpOnly").containsIgnoringCase("SameSite=Lax");
    // The CSRF cookie is read by the webapps' scripts, so it cannot be HttpOnly.
    assertThat(cookies.get("XSRF-TOKEN")).contains("Secure").containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void noServerBanners() {
    Browser browser = new Browser();
    for (HttpResponse<String> response : List.of(browser.get("/camunda/app/tasklist/default/"), browser.get("/no-such-page"),
        browser.get("/actuator/health"), app.http().get("/engine-rest/process-definition"),
        app.http().as(ADMIN, ADMIN_PASSWORD).get("/engine-rest/version"), app.http().post("/engine-rest/message", "{"))) {
      assertThat(response.headers().firstValue("Server")).as(response.uri().toString()).isEmpty();
      assertThat(response.headers().firstValue("X-Powered-By")).as(response.uri().toString()).isEmpty();
      assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("Apache");
    }
  }

  @Test
  void everyWebappWriteWithoutTheCsrfTokenIsRefused() {
    String instance = app.engine().getRuntimeService().startProcessInstanceByKey("smoke-test", "NS-CSRF-1",
        Map.of("raisingAgency", "police")).getId();
    Task task = app.engine().getTaskService().createTaskQuery().processInstanceId(instance).active().list().get(0);
    long operations = app.engine().getHistoryService().createUserOperationLogQuery().count();

    // Logged in with a live session, the administrator may do all of these; without the token none
    // happens, and Camunda ends the session that sent it (a forged request logs its victim out).
    List<String[]> writes = List.of(
        new String[] {"POST", WEBAPP_API + "/task/" + task.getId() + "/claim", "{\"userId\": \"" + ADMIN + "\"}"},
        new String[] {"POST", WEBAPP_API + "/task/" + task.getId() + "/complete", "{\"variables\": {}}"},
        new String[] {"PUT", WEBAPP_API + "/process-instance/" + instance + "/variables/raisingAgency",
            "{\"value\": \"health\", \"type\": \"String\"}"},
        new String[] {"DELETE", WEBAPP_API + "/process-instance/" + instance + "/variables/raisingAgency", null},
        new String[] {"PUT", WEBAPP_API + "/process-instance/" + instance + "/suspended", "{\"suspended\": true}"},
        new String[] {"DELETE", WEBAPP_API + "/process-instance/" + instance, null},
        new String[] {"POST", WEBAPP_API + "/process-definition/key/smoke-test/start", "{\"variables\": {}}"},
        new String[] {"POST", WEBAPP_API + "/user/create", "{\"profile\": {\"id\": \"intruder\"}, "
            + "\"credentials\": {\"password\": \"Intruder-12345!x\"}}"},
        new String[] {"POST", WEBAPP_API + "/group/create", "{\"id\": \"intruders\", \"name\": \"I\"}"},
        new String[] {"PUT", WEBAPP_API + "/group/camunda-admin/members/intruder", null},
        new String[] {"POST", WEBAPP_API + "/authorization/create", "{\"type\": 1, \"resourceType\": 0, \"resourceId\": \"*\","
            + " \"permissions\": [\"ALL\"], \"userId\": \"intruder\"}"},
        new String[] {"POST", WEBAPP_API + "/filter/create", "{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": {}}"},
        new String[] {"POST", "/camunda/api/admin/auth/user/default/logout", null});
    for (String[] write : writes) {
      Browser browser = new Browser();
      assertThat(browser.login("cockpit", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
      HttpResponse<String> response = browser.send(write[0], write[1], write[2], false);
      assertThat(response.statusCode()).as(write[0] + " " + write[1]).isEqualTo(403);
      assertThat(response.headers().firstValue("X-XSRF-TOKEN")).as(write[1]).hasValue("Required");
      assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).as("session after " + write[1])
          .isEqualTo(401);
    }

    var runtime = app.engine().getRuntimeService();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isEqualTo(1);
    assertThat(runtime.getVariable(instance, "raisingAgency")).isEqualTo("police");
    assertThat(app.engine().getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    assertThat(app.engine().getIdentityService().createUserQuery().userId("intruder").count()).isZero();
    assertThat(app.engine().getIdentityService().createGroupQuery().groupId("intruders").count()).isZero();
    assertThat(app.engine().getHistoryService().createUserOperationLogQuery().count()).isEqualTo(operations);
    // a session sending its token may write: the refusals above were the token's
    Browser browser = new Browser();
    assertThat(browser.login("cockpit", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    assertThat(browser.send("POST", WEBAPP_API + "/task/" + task.getId() + "/claim", "{\"userId\": \"" + ADMIN + "\"}", true)
        .statusCode()).isEqualTo(204);
  }

  // --- login throttling ------------------------------------------------------------------------

  @Test
  void wrongPasswordsLockTheLoginForAWhileEvenWithTheRightPassword() {
    String user = newUser("throttled.user");
    long start = System.currentTimeMillis();
    try {
      // Each wrong password locks the login for 3 x 2^(n-1) s (3, 6, 12 s); a guess inside a lock is
      // not even checked, so the clock moves past each lock before the next guess.
      for (long at : new long[] {0, 4_000, 11_000}) {
        ClockUtil.setCurrentTime(new Date(start + at));
        assertThat(app.http().as(user, "Wrong-Password-1!").get("/engine-rest/version").statusCode()).isEqualTo(401);
      }
      // the third wrong password, at 11 s, locks until 23 s, whatever is typed, in the webapps as over REST
      assertThat(app.http().as(user, PASSWORD).get("/engine-rest/version").statusCode()).isEqualTo(401);
      assertThat(new Browser().login("tasklist", user, PASSWORD).statusCode()).isEqualTo(401);
      ClockUtil.setCurrentTime(new Date(start + 22_000));
      assertThat(app.http().as(user, PASSWORD).get("/engine-rest/version").statusCode()).isEqualTo(401);

      ClockUtil.setCurrentTime(new Date(start + 24_000));
      assertThat(app.http().as(user, PASSWORD).get("/engine-rest/version").statusCode()).isEqualTo(200);
      assertThat(new Browser().login("tasklist", user, PASSWORD).statusCode()).isEqualTo(200);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void tenWrongPasswordsInARowLockTheUserUntilAnAdministratorUnlocksThem() {
    String user = newUser("guessed.user");
    long now = System.currentTimeMillis();
    try {
      for (int i = 0; i < 10; i++) {
        now += 61_000; // past each delay, so every guess is checked
        ClockUtil.setCurrentTime(new Date(now));
        assertThat(app.http().as(user, "Wrong-Password-" + i + "!").get("/engine-rest/version").statusCode()).isEqualTo(401);
      }
      ClockUtil.setCurrentTime(new Date(now + 24 * 3600_000L));
      assertThat(app.http().as(user, PASSWORD).get("/engine-rest/version").statusCode()).isEqualTo(401);

      app.engine().getIdentityService().unlockUser(user);
      assertThat(app.http().as(user, PASSWORD).get("/engine-rest/version").statusCode()).isEqualTo(200);
    } finally {
      ClockUtil.reset();
    }
  }

  static final String PASSWORD = "Right-Password-42!";

  private String newUser(String id) {
    IdentityService identity = app.engine().getIdentityService();
    User user = identity.newUser(id);
    user.setFirstName("Test");
    user.setLastName("User");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, "nssab");
    return id;
  }

  /**
   * A browser over HTTPS as far as cookies go: it keeps the cookies the server sets, Secure ones
   * included (java.net's cookie manager would drop those on the test's plain-HTTP connection), and
   * sends the CSRF token the webapps hand out when asked to.
   */
  class Browser {
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> cookies = new LinkedHashMap<>();
    final Map<String, String> setCookieHeaders = new LinkedHashMap<>();
    String csrfToken;

    HttpResponse<String> get(String path) {
      return exchange(request(path).GET());
    }

    HttpResponse<String> login(String webapp, String user, String password) {
      get("/camunda/app/" + webapp + "/default/");
      HttpResponse<String> login = exchange(request("/camunda/api/admin/auth/user/default/login/" + webapp)
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
      if (login.statusCode() == 200) {
        get("/camunda/api/admin/auth/user/default"); // the new session's token comes with the app's next call
      }
      return login;
    }

    HttpResponse<String> send(String method, String path, String json, boolean withToken) {
      HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      if (withToken) {
        builder.header("X-XSRF-TOKEN", csrfToken);
      }
      return exchange(builder);
    }

    HttpRequest.Builder request(String path) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
      if (!cookies.isEmpty()) {
        builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
      return builder;
    }

    HttpResponse<String> exchange(HttpRequest.Builder builder) {
      try {
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String header : response.headers().allValues("Set-Cookie")) {
          String pair = header.split(";", 2)[0];
          String name = pair.substring(0, pair.indexOf('='));
          cookies.put(name, pair.substring(pair.indexOf('=') + 1));
          setCookieHeaders.put(name, header);
        }
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
}
