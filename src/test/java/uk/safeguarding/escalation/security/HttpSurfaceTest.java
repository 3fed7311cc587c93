package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.identity.GroupIds;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.RunningApp;

/** Every HTTP entry point of the demo application, as an outside client meets it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpSurfaceTest {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("escalation.data-dir", () -> RunningApp.newDataDir().toString());
  }

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  IdentityService identityService;

  Http anonymous;
  Http admin;

  @BeforeEach
  void clients() {
    anonymous = Http.anonymous(port);
    admin = anonymous.as("admin", "demo");
  }

  // --- engine REST -------------------------------------------------------------------------

  @Test
  void restWithoutCredentialsIsUnauthorized() {
    HttpResponse<String> response = anonymous.get("/engine-rest/process-definition");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void anUnknownAddressShowsAPlainPageNotSpringsErrorPage() throws Exception {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/no-such-page")).header("Accept", "text/html").build();
    HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("<h1>Not found</h1>").contains("/camunda/app/tasklist/")
        .doesNotContain("Whitelabel").doesNotContain("Exception");
  }

  @Test
  void restWithWrongPasswordIsUnauthorized() {
    // Not the admin: a failed login makes Camunda throttle that user's next attempts.
    assertThat(anonymous.as("bscp.education.director", "wrong").get("/engine-rest/process-definition").statusCode())
        .isEqualTo(401);
  }

  @Test
  void restWithDemoAdminListsDeployedProcessDefinitions() {
    HttpResponse<String> response = admin.get("/engine-rest/process-definition");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
    assertThat(response.body()).contains("\"key\":\"smoke-test\"");
  }

  @Test
  void restAppliesAuthorizationsToStaff() {
    // A practitioner reads their partnership's protocol and nothing else.
    HttpResponse<String> response = anonymous.as("nssab.police.practitioner", "demo").get("/engine-rest/process-definition");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"key\":\"nssab-escalation\"").doesNotContain("smoke-test");
  }

  @Test
  void javaSerializedObjectVariablesAreRefusedAndNothingStarts() {
    // The engine refuses them too (javaSerializationFormatEnabled=false), but with a 500.
    long before = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> response = admin.post("/engine-rest/process-definition/key/smoke-test/start", """
        {"variables": {"payload": {"type": "Object", "value": "rO0ABXQABWhlbGxv",
          "valueInfo": {"objectTypeName": "java.lang.String", "serializationDataFormat": "application/x-java-serialized-object"}}}}
        """);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Java-serialized");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  // --- expressions in ad-hoc queries -------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"orQueries\": [{\"assigneeExpression\": \"${currentUser()}\"}]}",
      "{\"orQueries\": [{\"candidateGroupExpression\": \"#{''.getClass()}\"}]}",
      "{\"assigneeExpression\": \"${currentUser()}\"}",
      "{\"orQueries\": [{\"dueAfterExpression\": \"\\u0024{now()}\"}]}"})
  void restQueryBodiesWithExpressionsAreRefused(String body) {
    HttpResponse<String> response = admin.post("/engine-rest/task", body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Expressions are not allowed");
  }

  @Test
  void restQueryParametersWithExpressionsAreRefused() {
    HttpResponse<String> response = admin.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("query parameters");
  }

  @Test
  void webappApiQueryBodiesWithExpressionsAreRefusedBeforeLogin() {
    HttpResponse<String> response = anonymous.post("/camunda/api/engine/engine/default/task",
        "{\"orQueries\": [{\"assigneeExpression\": \"${currentUser()}\"}]}");
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void plainQueriesStillWork() {
    HttpResponse<String> response = admin.post("/engine-rest/task", "{\"orQueries\": [{\"assignee\": \"nobody\"}]}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]");
  }

  @Test
  void variableValuesMayContainExpressionLikeText() {
    HttpResponse<String> response = admin.post("/engine-rest/process-definition/key/smoke-test/start", """
        {"variables": {"raisingAgency": {"value": "police", "type": "String"},
                       "disputeSummary": {"value": "Typed ${not evaluated}", "type": "String"}}}
        """);
    assertThat(response.statusCode()).isEqualTo(200);
    String id = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(runtimeService.getVariable(id, "disputeSummary")).isEqualTo("Typed ${not evaluated}");
  }

  // --- Admin webapp setup ------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "/camunda/api/admin/setup/default/user/create",
      "/camunda/api/admin/setup/default/user/create/",
      "/camunda//api/admin/setup/default/user/create",
      "/camunda/api/admin/./setup/default/user/create",
      "/camunda/api/admin/setup/default/user/create;jsessionid=x"})
  void adminSetupIsRefusedEvenWhenCamundaAdminHasNoMember(String path) {
    identityService.deleteMembership("admin", GroupIds.ADMIN);
    try {
      HttpResponse<String> response = anonymous.post(path,
          "{\"profile\": {\"id\": \"intruder\", \"firstName\": \"I\", \"lastName\": \"N\", \"email\": \"i@example.org\"},"
              + " \"credentials\": {\"password\": \"Intruder-12345!\"}}");
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    } finally {
      identityService.createMembership("admin", GroupIds.ADMIN);
    }
  }

  // --- webapps -----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/"})
  void webappPagesAreServedWithSecurityHeaders(String path) {
    HttpResponse<String> response = anonymous.get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<html").contains("Camunda");
    assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void rootRedirectsToTheWebapps() {
    HttpResponse<String> response = anonymous.get("/");
    assertThat(response.statusCode()).isBetween(300, 399);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).contains("/camunda/app/"));
  }

  @Test
  void demoPractitionerLogsIntoTasklistButNotCockpit() {
    HttpResponse<String> login = Http.anonymous(port).webappLogin("tasklist", "nssab.police.practitioner", "demo");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"tasklist\"").doesNotContain("cockpit").doesNotContain("admin");

    HttpResponse<String> cockpit = Http.anonymous(port).webappLogin("cockpit", "nssab.police.practitioner", "demo");
    assertThat(cockpit.statusCode()).isEqualTo(403);
  }

  @Test
  void auditorLogsIntoCockpit() {
    HttpResponse<String> login = Http.anonymous(port).webappLogin("cockpit", "nssab.auditor", "demo");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("cockpit").doesNotContain("tasklist");
  }

  @Test
  void webappApiWritesNeedTheCsrfToken() {
    Http browser = Http.anonymous(port);
    assertThat(browser.webappLogin("cockpit", "admin", "demo").statusCode()).isEqualTo(200);
    assertThat(browser.postWithCsrf("/camunda/api/engine/engine/default/process-instance/count", "{}").statusCode())
        .isEqualTo(200);

    HttpResponse<String> response = browser.post("/camunda/api/engine/engine/default/process-instance/count", "{}");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
  }

  // --- everything else ---------------------------------------------------------------------

  @Test
  void actuatorShowsAnonymousOnlyHealthWithoutDetails() {
    HttpResponse<String> health = anonymous.get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
    // Everything else needs a monitoring login (monitoring/MetricsTest); these are not exposed at all.
    for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump")) {
      assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.as("admin", "demo").get(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void thereIsNoH2Console() {
    assertThat(anonymous.get("/h2-console").statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/h2-console/").statusCode()).isEqualTo(404);
  }

  @Test
  void errorsCarryNoStackTrace() {
    HttpResponse<String> response = admin.post("/engine-rest/process-definition/key/smoke-test/start", "{not json");
    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
  }
}
