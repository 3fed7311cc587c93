package uk.safeguarding.escalation.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.notification.NotificationLog;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * Issue 15 item 5: the written confirmation of an outcome goes to people who hold no task of the
 * case (the receiving agency's line managers); its link opens the outcome for them in Tasklist,
 * read-only, and nothing else of the case. Through the same HTTP calls Tasklist makes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutcomeForPartiesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final SmtpServer smtp = new SmtpServer();
  static final String OUTCOME = "/camunda/api/tasklist/plugin/escalation/default/outcome/";
  static final String ENGINE = "/camunda/api/engine/engine/default";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.register(registry, smtp);
    registry.add("escalation.public-url", () -> "https://escalation.example.org");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired NotificationLog notificationLog;
  @Autowired IdentityService identityService;

  @BeforeAll
  static void startSmtp() {
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @BeforeEach
  void outset() {
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET));
    smtp.clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theReceivingAgencysLineManagerReadsTheOutcomeTheyWereToldOfAndNothingElse() throws Exception {
    String instanceId = resolvedAtStage1("NS-OUT-1");

    // who was told of the outcome, from the notification log (as an auditor proves it)
    List<NotificationLog.Entry> log = notificationLog.forProcessInstance(instanceId);
    List<String> toldOfOutcome = log.stream().filter(e -> e.kind().equals("OUTCOME_RECORDED"))
        .map(NotificationLog.Entry::recipientUserId).toList();
    assertThat(toldOfOutcome).contains("nssab.la-adults.line-manager", "nssab.police.practitioner");
    String recipient = "nssab.la-adults.line-manager";
    // ... who holds no task of the case and is staff of the partnership (Tasklist access)
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instanceId)
        .taskAssignee(recipient).count()).isZero();
    assertThat(identityService.createUserQuery().userId(recipient).memberOfGroup("nssab").count()).isOne();

    // the email's link opens the outcome view
    MimeMessage confirmation = smtp.received().stream()
        .filter(m -> SmtpServer.to(m).equals(recipient + "@example.org") && SmtpServer.subject(m).contains("outcome recorded"))
        .findFirst().orElseThrow();
    assertThat(GreenMailUtil.getBody(confirmation))
        .contains("https://escalation.example.org/camunda/app/tasklist/default/#/?escalation-outcome=" + instanceId)
        .doesNotContain("Dr Riley Other").doesNotContain("Safeguarding information not shared");

    Http lineManager = Http.anonymous(port);
    assertThat(lineManager.get(OUTCOME + instanceId).statusCode()).isEqualTo(401);
    assertThat(lineManager.webappLogin("tasklist", recipient, "demo").statusCode()).isEqualTo(200);
    HttpResponse<String> read = lineManager.get(OUTCOME + instanceId);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode outcome = JSON.readTree(read.body());
    assertThat(outcome.path("caseReference").asText()).isEqualTo("NS-OUT-1");
    assertThat(outcome.path("protocol").asText()).isEqualTo("North Somerset SAB: resolution of professional differences");
    assertThat(outcome.path("resolvedAtStage").asInt()).isEqualTo(1);
    assertThat(outcome.path("resolved").asText()).isEqualTo(NssabCases.OUTSET.toString());
    // the written outcome: what the line managers recorded when they resolved it, under the form's labels
    assertThat(outcome.path("outcome").path("title").asText()).isEqualTo("Resolve concern between line managers");
    assertThat(outcome.path("outcome").path("by").asText()).contains("nssab.police.line-manager");
    assertThat(outcome.path("outcome").path("lines").toString()).contains("Telephone").contains("Discussed");
    // ... and nothing else of the case: not the dispute as raised, not the earlier stage's record
    assertThat(read.body()).doesNotContain("Safeguarding information not shared").doesNotContain("Dr Riley Other")
        .doesNotContain("Discuss concern with the other practitioner");

    // the engine still shows them nothing of the case, in the webapp's API and over REST
    assertThat(lineManager.get(ENGINE + "/process-instance/" + instanceId + "/variables").statusCode()).isIn(403, 404);
    assertThat(lineManager.get(ENGINE + "/history/variable-instance?processInstanceId=" + instanceId).body()).isEqualTo("[]");
    assertThat(lineManager.get(ENGINE + "/history/process-instance?processInstanceId=" + instanceId).body()).isEqualTo("[]");
    Http lineManagerRest = Http.anonymous(port).as(recipient, "demo");
    assertThat(lineManagerRest.get("/engine-rest/process-instance/" + instanceId + "/variables").statusCode()).isIn(403, 404);
    assertThat(lineManagerRest.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId).body())
        .isEqualTo("[]");
    assertThat(lineManagerRest.get("/engine-rest/history/detail?processInstanceId=" + instanceId).body()).isEqualTo("[]");
    assertThat(lineManagerRest.get("/engine-rest/history/task?processInstanceId=" + instanceId).body()).isEqualTo("[]");
    assertThat(lineManagerRest.get("/api/notifications?processInstanceId=" + instanceId).statusCode()).isEqualTo(404);

    // someone of the same agency whom no notification named: 404, as for a case that does not exist
    String sameAgency = "nssab.la-adults.practitioner";
    assertThat(log).extracting(NotificationLog.Entry::recipientUserId).doesNotContain(sameAgency);
    Http colleague = Http.anonymous(port);
    colleague.webappLogin("tasklist", sameAgency, "demo");
    HttpResponse<String> refused = colleague.get(OUTCOME + instanceId);
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.body()).doesNotContain("NS-OUT-1").doesNotContain("Telephone");
    assertThat(colleague.get(OUTCOME + "no-such-case").statusCode()).isEqualTo(404);

    // someone of another partnership: 404
    Http stranger = Http.anonymous(port);
    stranger.webappLogin("tasklist", "nel.la-adults.line-manager", "demo");
    assertThat(stranger.get(OUTCOME + instanceId).statusCode()).isEqualTo(404);

    // the business manager may read the case's history anyway, so may read its outcome too
    Http businessManager = Http.anonymous(port);
    businessManager.webappLogin("tasklist", "nssab.business-manager", "demo");
    assertThat(businessManager.get(OUTCOME + instanceId).statusCode()).isEqualTo(200);
  }

  @Test
  void aNotificationDeliveryIsNotACase() throws Exception {
    String instanceId = resolvedAtStage1("NS-OUT-2");
    // a delivery's ID, as its email's link and the notification log carry it
    String delivery = notificationLog.forProcessInstance(instanceId).get(0).notificationKey();
    assertThat(delivery).isNotEqualTo(instanceId);
    Http admin = Http.anonymous(port);
    admin.webappLogin("tasklist", "admin", "demo");
    assertThat(admin.get(OUTCOME + delivery).statusCode()).isEqualTo(404);
    assertThat(admin.get(OUTCOME + instanceId).statusCode()).isEqualTo(200);
  }

  /** A case the police line managers resolve at stage 1, every notification delivered. */
  String resolvedAtStage1(String caseReference) throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    Http policeLineManager = Http.anonymous(port).as("nssab.police.line-manager", "demo");
    String instanceId = JSON.readTree(practitioner.post(NssabCases.START, NssabCases.startBody(caseReference, "standard"))
        .body()).path("id").asText();
    String discussion = JSON.readTree(practitioner.get("/engine-rest/task?processInstanceId=" + instanceId).body())
        .get(0).path("id").asText();
    assertThat(practitioner.post("/engine-rest/task/" + discussion + "/complete", NssabCases.stageRecord("escalate"))
        .statusCode()).isEqualTo(204);
    Jobs.runDue(engine, instanceId);
    String stage1 = JSON.readTree(policeLineManager.get("/engine-rest/task?processInstanceId=" + instanceId).body())
        .get(0).path("id").asText();
    assertThat(policeLineManager.post("/engine-rest/task/" + stage1 + "/claim", "{\"userId\": \"nssab.police.line-manager\"}")
        .statusCode()).isEqualTo(204);
    assertThat(policeLineManager.post("/engine-rest/task/" + stage1 + "/complete", NssabCases.stageRecord("resolved"))
        .statusCode()).isEqualTo(204);
    Jobs.runDue(engine, instanceId);
    return instanceId;
  }
}
