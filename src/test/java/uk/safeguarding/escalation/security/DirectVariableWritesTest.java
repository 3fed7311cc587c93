package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;
import uk.safeguarding.escalation.support.Snapshots;

/**
 * A case changes only through its forms: staff who work a case (the raising practitioner holding
 * its first task, a line manager holding a later one) and a business manager who oversees it try
 * to rewrite the raising agency, the stage and the stage's outcome through every variable route
 * of the engine REST API and of the webapps' API (what Tasklist and Cockpit call). Each is refused
 * with 403 and the sentence to use the form, and the case is unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DirectVariableWritesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String WEBAPP_API = "/camunda/api/engine/engine/default";
  static final String PRACTITIONER = "nssab.police.practitioner";
  static final String LINE_MANAGER = "nssab.police.line-manager";
  static final String BUSINESS_MANAGER = "nssab.business-manager";

  /** What each one tries to write: the routing, the stage, the outcome; all three come only from forms or the engine. */
  static final Map<String, String> REWRITES = Map.of(
      "raisingAgency", "{\"value\": \"health\", \"type\": \"String\"}",
      "currentStage", "{\"value\": 4, \"type\": \"Integer\"}",
      "stageOutcome", "{\"value\": \"resolved\", \"type\": \"String\"}");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngine processEngine;

  /** The practitioner's fresh case (they hold its first task) and a case at the line managers (one holds it). */
  Target fresh;
  Target escalated;

  record Target(String instance, String task, String execution) {}

  /** A route, written with {task}, {execution}, {instance} and {var}; body: how the rewrite is sent. */
  record Route(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path + (body.equals("none") || body.equals("value") ? "" : " (" + body + ")");
    }
  }

  static Stream<Route> routes() {
    return Stream.of(
        new Route("POST", "/task/{task}/variables", "modifications"),
        new Route("POST", "/task/{task}/variables", "deletions"),
        new Route("PUT", "/task/{task}/variables/{var}", "value"),
        new Route("DELETE", "/task/{task}/variables/{var}", "none"),
        new Route("POST", "/task/{task}/variables/{var}/data", "file"),
        new Route("POST", "/task/{task}/localVariables", "modifications"),
        new Route("PUT", "/task/{task}/localVariables/{var}", "value"),
        new Route("DELETE", "/task/{task}/localVariables/{var}", "none"),
        new Route("POST", "/process-instance/{instance}/variables", "modifications"),
        new Route("PUT", "/process-instance/{instance}/variables/{var}", "value"),
        new Route("DELETE", "/process-instance/{instance}/variables/{var}", "none"),
        new Route("POST", "/process-instance/{instance}/variables/{var}/data", "file"),
        new Route("POST", "/execution/{execution}/localVariables", "modifications"),
        new Route("PUT", "/execution/{execution}/localVariables/{var}", "value"),
        new Route("DELETE", "/execution/{execution}/localVariables/{var}", "none"));
  }

  @BeforeAll
  void twoCases() throws Exception {
    Http practitioner = Http.anonymous(port).as(PRACTITIONER, "demo");
    fresh = target(startCase(practitioner, "NS-WRITE-1"));

    String escalatedId = startCase(practitioner, "NS-WRITE-2");
    String first = target(escalatedId).task();
    assertThat(practitioner.post("/engine-rest/task/" + first + "/complete", NssabCases.stageRecord("escalate"))
        .statusCode()).isEqualTo(204);
    Jobs.runDue(processEngine, escalatedId);
    escalated = target(escalatedId);
    assertThat(Http.anonymous(port).as(LINE_MANAGER, "demo").post("/engine-rest/task/" + escalated.task() + "/claim",
        "{\"userId\": \"" + LINE_MANAGER + "\"}").statusCode()).isEqualTo(204);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void staffCannotRewriteACaseDirectly(Route route, CapturedOutput output) throws Exception {
    Map<String, Object> before = snapshot();
    // who tries, on which case, through which API (null: engine REST with HTTP Basic; else the webapp they log into)
    List<Object[]> attempts = List.of(
        new Object[] {PRACTITIONER, fresh, null}, new Object[] {PRACTITIONER, fresh, "tasklist"},
        new Object[] {LINE_MANAGER, escalated, null}, new Object[] {LINE_MANAGER, escalated, "tasklist"},
        new Object[] {BUSINESS_MANAGER, escalated, null}, new Object[] {BUSINESS_MANAGER, escalated, "cockpit"});
    for (Object[] attempt : attempts) {
      String user = (String) attempt[0];
      Target target = (Target) attempt[1];
      String webapp = (String) attempt[2];
      Http client = webapp == null ? Http.anonymous(port).as(user, "demo") : Http.anonymous(port);
      if (webapp != null) {
        assertThat(client.webappLogin(webapp, user, "demo").statusCode()).isEqualTo(200);
      }
      for (Map.Entry<String, String> rewrite : REWRITES.entrySet()) {
        String path = (webapp == null ? "/engine-rest" : WEBAPP_API) + route.path()
            .replace("{task}", target.task()).replace("{execution}", target.execution())
            .replace("{instance}", target.instance()).replace("{var}", rewrite.getKey());
        HttpResponse<String> response = send(client, webapp != null, route, path, rewrite.getKey(), rewrite.getValue());
        String what = user + " " + route.method() + " " + path + " " + rewrite.getKey();
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("message").asText()).as(what).isEqualTo(ApiErrorFilter.USE_THE_FORM);
      }
    }

    assertThat(snapshot()).isEqualTo(before);
    // Camunda writes a user operation only for what happened; a refused write leaves none ...
    for (Target target : List.of(fresh, escalated)) {
      assertThat(historyService.createUserOperationLogQuery().processInstanceId(target.instance())
          .entityType("Variable").count()).isZero();
    }
    // ... so the application log is where the attempt shows, with who made it
    assertThat(output.getOut()).contains("Refused direct variable write by '" + PRACTITIONER + "'",
        "Refused direct variable write by '" + LINE_MANAGER + "'", "Refused direct variable write by '" + BUSINESS_MANAGER + "'");
  }

  @Test
  void staffCannotEndOrDivertACaseWithABpmnErrorOrEscalationFromTheirTask() throws Exception {
    Map<String, Object> before = snapshot();
    for (String[] attempt : List.of(new String[] {PRACTITIONER, fresh.task()}, new String[] {LINE_MANAGER, escalated.task()})) {
      Http rest = Http.anonymous(port).as(attempt[0], "demo");
      Http tasklist = Http.anonymous(port);
      assertThat(tasklist.webappLogin("tasklist", attempt[0], "demo").statusCode()).isEqualTo(200);
      for (String route : List.of("bpmnError", "bpmnEscalation")) {
        // each route's own code field: a field a route does not have is refused 400 before the engine (RequestShape)
        String body = "{\"" + (route.equals("bpmnError") ? "errorCode" : "escalationCode") + "\": \"x\", \"variables\": {\"raisingAgency\": "
            + REWRITES.get("raisingAgency") + "}}";
        for (HttpResponse<String> response : List.of(
            rest.post("/engine-rest/task/" + attempt[1] + "/" + route, body),
            tasklist.postWithCsrf(WEBAPP_API + "/task/" + attempt[1] + "/" + route, body))) {
          assertThat(response.statusCode()).as(attempt[0] + " " + route + ": " + response.body()).isEqualTo(403);
          assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo(ApiErrorFilter.USE_THE_FORM);
        }
      }
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void staffCannotRedateOrReassignTheirTaskAndAreToldWhyInASentence() throws Exception {
    Map<String, Object> before = snapshot();
    Http rest = Http.anonymous(port).as(LINE_MANAGER, "demo");
    Http tasklist = Http.anonymous(port);
    assertThat(tasklist.webappLogin("tasklist", LINE_MANAGER, "demo").statusCode()).isEqualTo(200);
    String clearDue = "{\"name\": \"Resolve concern between line managers\", \"due\": null}";
    for (HttpResponse<String> response : List.of(
        rest.send("PUT", "/engine-rest/task/" + escalated.task(), clearDue),
        tasklist.sendWithCsrf("PUT", WEBAPP_API + "/task/" + escalated.task(), clearDue),
        rest.post("/engine-rest/task/" + escalated.task() + "/assignee", "{\"userId\": \"nssab.police.practitioner\"}"))) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
      assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo(ApiErrorFilter.TASK_IS_THE_PROTOCOLS);
      assertThat(response.body()).doesNotContain("TASK_ASSIGN").doesNotContain("missingAuthorizations");
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskId(escalated.task()).singleResult().getDueDate()).isNotNull();
  }

  @Test
  void staffStillClaimAndCompleteTheirTasksThroughTheForm() throws Exception {
    Http practitioner = Http.anonymous(port).as(PRACTITIONER, "demo");
    String id = startCase(practitioner, "NS-WRITE-3");
    Target target = target(id);
    assertThat(practitioner.post("/engine-rest/task/" + target.task() + "/submit-form", NssabCases.stageRecord("escalate"))
        .statusCode()).isEqualTo(204);
    Jobs.runDue(processEngine, id);
    Target next = target(id);
    Http lineManager = Http.anonymous(port);
    assertThat(lineManager.webappLogin("tasklist", LINE_MANAGER, "demo").statusCode()).isEqualTo(200);
    assertThat(lineManager.postWithCsrf(WEBAPP_API + "/task/" + next.task() + "/claim", "{\"userId\": \"" + LINE_MANAGER + "\"}")
        .statusCode()).isEqualTo(204);
    assertThat(lineManager.postWithCsrf(WEBAPP_API + "/task/" + next.task() + "/submit-form", NssabCases.stageRecord("resolved"))
        .statusCode()).isEqualTo(204);
    Jobs.runDue(processEngine, id);
    assertThat(runtimeService.getVariable(id, "resolvedAtStage")).isEqualTo(1);
  }

  @Test
  void anAdministratorsCorrectionIsAUserOperationInHistoryWithItsReason() throws Exception {
    String id = startCase(Http.anonymous(port).as(PRACTITIONER, "demo"), "NS-WRITE-4");
    Http admin = Http.anonymous(port).as("admin", "demo");

    assertThat(admin.send("PUT", "/engine-rest/process-instance/" + id + "/variables/receivingAgency",
        "{\"value\": \"health\", \"type\": \"String\"}").statusCode()).isEqualTo(204);
    assertThat(runtimeService.getVariable(id, "receivingAgency")).isEqualTo("health");

    JsonNode entries = JSON.readTree(admin.get("/engine-rest/history/user-operation?processInstanceId=" + id
        + "&entityType=Variable").body());
    assertThat(entries).hasSize(1);
    JsonNode entry = entries.get(0);
    assertThat(entry.path("operationType").asText()).isEqualTo(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE);
    assertThat(entry.path("userId").asText()).isEqualTo("admin");

    String reason = "Receiving agency corrected at the Business Manager's request (ticket 42)";
    assertThat(admin.send("PUT", "/engine-rest/history/user-operation/" + entry.path("operationId").asText() + "/set-annotation",
        "{\"annotation\": \"" + reason + "\"}").statusCode()).isEqualTo(204);
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(id).entityType("Variable").singleResult()
        .getAnnotation()).isEqualTo(reason);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private HttpResponse<String> send(Http client, boolean webapp, Route route, String path, String variable, String value) {
    String contentType = "application/json";
    String body = switch (route.body()) {
      case "modifications" -> "{\"modifications\": {\"" + variable + "\": " + value + "}}";
      case "deletions" -> "{\"deletions\": [\"" + variable + "\"]}";
      case "value" -> value;
      case "file" -> {
        contentType = "multipart/form-data; boundary=b";
        yield "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"v.txt\"\r\nContent-Type: text/plain\r\n\r\n"
            + "health\r\n--b\r\nContent-Disposition: form-data; name=\"valueType\"\r\n\r\nFile\r\n--b--\r\n";
      }
      default -> null;
    };
    return webapp ? client.sendWithCsrf(route.method(), path, contentType, body)
        : client.send(route.method(), path, contentType, body);
  }

  private String startCase(Http practitioner, String reference) throws Exception {
    HttpResponse<String> started = practitioner.post(NssabCases.START, NssabCases.startBody(reference, "standard"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String id = JSON.readTree(started.body()).path("id").asText();
    Jobs.runDue(processEngine, id);
    return id;
  }

  private Target target(String instanceId) {
    var task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    return new Target(instanceId, task.getId(), task.getExecutionId());
  }

  /** Everything the two cases hold, as the engine itself reads it. */
  private Map<String, Object> snapshot() {
    return Map.of(
        "fresh", Snapshots.variables(runtimeService, fresh.instance()),
        "freshTask", Snapshots.localTaskVariables(taskService, fresh.task()),
        "escalated", Snapshots.variables(runtimeService, escalated.instance()),
        "escalatedTask", Snapshots.localTaskVariables(taskService, escalated.task()),
        "escalatedAssignee", taskService.createTaskQuery().taskId(escalated.task()).singleResult().getAssignee());
  }
}
