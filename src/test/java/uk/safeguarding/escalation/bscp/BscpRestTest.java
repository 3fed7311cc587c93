package uk.safeguarding.escalation.bscp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.BscpCases;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.StaffRest;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NelCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/** Buckinghamshire cases driven only through the REST API, as an outside client would: every form, every owner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BscpRestTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  Http practitioner;
  StaffRest staff;

  @BeforeEach
  void clients() {
    staff = new StaffRest(port, engine, NelCases::body);
    practitioner = Http.anonymous(port).as("bscp.education.practitioner", "demo");
    ClockUtil.setCurrentTime(Date.from(BscpCases.OUTSET));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aStandardCaseThroughEveryStageToTheSeniorOfficersAndTheBscpTeam() throws Exception {
    HttpResponse<String> startForm = practitioner.get("/engine-rest/process-definition/key/bscp-escalation/deployed-start-form");
    assertThat(startForm.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(startForm.body()).path("id").asText()).isEqualTo("bscp-start");
    assertThat(startForm.body()).contains("complaints procedure").contains("whistleblowing").contains("remains involved")
        .contains("cp-conference").contains("lado").contains("mental-capacity").contains("life-threatening");

    HttpResponse<String> started = practitioner.post(BscpCases.START, NelCases.body(BscpCases.standardCase(), "BSCP-REST-1"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).path("id").asText();

    staff.complete(instanceId, "bscp.education.practitioner", "UserTask_Stage1Practitioners", "bscp-stage1", BscpCases.stage("escalate"));
    JsonNode stage2 = staff.complete(instanceId, "bscp.education.safeguarding-lead", "UserTask_Stage2DesignatedPerson", "bscp-stage",
        BscpCases.stage("escalate"));
    assertThat(stage2.path("raisingAgencyNamedOfficers").path("value").asText()).startsWith("Education: Designated Person for Child Protection");
    staff.complete(instanceId, "bscp.education.senior-manager", "UserTask_Stage3SeniorOfficers", "bscp-stage", BscpCases.stage("resolved"));
    staff.complete(instanceId, "bscp.education.board-rep", "UserTask_InformBscpTeam", "bscp-bscp-informed", BscpCases.bscpInformed());

    Jobs.runDue(engine, instanceId);
    Http auditor = staff.as("bscp.auditor");
    JsonNode instance = StaffRest.single(auditor.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId));
    assertThat(instance.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(StaffRest.single(auditor.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId
        + "&variableName=resolvedAtStage")).path("value").asInt()).isEqualTo(3);
    JsonNode notifications = JSON.readTree(auditor.get("/api/notifications?processInstanceId=" + instanceId).body());
    assertThat(notifications).extracting(n -> n.path("kind").asText() + " " + n.path("recipientUserId").asText() + " " + n.path("status").asText())
        .contains("STAGE_STARTED bscp.education.safeguarding-lead DELIVERED",
            "INTENTION_TO_ESCALATE bscp.la-childrens.safeguarding-lead DELIVERED",
            "INTENTION_TO_ESCALATE bscp.la-childrens.board-rep DELIVERED",
            "STAGE_STARTED bscp.education.board-rep DELIVERED",
            "PARTNERSHIP_NOTIFIED bscp.business-manager DELIVERED",
            "OUTCOME_RECORDED bscp.la-childrens.safeguarding-lead DELIVERED");
  }

  @Test
  void aCpConferenceCaseAgainstAnotherAgencyThanChildrensServicesIsRefusedWith400() throws Exception {
    Map<String, Object> vars = BscpCases.onRoute("cp-conference");
    vars.put("receivingAgency", "police");
    HttpResponse<String> response = practitioner.post(BscpCases.START, NelCases.body(vars, "BSCP-REST-2"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("violations").get(0).path("field").asText()).isEqualTo("receivingAgency");

    vars.put("receivingAgency", "la-childrens");
    HttpResponse<String> started = practitioner.post(BscpCases.START, NelCases.body(vars, "BSCP-REST-2"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).path("id").asText();
    staff.complete(instanceId, "bscp.education.practitioner", "UserTask_CpDecideChallenge", "bscp-cp-challenge", BscpCases.cpChallenge("escalate"));
    staff.complete(instanceId, "bscp.education.safeguarding-lead", "UserTask_CpDesignatedPerson", "bscp-cp-designated-person",
        BscpCases.cpDesignatedPerson("escalate"));
    staff.complete(instanceId, "bscp.la-childrens.senior-manager", "UserTask_CpDetermination", "bscp-cp-determination", BscpCases.cpDetermination());
    JsonNode instance = StaffRest.single(staff.as("bscp.auditor").get("/engine-rest/history/process-instance?processInstanceId=" + instanceId));
    assertThat(instance.path("state").asText()).isEqualTo("COMPLETED");
  }
}
