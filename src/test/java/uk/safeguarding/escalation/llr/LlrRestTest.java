package uk.safeguarding.escalation.llr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
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

/** One Leicester, Leicestershire and Rutland case driven only through the REST API, as an outside client would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LlrRestTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String START = "/engine-rest/process-definition/key/llr-escalation/start";
  /** Wednesday 4 March 2026, 10:00 in London: a working day. */
  static final Instant RAISED = NssabCases.london("2026-03-04T10:00");
  static final Instant SAME_DAY = NssabCases.london("2026-03-04T17:00");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngine engine;

  Http practitioner;
  Http lineManager;

  @BeforeEach
  void clients() {
    practitioner = Http.anonymous(port).as("llr.la-childrens.practitioner", "demo");
    lineManager = Http.anonymous(port).as("llr.la-childrens.line-manager", "demo");
    ClockUtil.setCurrentTime(Date.from(RAISED));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static String startBody(String caseReference) {
    return """
        {"businessKey": "%s", "variables": {
          "caseReference": {"value": "%s", "type": "String"},
          "subjectType": {"value": "child", "type": "String"},
          "raisingAgency": {"value": "la-childrens", "type": "String"},
          "receivingAgency": {"value": "health", "type": "String"},
          "receivingPractitionerName": {"value": "Dr Riley Other", "type": "String"},
          "disagreementCategory": {"value": "information-sharing", "type": "String"},
          "disputeSummary": {"value": "Health records not shared before the strategy discussion", "type": "String"},
          "possibleCause": {"value": "Consent misunderstood", "type": "String"},
          "riskLevel": {"value": "significant-harm", "type": "String"}}}
        """.formatted(caseReference, caseReference);
  }

  @Test
  void aSignificantHarmCaseClosedAsNotJustifiedThroughRest() throws Exception {
    // the start form, as Tasklist and any client read it
    HttpResponse<String> startForm = practitioner.get("/engine-rest/process-definition/key/llr-escalation/deployed-start-form");
    assertThat(startForm.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(startForm.body()).path("id").asText()).isEqualTo("llr-start");

    HttpResponse<String> started = practitioner.post(START, startBody("LLR-REST-1"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).path("id").asText();

    // step 1: the practitioner's own discussion, due the same working day (risk of significant harm)
    JsonNode step1 = StaffRest.single(practitioner.get("/engine-rest/task?processInstanceId=" + instanceId));
    assertThat(step1.path("taskDefinitionKey").asText()).isEqualTo("UserTask_DiscussWithOtherPractitioner");
    assertThat(step1.path("assignee").asText()).isEqualTo("llr.la-childrens.practitioner");
    assertThat(instant(step1.path("due").asText())).isEqualTo(SAME_DAY);
    HttpResponse<String> form = practitioner.get("/engine-rest/task/" + step1.path("id").asText() + "/deployed-form");
    assertThat(JSON.readTree(form.body()).path("id").asText()).isEqualTo("llr-step-record");
    assertThat(practitioner.post("/engine-rest/task/" + step1.path("id").asText() + "/complete", """
        {"variables": {
          "contactType": {"value": "email", "type": "String"},
          "contactBetween": {"value": "Social worker and health visitor", "type": "String"},
          "discussionSummary": {"value": "No agreement", "type": "String"},
          "stageOutcome": {"value": "escalate", "type": "String"}}}
        """).statusCode()).isEqualTo(204);
    Jobs.runDue(engine, instanceId);

    // step 2: the raising agency's line managers, also the same working day
    JsonNode step2 = StaffRest.single(lineManager.get("/engine-rest/task?candidateGroup=llr-la-childrens-line-manager&processInstanceId=" + instanceId));
    String taskId = step2.path("id").asText();
    assertThat(step2.path("taskDefinitionKey").asText()).isEqualTo("UserTask_ReviewWithLineManagers");
    assertThat(instant(step2.path("due").asText())).isEqualTo(SAME_DAY);
    assertThat(Http.anonymous(port).as("llr.health.line-manager", "demo").get("/engine-rest/task?processInstanceId=" + instanceId).body())
        .isEqualTo("[]");
    assertThat(lineManager.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"llr.la-childrens.line-manager\"}").statusCode())
        .isEqualTo(204);

    // closing it as not justified needs the reason
    HttpResponse<String> refused = lineManager.post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\": {\"stageOutcome\": {\"value\": \"not-justified\", \"type\": \"String\"}}}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("is required when ‘Outcome of step 2’ is ‘Not justified or not within this procedure");
    assertThat(lineManager.post("/engine-rest/task/" + taskId + "/complete", """
        {"variables": {
          "reviewerRole": {"value": "safeguarding-supervisor", "type": "String"},
          "closureReason": {"value": "Resolved by the consent guidance already in place", "type": "String"},
          "stageOutcome": {"value": "not-justified", "type": "String"}}}
        """).statusCode()).isEqualTo(204);
    Jobs.runDue(engine, instanceId);

    // history, as an auditor reads it: closed at step 2 with its reason, nobody told of a resolution
    Http auditor = Http.anonymous(port).as("llr.auditor", "demo");
    JsonNode instance = StaffRest.single(auditor.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId));
    assertThat(instance.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(StaffRest.single(auditor.get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId
        + "&activityId=EndEvent_ClosedNotJustified")).path("activityId").asText()).isEqualTo("EndEvent_ClosedNotJustified");
    assertThat(StaffRest.single(auditor.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId
        + "&variableName=closureReason")).path("value").asText()).startsWith("Resolved by the consent guidance");
    JsonNode notifications = JSON.readTree(auditor.get("/api/notifications?processInstanceId=" + instanceId).body());
    assertThat(notifications).extracting(n -> n.path("kind").asText() + " " + n.path("recipientUserId").asText())
        .contains("STAGE_STARTED llr.la-childrens.line-manager", "INTENTION_TO_ESCALATE llr.health.line-manager",
            "OUTCOME_RECORDED llr.la-childrens.practitioner", "OUTCOME_RECORDED llr.health.line-manager");
  }

  private static Instant instant(String restDate) {
    return java.time.OffsetDateTime.parse(restDate, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
  }
}
