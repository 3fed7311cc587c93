package uk.safeguarding.escalation.nel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
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
import uk.safeguarding.escalation.support.NelCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/** One North East Lincolnshire case driven only through the REST API, as an outside client would: every form, every owner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NelRestTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  Http practitioner;
  StaffRest staff;

  @BeforeEach
  void clients() {
    staff = new StaffRest(port, engine, NelCases::body);
    practitioner = Http.anonymous(port).as("nel.health.practitioner", "demo");
    ClockUtil.setCurrentTime(Date.from(NelCases.OUTSET));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aChildsCaseFromTheStartFormThroughEveryStageToTheBoard() throws Exception {
    HttpResponse<String> startForm = practitioner.get("/engine-rest/process-definition/key/nel-escalation/deployed-start-form");
    assertThat(startForm.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(startForm.body()).path("id").asText()).isEqualTo("nel-start");
    assertThat(startForm.body()).contains("MASH").contains("SPA").contains("subjectType");

    HttpResponse<String> started = practitioner.post(NelCases.START, NelCases.body(NelCases.childCase(), "NEL-REST-1"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).path("id").asText();

    staff.complete(instanceId, "nel.health.practitioner", "UserTask_ResolveInformally", "nel-informal", NelCases.informal("escalate"));
    staff.complete(instanceId, "nel.health.safeguarding-lead", "UserTask_Stage1LineManager", "nel-stage1", NelCases.stage1("escalate"));
    staff.complete(instanceId, "nel.health.line-manager", "UserTask_Stage2LineManagers", "nel-stage2", NelCases.stage2("escalate"));
    staff.complete(instanceId, "nel.health.senior-manager", "UserTask_Stage3HeadsOfService", "nel-stage3", NelCases.stage3("escalate", "yes"));
    staff.complete(instanceId, "nel.health.director", "UserTask_Stage4AssistantDirectors", "nel-stage4", NelCases.stage4("escalate", "yes"));
    staff.complete(instanceId, "nel.business-manager", "UserTask_PanelDecision", "nel-panel-decision", NelCases.panelDecision());
    staff.complete(instanceId, "nel.health.director", "UserTask_RecordDecisionRelayed", "nel-decision-relayed", NelCases.decisionRelayed());
    staff.complete(instanceId, "nel.business-manager", "UserTask_EndorseProcedureChange", "nel-board-endorsement", NelCases.boardEndorsement());

    Jobs.runDue(engine, instanceId); // the board's notice to partner agencies goes out
    Http auditor = staff.as("nel.auditor");
    JsonNode instance = StaffRest.single(auditor.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId));
    assertThat(instance.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(StaffRest.single(auditor.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId
        + "&variableName=resolvedAtStage")).path("value").asInt()).isEqualTo(4);
    JsonNode notifications = JSON.readTree(auditor.get("/api/notifications?processInstanceId=" + instanceId).body());
    assertThat(notifications).extracting(n -> n.path("kind").asText() + " " + n.path("recipientUserId").asText() + " " + n.path("status").asText())
        .contains("STAGE_STARTED nel.health.line-manager DELIVERED",
            "INTENTION_TO_ESCALATE nel.la-childrens.line-manager DELIVERED",
            "OUTCOME_RECORDED nel.la-childrens.senior-manager DELIVERED",
            "LEARNING_REFERRED nel.independent-chair DELIVERED",
            "PROCEDURE_CHANGE_ENDORSED nel.la-childrens.board-rep DELIVERED");
  }

  @Test
  void anImmediateRiskWithoutARecordOfWhatWasDoneIsRefusedWith400() throws Exception {
    Map<String, Object> vars = NelCases.adultCase();
    vars.put("riskLevel", "immediate");
    HttpResponse<String> response = practitioner.post(NelCases.START, NelCases.body(vars, "NEL-REST-2"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("violations").get(0).path("field").asText()).isEqualTo("immediateRiskAction");

    vars.put("immediateRiskAction", "not-applicable");
    assertThat(practitioner.post(NelCases.START, NelCases.body(vars, "NEL-REST-2")).statusCode()).isEqualTo(200);
  }
}
