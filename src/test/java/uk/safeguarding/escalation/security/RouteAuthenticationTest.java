package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * Every route of the engine REST API, as Camunda's OpenAPI document lists them (399 operations),
 * the same routes under the webapps' API, the webapps' plugin APIs and our own notification log:
 * without credentials each answers 401 (the webapps' API: 401 or 403); with a practitioner's login
 * none answers 5xx, and no answer carries a stack trace or the engine's internals. Administrators'
 * operations answer staff 403 and leave nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAuthenticationTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PRACTITIONER = "nssab.police.practitioner";
  static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "options");

  /** Our own routes besides the engine's: the Cockpit and Tasklist plugins' and the notification log. */
  static final List<String> OWN_WEBAPP_ROUTES = List.of(
      "/camunda/api/cockpit/plugin/escalation/default/cases", "/camunda/api/cockpit/plugin/escalation/default/cases/csv",
      "/camunda/api/cockpit/plugin/escalation/default/cases/options",
      "/camunda/api/cockpit/plugin/escalation/default/monitoring",
      "/camunda/api/cockpit/plugin/escalation/default/monitoring/csv",
      "/camunda/api/cockpit/plugin/escalation/default/case-history/x",
      "/camunda/api/tasklist/plugin/escalation/default/my-cases");

  /**
   * Routes Camunda leaves open on purpose, and what they tell: the engine's name (so a client finds
   * the engine) and, on the webapps' API, the password rules (for the change-password page; 404 when
   * no policy is on, as in the demo profile).
   */
  static final Map<String, String> OPEN_BY_DESIGN = Map.of(
      "REST GET /engine", "[{\"name\":\"default\"}]",
      "webapp GET /identity/password-policy", "");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;

  record Operation(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  List<Operation> operations;

  /** Each operation of openapi.json, path parameters filled with an id that names nothing. */
  @BeforeAll
  void readTheOpenApiDocument() throws Exception {
    operations = new ArrayList<>();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.json")) {
      assertThat(in).as("openapi.json of camunda-engine-rest-openapi").isNotNull();
      JsonNode paths = JSON.readTree(in).path("paths");
      Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> path = it.next();
        path.getValue().fieldNames().forEachRemaining(method -> {
          if (METHODS.contains(method)) {
            operations.add(new Operation(method.toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", "x")));
          }
        });
      }
    }
    assertThat(operations).hasSizeGreaterThan(390);
  }

  @Test
  void withoutCredentialsEveryRouteAnswers401() {
    Http anonymous = Http.anonymous(port);
    List<String> failures = new ArrayList<>();
    for (Operation operation : operations) {
      HttpResponse<String> rest = send(anonymous, false, operation.method(), "/engine-rest" + operation.path());
      if (OPEN_BY_DESIGN.containsKey("REST " + operation)) {
        assertThat(rest.body()).as(operation.toString()).isEqualTo(OPEN_BY_DESIGN.get("REST " + operation));
      } else if (rest.statusCode() != 401 || leaks(rest.body())) {
        failures.add("REST " + operation + " -> " + rest.statusCode() + " " + rest.body());
      }
      HttpResponse<String> webapp = send(anonymous, false, operation.method(),
          DirectVariableWritesTest.WEBAPP_API + operation.path());
      if (OPEN_BY_DESIGN.containsKey("webapp " + operation)) {
        assertThat(webapp.statusCode()).as(operation.toString()).isIn(200, 404);
        assertThat(leaks(webapp.body())).isFalse();
      } else if ((webapp.statusCode() != 401 && webapp.statusCode() != 403) || leaks(webapp.body())) {
        failures.add("webapp " + operation + " -> " + webapp.statusCode() + " " + webapp.body());
      }
    }
    for (String path : OWN_WEBAPP_ROUTES) {
      HttpResponse<String> response = anonymous.get(path);
      if ((response.statusCode() != 401 && response.statusCode() != 403) || leaks(response.body())) {
        failures.add("GET " + path + " -> " + response.statusCode() + " " + response.body());
      }
    }
    HttpResponse<String> notifications = anonymous.get("/api/notifications?processInstanceId=x");
    if (notifications.statusCode() != 401) {
      failures.add("GET /api/notifications -> " + notifications.statusCode());
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void withAStaffLoginNoRouteAnswers5xxOrShowsInternals() {
    Http rest = Http.anonymous(port).as(PRACTITIONER, "demo");
    Http tasklist = Http.anonymous(port);
    assertThat(tasklist.webappLogin("tasklist", PRACTITIONER, "demo").statusCode()).isEqualTo(200);
    Map<String, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (Operation operation : operations) {
      for (boolean webapp : new boolean[] {false, true}) {
        String path = (webapp ? DirectVariableWritesTest.WEBAPP_API : "/engine-rest") + operation.path();
        HttpResponse<String> response = send(webapp ? tasklist : rest, webapp, operation.method(), path);
        statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
        if (response.statusCode() >= 500 || leaks(response)) {
          failures.add(operation.method() + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
      }
    }
    for (String path : OWN_WEBAPP_ROUTES) {
      HttpResponse<String> response = tasklist.get(path);
      if (response.statusCode() >= 500 || leaks(response.body())) {
        failures.add("GET " + path + " -> " + response.statusCode() + " " + response.body());
      }
    }
    HttpResponse<String> notifications = rest.get("/api/notifications?processInstanceId=x");
    if (notifications.statusCode() >= 500 || leaks(notifications.body())) {
      failures.add("GET /api/notifications -> " + notifications.statusCode() + " " + notifications.body());
    }
    assertThat(failures).as("statuses " + statuses).isEmpty();
  }

  @Test
  void administratorsOperationsAreRefusedToStaffAndLeaveNothingBehind() {
    Http rest = Http.anonymous(port).as(PRACTITIONER, "demo");
    long jobs = engine.getManagementService().createJobQuery().count();
    Map<String, String> adminOnly = Map.of(
        "/user/create", "{\"profile\": {\"id\": \"intruder\", \"firstName\": \"I\", \"lastName\": \"N\"},"
            + " \"credentials\": {\"password\": \"Intruder-12345!x\"}}",
        "/group/create", "{\"id\": \"intruders\", \"name\": \"I\"}",
        "/tenant/create", "{\"id\": \"intruders\", \"name\": \"I\"}",
        "/authorization/create", "{\"type\": 1, \"resourceType\": 0, \"resourceId\": \"*\", \"permissions\": [\"ALL\"],"
            + " \"userId\": \"" + PRACTITIONER + "\"}",
        "/history/cleanup", "{}");
    for (Map.Entry<String, String> operation : adminOnly.entrySet()) {
      HttpResponse<String> response = rest.post("/engine-rest" + operation.getKey(), operation.getValue());
      assertThat(response.statusCode()).as(operation.getKey() + ": " + response.body()).isEqualTo(403);
      assertThat(leaks(response.body())).as(response.body()).isFalse();
    }
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identityService.createGroupQuery().groupId("intruders").count()).isZero();
    assertThat(identityService.createTenantQuery().tenantId("intruders").count()).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn(PRACTITIONER).resourceId("*").count())
        .isZero();
    assertThat(engine.getManagementService().createJobQuery().count()).isEqualTo(jobs);
  }

  /** A stack trace or the engine's internals in an answer. */
  static boolean leaks(String body) {
    return MalformedRequestFuzzTest.INTERNALS.matcher(body).find();
  }

  /**
   * The same for an error; a successful answer only must carry no stack trace (Camunda's statistics
   * name their result class in {@code "@class"}, the documented shape of that answer, left as is).
   */
  static boolean leaks(HttpResponse<String> response) {
    return response.statusCode() >= 400 ? leaks(response.body()) : STACK_TRACE.matcher(response.body()).find();
  }

  static final java.util.regex.Pattern STACK_TRACE = java.util.regex.Pattern.compile("\\tat |Exception:|\\[Source:");

  /** Writes carry an empty JSON object, the commonest shape of a body here. */
  static HttpResponse<String> send(Http client, boolean webapp, String method, String path) {
    String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
    return webapp ? client.sendWithCsrf(method, path, body) : client.send(method, path, body);
  }
}
