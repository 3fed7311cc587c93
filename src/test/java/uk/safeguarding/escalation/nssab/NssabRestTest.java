package uk.safeguarding.escalation.nssab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.StaffRest;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/** One North Somerset case driven only through the REST API, as an outside client would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NssabRestTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String START = "/engine-rest/process-definition/key/nssab-escalation/start";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  Http practitioner;
  Http lineManager;

  @BeforeEach
  void clients() {
    practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    lineManager = Http.anonymous(port).as("nssab.police.line-manager", "demo");
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String startBody(String caseReference, String riskLevel) {
    return NssabCases.startBody(caseReference, riskLevel);
  }

  static String stageRecord(String outcome) {
    return NssabCases.stageRecord(outcome);
  }

  @Test
  void aCaseFromStartToHistoryThroughRest() throws Exception {
    assertThat(Http.anonymous(port).post(START, startBody("NS-REST-1", "standard")).statusCode()).isEqualTo(401);

    HttpResponse<String> started = practitioner.post(START, startBody("NS-REST-1", "standard"));
    assertThat(started.statusCode()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).path("id").asText();

    // stage 1: the practitioner's own discussion task, with its Camunda Form
    JsonNode discussion = StaffRest.single(practitioner.get("/engine-rest/task?processInstanceId=" + instanceId
        + "&taskDefinitionKey=UserTask_DiscussWithOtherPractitioner"));
    assertThat(discussion.path("assignee").asText()).isEqualTo("nssab.police.practitioner");
    assertThat(instant(discussion.path("due").asText())).isEqualTo(NssabCases.ONE_WD);
    HttpResponse<String> form = practitioner.get("/engine-rest/task/" + discussion.path("id").asText() + "/deployed-form");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(form.body()).path("id").asText()).isEqualTo("nssab-stage-record");
    assertThat(form.body()).contains("stageOutcome");

    assertThat(practitioner.post("/engine-rest/task/" + discussion.path("id").asText() + "/complete", stageRecord("escalate"))
        .statusCode()).isEqualTo(204);
    Jobs.runDue(engine, instanceId);

    // stage 1: the raising agency's line managers find it through their candidate group
    JsonNode stage = StaffRest.single(lineManager.get("/engine-rest/task?candidateGroup=nssab-police-line-manager&processInstanceId=" + instanceId));
    String taskId = stage.path("id").asText();
    assertThat(stage.path("taskDefinitionKey").asText()).isEqualTo("UserTask_ResolveBetweenLineManagers");
    assertThat(instant(stage.path("due").asText())).isEqualTo(NssabCases.ONE_WD);

    // another agency's line manager neither sees nor claims it
    Http otherAgency = Http.anonymous(port).as("nssab.health.line-manager", "demo");
    assertThat(otherAgency.get("/engine-rest/task?processInstanceId=" + instanceId).body()).isEqualTo("[]");
    assertThat(otherAgency.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"nssab.health.line-manager\"}")
        .statusCode()).isIn(403, 404);

    assertThat(lineManager.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"nssab.police.line-manager\"}")
        .statusCode()).isEqualTo(204);
    assertThat(lineManager.post("/engine-rest/task/" + taskId + "/complete", stageRecord("resolved")).statusCode()).isEqualTo(204);
    Jobs.runDue(engine, instanceId);

    JsonNode learning = StaffRest.single(practitioner.get("/engine-rest/task?processInstanceId=" + instanceId));
    assertThat(learning.path("taskDefinitionKey").asText()).isEqualTo("UserTask_ReferLearning");
    assertThat(practitioner.post("/engine-rest/task/" + learning.path("id").asText() + "/complete",
        "{\"variables\": {\"learningIdentified\": {\"value\": \"no\", \"type\": \"String\"}}}").statusCode()).isEqualTo(204);
    Jobs.runDue(engine, instanceId);

    // history, as an auditor reads it
    Http auditor = Http.anonymous(port).as("nssab.auditor", "demo");
    JsonNode instance = StaffRest.single(auditor.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId));
    assertThat(instance.path("state").asText()).isEqualTo("COMPLETED");
    JsonNode resolvedAt = StaffRest.single(auditor.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId
        + "&variableName=resolvedAtStage"));
    assertThat(resolvedAt.path("value").asInt()).isEqualTo(1);
    JsonNode tasks = JSON.readTree(auditor.get("/engine-rest/history/task?processInstanceId=" + instanceId
        + "&sortBy=startTime&sortOrder=asc").body());
    assertThat(tasks).extracting(t -> t.path("taskDefinitionKey").asText() + "/" + t.path("assignee").asText())
        .containsExactly("UserTask_DiscussWithOtherPractitioner/nssab.police.practitioner",
            "UserTask_ResolveBetweenLineManagers/nssab.police.line-manager",
            "UserTask_ReferLearning/nssab.police.practitioner");

    // ... and the proof of who was told what
    JsonNode notifications = JSON.readTree(auditor.get("/api/notifications?processInstanceId=" + instanceId).body());
    assertThat(notifications).extracting(n -> n.path("kind").asText() + " " + n.path("recipientUserId").asText()
            + " " + n.path("status").asText())
        .contains("STAGE_STARTED nssab.police.line-manager DELIVERED",
            "INTENTION_TO_ESCALATE nssab.la-adults.line-manager DELIVERED",
            "OUTCOME_RECORDED nssab.police.practitioner DELIVERED");
    assertThat(practitioner.get("/api/notifications?processInstanceId=" + instanceId).statusCode()).isEqualTo(404);
    assertThat(Http.anonymous(port).get("/api/notifications?processInstanceId=" + instanceId).statusCode()).isEqualTo(401);
  }

  @Test
  void aStartWithMissingOrUnknownValuesIsRefusedWith400AndCreatesNothing() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    String body = startBody("NS-REST-2", "extreme").replace("\"caseReference\": {\"value\": \"NS-REST-2\", \"type\": \"String\"},", "");
    HttpResponse<String> response = practitioner.post(START, body);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("message").asText()).isEqualTo("Please check the form: ‘Case reference’ is required; "
        + "‘Risk to the adult’ must be one of ‘Risk of immediate harm’, ‘Risk of significant harm’, ‘Standard’.");
    assertThat(error.path("violations")).extracting(v -> v.path("field").asText()).containsExactly("caseReference", "riskLevel");
    assertThat(response.body()).doesNotContain("Exception:").doesNotContain("\tat ");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void aPractitionerRaisesDisagreementsForTheirOwnAgencyOnly() throws Exception {
    HttpResponse<String> response = practitioner.post(START, startBody("NS-REST-5", "standard")
        .replace("\"raisingAgency\": {\"value\": \"police\"", "\"raisingAgency\": {\"value\": \"health\""));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("‘Your agency (raising)’ must be your own agency (you are not in nssab-health)");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("NS-REST-5").count()).isZero();
  }

  @Test
  void immediateRiskWithoutTheEmergencyReferralIsRefused() throws Exception {
    HttpResponse<String> response = practitioner.post(START, startBody("NS-REST-3", "immediate"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("violations").get(0).path("field").asText())
        .isEqualTo("immediateRiskAction");
  }

  @Test
  void aCompletionWithAnOutcomeOutsideTheAllowedSetChangesNothing() throws Exception {
    String instanceId = JSON.readTree(practitioner.post(START, startBody("NS-REST-4", "standard")).body()).path("id").asText();
    JsonNode task = StaffRest.single(practitioner.get("/engine-rest/task?processInstanceId=" + instanceId));

    HttpResponse<String> response = practitioner.post("/engine-rest/task/" + task.path("id").asText() + "/complete",
        stageRecord("maybe"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("{\"field\":\"stageOutcome\",\"message\":\"must be one of escalate, resolved\"}")
        .contains("‘Outcome of this stage’ must be one of ‘Not resolved: escalate to the next stage’");
    assertThat(StaffRest.single(practitioner.get("/engine-rest/task?processInstanceId=" + instanceId)).path("id").asText())
        .isEqualTo(task.path("id").asText());
    assertThat(runtimeService.getVariable(instanceId, "discussionSummary")).isNull();
  }

  @Test
  void tasklistSubmissionsAreValidatedToo() {
    Http browser = Http.anonymous(port);
    assertThat(browser.webappLogin("tasklist", "nssab.police.practitioner", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> response = browser.postWithCsrf(
        "/camunda/api/engine/engine/default/process-definition/key/nssab-escalation/submit-form",
        startBody("NS-WEB-1", "extreme"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("‘Risk to the adult’ must be one of");

    HttpResponse<String> ok = browser.postWithCsrf(
        "/camunda/api/engine/engine/default/process-definition/key/nssab-escalation/submit-form",
        startBody("NS-WEB-2", "standard"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("NS-WEB-1").count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("NS-WEB-2").count()).isEqualTo(1);
  }

  /** REST dates carry the server's offset, e.g. 2026-04-07T17:00:00.000+0100. */
  private static java.time.Instant instant(String restDate) {
    return java.time.OffsetDateTime.parse(restDate, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
  }
}
