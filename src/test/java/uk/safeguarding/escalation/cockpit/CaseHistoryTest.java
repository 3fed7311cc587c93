package uk.safeguarding.escalation.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
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
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * A North Somerset case run through a breached deadline to its end, then read back as its
 * partnership's auditor reads it in Cockpit (the same HTTP call the page makes): who did each
 * stage by name, when, with which outcome against which due date, the breach, each stage's record,
 * the notifications and the operation log. Another partnership's auditor and staff get nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseHistoryTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String HISTORY = "/camunda/api/cockpit/plugin/escalation/default/case-history/";
  /** The morning after the line managers' deadline (Tuesday 7 April, 17:00). */
  static final Instant AFTER_DEADLINE = NssabCases.london("2026-04-08T09:30");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void outset() {
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theAuditorReadsAFinishedCaseWithItsBreachedDeadlineAndOthersGetNothing() throws Exception {
    String id = breachedAndResolvedCase("NS-HIST-1");

    Http auditor = Http.anonymous(port);
    assertThat(auditor.get(HISTORY + id).statusCode()).isEqualTo(401);
    assertThat(auditor.webappLogin("cockpit", "nssab.auditor", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> response = auditor.get(HISTORY + id);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode history = JSON.readTree(response.body());

    assertThat(history.path("caseReference").asText()).isEqualTo("NS-HIST-1");
    assertThat(history.path("state").asText()).isEqualTo("Closed");
    assertThat(history.path("startedBy").path("name").asText()).isEqualTo("Dev Kestrelford");

    // the timeline: who (by name), when, outcome, against which due date, late or not
    JsonNode stages = history.path("stages");
    assertThat(stages).extracting(s -> s.path("title").asText()).containsExactly("Case raised",
        "Discuss concern with the other practitioner", "Resolve concern between line managers",
        "Identify learning for the board");
    JsonNode raised = stages.get(0);
    assertThat(raised.path("who").path("name").asText()).isEqualTo("Dev Kestrelford");
    assertThat(raised.path("ended").asText()).isEqualTo(NssabCases.OUTSET.toString());
    JsonNode discussion = stages.get(1);
    assertThat(discussion.path("who").path("id").asText()).isEqualTo("nssab.police.practitioner");
    assertThat(discussion.path("who").path("name").asText()).isEqualTo("Dev Kestrelford");
    assertThat(discussion.path("outcome").asText()).isEqualTo("Not resolved: escalate to the next stage");
    assertThat(discussion.path("due").asText()).isEqualTo(NssabCases.ONE_WD.toString());
    assertThat(discussion.path("ended").asText()).isEqualTo(NssabCases.OUTSET.toString());
    assertThat(discussion.path("late").asBoolean()).isFalse();
    assertThat(discussion.path("breached").asBoolean()).isFalse();
    JsonNode lineManagers = stages.get(2);
    assertThat(lineManagers.path("who").path("name").asText()).isEqualTo("Edie Rookwood");
    assertThat(lineManagers.path("stage").asInt()).isEqualTo(1);
    assertThat(lineManagers.path("outcome").asText()).isEqualTo("Resolved: the agreed outcome is recorded");
    assertThat(lineManagers.path("due").asText()).isEqualTo(NssabCases.ONE_WD.toString());
    assertThat(lineManagers.path("ended").asText()).isEqualTo(AFTER_DEADLINE.toString());
    assertThat(lineManagers.path("late").asBoolean()).isTrue();
    assertThat(lineManagers.path("breached").asBoolean()).isTrue();
    // each stage's record, as its person submitted it (the form's labels and option labels)
    assertThat(lines(discussion)).contains("Type of contact: Telephone", "Summary of the discussion: Discussed");
    assertThat(lines(raised)).anyMatch(l -> l.contains("Safeguarding information not shared"));
    assertThat(lines(stages.get(3))).anyMatch(l -> l.endsWith(": No"));

    // the breach: the line managers' timer fired at their deadline
    JsonNode breach = history.path("breaches").get(0);
    assertThat(history.path("breaches")).hasSize(1);
    assertThat(breach.path("stageActivityId").asText()).isEqualTo("UserTask_ResolveBetweenLineManagers");
    assertThat(breach.path("stageTitle").asText()).isEqualTo("Resolve concern between line managers");
    assertThat(breach.path("name").asText()).isEqualTo("Stage 1 line managers overdue");
    assertThat(breach.path("at").asText()).isEqualTo(AFTER_DEADLINE.toString());

    // the diagram, the path taken and the breached stage marked on it
    JsonNode diagram = history.path("diagram");
    assertThat(diagram.path("bpmnXml").asText()).contains("BPMNDiagram").contains("UserTask_ResolveBetweenLineManagers");
    assertThat(texts(diagram.path("ran"))).contains("UserTask_DiscussWithOtherPractitioner",
        "UserTask_ResolveBetweenLineManagers", "BoundaryEvent_Stage1LineManagersOverdue", "UserTask_ReferLearning")
        .doesNotContain("UserTask_ResolveBetweenSecondTierManagers");
    assertThat(texts(diagram.path("breached"))).containsExactlyInAnyOrder("BoundaryEvent_Stage1LineManagersOverdue",
        "UserTask_ResolveBetweenLineManagers");
    assertThat(diagram.path("running")).isEmpty();

    // notifications: to whom (named), what, delivered
    List<String> told = new ArrayList<>();
    history.path("notifications").forEach(n -> told.add(n.path("kind").asText() + " " + n.path("to").path("name").asText()
        + " " + n.path("delivered").asBoolean()));
    assertThat(told).contains("DEADLINE_BREACHED Edie Rookwood true", "STAGE_STARTED Edie Rookwood true",
        "OUTCOME_RECORDED Dev Kestrelford true");
    assertThat(response.body()).doesNotContain("@example.org"); // names, not addresses

    // the user operation log: the claim and the administrator's correction, by name
    List<String> operations = new ArrayList<>();
    history.path("operations").forEach(o -> operations.add(o.path("operation").asText() + " " + o.path("who").path("name").asText()
        + " " + o.path("property").asText() + " " + o.path("to").asText()));
    assertThat(operations).contains("Claim Edie Rookwood assignee nssab.police.line-manager");
    assertThat(operations).anyMatch(o -> o.startsWith("SetVariable Admin Administrator"));
    assertThat(operations).anyMatch(o -> o.startsWith("Complete Dev Kestrelford"));

    // another partnership's auditor, and staff (even the case's own raiser), get nothing
    Http otherAuditor = Http.anonymous(port);
    otherAuditor.webappLogin("cockpit", "nel.auditor", "demo");
    HttpResponse<String> refused = otherAuditor.get(HISTORY + id);
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.body()).doesNotContain("NS-HIST-1").doesNotContain("Kestrelford")
        .contains("There is no case with this id that you may read.");
    Http staff = Http.anonymous(port);
    assertThat(staff.webappLogin("tasklist", "nssab.police.practitioner", "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> staffRefused = staff.get(HISTORY + id);
    assertThat(staffRefused.statusCode()).isEqualTo(404);
    assertThat(staffRefused.body()).doesNotContain("NS-HIST-1");

    // a bad id is a plain 404, never an error page
    for (String bad : new String[] {"no-such-case", "%27%20or%201%3D1", "x".repeat(300)}) {
      HttpResponse<String> notFound = auditor.get(HISTORY + bad);
      assertThat(notFound.statusCode()).as(bad).isEqualTo(404);
      assertThat(JSON.readTree(notFound.body()).path("message").asText())
          .isEqualTo("There is no case with this id that you may read.");
    }

    // an administrator reads it too
    Http admin = Http.anonymous(port);
    admin.webappLogin("cockpit", "admin", "demo");
    assertThat(admin.get(HISTORY + id).statusCode()).isEqualTo(200);
  }

  /** Started, escalated, left past the line managers' deadline (the timer fires), resolved late, closed. */
  String breachedAndResolvedCase(String caseReference) throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    Http lineManager = Http.anonymous(port).as("nssab.police.line-manager", "demo");
    String id = JSON.readTree(practitioner.post(NssabCases.START, NssabCases.startBody(caseReference, "standard")).body())
        .path("id").asText();
    assertThat(practitioner.post("/engine-rest/task/" + task(practitioner, id) + "/submit-form",
        NssabCases.stageRecord("escalate")).statusCode()).isEqualTo(204);
    Jobs.runDue(engine, id);

    String stage = task(lineManager, id);
    assertThat(lineManager.post("/engine-rest/task/" + stage + "/claim", "{\"userId\": \"nssab.police.line-manager\"}")
        .statusCode()).isEqualTo(204);
    // an administrator's correction, which the operation log keeps
    assertThat(Http.anonymous(port).as("admin", "demo").send("PUT", "/engine-rest/process-instance/" + id
        + "/variables/receivingPractitionerName", "{\"value\": \"Dr Riley Other-Smith\", \"type\": \"String\"}")
        .statusCode()).isEqualTo(204);

    ClockUtil.setCurrentTime(Date.from(AFTER_DEADLINE));
    Jobs.runDue(engine, id); // the deadline passes with the stage open: its timer fires
    assertThat(lineManager.post("/engine-rest/task/" + stage + "/submit-form", NssabCases.stageRecord("resolved"))
        .statusCode()).isEqualTo(204);
    Jobs.runDue(engine, id);
    assertThat(practitioner.post("/engine-rest/task/" + task(practitioner, id) + "/submit-form",
        NssabCases.single("learningIdentified", "\"no\"", "String")).statusCode()).isEqualTo(204);
    Jobs.runDue(engine, id);
    return id;
  }

  static String task(Http user, String instanceId) throws Exception {
    JsonNode tasks = JSON.readTree(user.get("/engine-rest/task?processInstanceId=" + instanceId).body());
    assertThat(tasks).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  static List<String> lines(JsonNode stage) {
    List<String> lines = new ArrayList<>();
    stage.path("record").forEach(l -> lines.add(l.path("label").asText() + ": " + l.path("value").asText()));
    return lines;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}
