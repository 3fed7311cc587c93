package uk.safeguarding.escalation.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.casefile.CaseRecord;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * What staff meet in Tasklist beyond the forms, through the same HTTP calls Tasklist makes: the
 * raiser following their case once it has left their tasks ("My cases"), the next stage's manager
 * reading the case so far through their task, and dates that are real days or refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistForStaffTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String MY_CASES = "/camunda/api/tasklist/plugin/escalation/default/my-cases";
  static final String ENGINE = "/camunda/api/engine/engine/default";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;

  @BeforeEach
  void outset() {
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRaiserFollowsTheirCaseAfterItLeavesTheirTasksAndTheNextManagerReadsTheCaseSoFar() throws Exception {
    Http practitionerRest = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    String instanceId = start(practitionerRest, "NS-MINE-1");
    String stage1 = firstTask(practitionerRest, instanceId);
    assertThat(practitionerRest.post("/engine-rest/task/" + stage1 + "/submit-form", NssabCases.stageRecord("escalate"))
        .statusCode()).isEqualTo(204);
    // the case has left the practitioner's tasks, and REST no longer shows them any of it
    assertThat(practitionerRest.get("/engine-rest/task?processInstanceId=" + instanceId).body()).isEqualTo("[]");

    // ... but "My cases" in Tasklist does: where it is, with whom, by when
    Http practitioner = Http.anonymous(port);
    assertThat(practitioner.get(MY_CASES).statusCode()).isEqualTo(401);
    assertThat(practitioner.webappLogin("tasklist", "nssab.police.practitioner", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> mine = practitioner.get(MY_CASES);
    assertThat(mine.statusCode()).isEqualTo(200);
    JsonNode cases = JSON.readTree(mine.body());
    // one line a case: not the notification deliveries a start also begins (other tests may add cases)
    java.util.List<JsonNode> named = new java.util.ArrayList<>();
    cases.forEach(c -> {
      assertThat(c.path("process").asText()).isEqualTo("North Somerset SAB: resolution of professional differences");
      if (c.path("caseReference").asText().equals("NS-MINE-1")) {
        named.add(c);
      }
    });
    assertThat(named).hasSize(1);
    JsonNode raised = named.get(0);
    assertThat(raised.path("caseReference").asText()).isEqualTo("NS-MINE-1");
    assertThat(raised.path("state").asText()).isEqualTo("Open");
    assertThat(raised.path("stage").asInt()).isEqualTo(1);
    assertThat(raised.path("openTasks").get(0).asText()).isEqualTo("Resolve concern between line managers");
    assertThat(raised.path("with").get(0).asText()).isEqualTo("North Somerset Safeguarding Adults Board: Police: Line manager");
    assertThat(raised.path("due").asText()).isEqualTo(NssabCases.ONE_WD.toString());

    // nobody else's: another practitioner of the same board sees none of it
    Http other = Http.anonymous(port);
    other.webappLogin("tasklist", "nssab.la-adults.practitioner", "demo");
    assertThat(JSON.readTree(other.get(MY_CASES).body())).isEmpty();

    // the line manager reads the case so far through their task, as Tasklist shows it above the form
    Http lineManager = Http.anonymous(port);
    lineManager.webappLogin("tasklist", "nssab.police.line-manager", "demo");
    String stage1LineManagers = JSON.readTree(lineManager.get(ENGINE + "/task?processInstanceId=" + instanceId).body())
        .get(0).path("id").asText();
    HttpResponse<String> record = lineManager.get(ENGINE + "/task/" + stage1LineManagers
        + "/variables/caseRecord?deserializeValue=false");
    assertThat(record.statusCode()).isEqualTo(200);
    var entries = CaseRecord.entries(JSON.readTree(record.body()).path("value").asText());
    assertThat(entries).extracting(CaseRecord.Entry::title)
        .containsExactly("Case raised", "Discuss concern with the other practitioner");
    assertThat(entries.get(1).lines()).contains(new CaseRecord.Line("Type of contact", "Telephone"));
    // ... and a practitioner of another partnership cannot
    Http stranger = Http.anonymous(port);
    stranger.webappLogin("tasklist", "nel.health.practitioner", "demo");
    HttpResponse<String> refused = stranger.get(ENGINE + "/task/" + stage1LineManagers + "/variables/caseRecord");
    assertThat(refused.statusCode()).isBetween(400, 499);
    assertThat(refused.body()).doesNotContain("Telephone");
  }

  @Test
  void aDateIsARealDayOrRefusedWithTheReason() throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    String task = firstTask(practitioner, start(practitioner, "NS-DATE-1"));
    for (String notADay : new String[] {"27/11/2026", "2026-02-30", "0226-11-27"}) {
      HttpResponse<String> refused = practitioner.post("/engine-rest/task/" + task + "/submit-form",
          withActionDueDate(notADay));
      assertThat(refused.statusCode()).as(notADay).isEqualTo(400);
      assertThat(refused.body()).contains("actionDueDate").contains(notADay);
    }
    assertThat(practitioner.post("/engine-rest/task/" + task + "/submit-form", withActionDueDate("2026-11-27")).statusCode())
        .isEqualTo(204);
  }

  /** The stage record, its actions due by {@code value}. */
  static String withActionDueDate(String value) {
    return NssabCases.stageRecord("resolved").replace("\"variables\": {",
        "\"variables\": {\"actionDueDate\": {\"value\": \"" + value + "\", \"type\": \"String\"},");
  }

  static String start(Http practitioner, String caseReference) throws Exception {
    return JSON.readTree(practitioner.post(NssabCases.START, NssabCases.startBody(caseReference, "standard")).body())
        .path("id").asText();
  }

  static String firstTask(Http user, String instanceId) throws Exception {
    return JSON.readTree(user.get("/engine-rest/task?processInstanceId=" + instanceId).body()).get(0).path("id").asText();
  }
}
