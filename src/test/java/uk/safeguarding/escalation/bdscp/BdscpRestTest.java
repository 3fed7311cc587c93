package uk.safeguarding.escalation.bdscp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.BdscpCases;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.StaffRest;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NelCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * One Barking and Dagenham case driven only through the REST API, as an outside client would: every
 * form and owner to the Safeguarding Leads' outcome; the action plan sent as Json, as Tasklist saves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BdscpRestTest {

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
    staff = new StaffRest(port, engine, BdscpCases::body);
    practitioner = Http.anonymous(port).as("bdscp.police.practitioner", "demo");
    ClockUtil.setCurrentTime(Date.from(BdscpCases.OUTSET));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCaseToTheSafeguardingLeadsActionPlanAndItsOutcome() throws Exception {
    HttpResponse<String> startForm = practitioner.get("/engine-rest/process-definition/key/bdscp-escalation/deployed-start-form");
    assertThat(startForm.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(startForm.body()).path("id").asText()).isEqualTo("bdscp-start");
    assertThat(startForm.body()).contains("MASH").contains("on-call").contains("babyInvolved");

    HttpResponse<String> started = practitioner.post(BdscpCases.START, BdscpCases.body(BdscpCases.childCase(), "BD-REST-1"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = JSON.readTree(started.body()).path("id").asText();

    // by email: 400 with the protocol's own sentence, and nothing changes
    HttpResponse<String> byEmail = staff.submit(instanceId, "bdscp.police.practitioner", "UserTask_Stage1Liaise", BdscpCases.liaise("email"));
    assertThat(byEmail.statusCode()).isEqualTo(400);
    assertThat(byEmail.body()).contains("contactType").contains("should therefore not take place by email");

    staff.complete(instanceId, "bdscp.police.practitioner", "UserTask_Stage1Liaise", "bdscp-stage1-liaise", BdscpCases.liaise("phone"));
    staff.complete(instanceId, "bdscp.la-childrens.practitioner", "UserTask_Stage1Reply", "bdscp-stage1-reply", BdscpCases.reply());
    staff.complete(instanceId, "bdscp.police.practitioner", "UserTask_Stage1Record", "bdscp-stage1-record", BdscpCases.record("escalate"));
    staff.complete(instanceId, "bdscp.police.line-manager", "UserTask_Stage2Review", "bdscp-stage2-review", BdscpCases.review("yes", null));
    staff.complete(instanceId, "bdscp.police.line-manager", "UserTask_Stage2Strategy", "bdscp-stage2-strategy", BdscpCases.strategy("escalate"));
    staff.complete(instanceId, "bdscp.police.safeguarding-lead", "UserTask_Stage3PhoneContact", "bdscp-stage3-phone", BdscpCases.phoneContact());

    // Section B: a row without its owner is refused, naming the row
    String noOwner = "[{\"issue\":\"Threshold\",\"agreedAction\":\"Strategy discussion\",\"byWhom\":\"\",\"byWhen\":\"2026-09-18\"}]";
    HttpResponse<String> incomplete = staff.submit(instanceId, "bdscp.police.safeguarding-lead", "UserTask_Stage3AppendixA",
        BdscpCases.appendixA(noOwner));
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body()).contains("actionPlan[1].byWhom");
    staff.complete(instanceId, "bdscp.police.safeguarding-lead", "UserTask_Stage3AppendixA", "bdscp-appendix-a",
        BdscpCases.appendixA(BdscpCases.actionPlan("2026-09-14", "2026-09-18")));

    // nothing for the receiving SL before the plan's latest "by when"; at 17:00 that day, their task
    ClockUtil.setCurrentTime(Date.from(NelCases.london("2026-09-18T16:59")));
    Jobs.runDue(engine, instanceId);
    Http receivingSl = staff.as("bdscp.la-childrens.safeguarding-lead");
    assertThat(JSON.readTree(receivingSl.get("/engine-rest/task?processInstanceId=" + instanceId).body())).isEmpty();
    ClockUtil.setCurrentTime(Date.from(NelCases.london("2026-09-18T17:00")));
    staff.complete(instanceId, "bdscp.la-childrens.safeguarding-lead", "UserTask_Stage3ContactReferringSl", "bdscp-stage3-contact",
        BdscpCases.contactReferringSl());
    staff.complete(instanceId, "bdscp.police.safeguarding-lead", "UserTask_Stage3Outcome", "bdscp-stage3-outcome",
        BdscpCases.outcome("resolved", "yes", "no"));

    Jobs.runDue(engine, instanceId);
    Http auditor = staff.as("bdscp.auditor");
    JsonNode instance = StaffRest.single(auditor.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId));
    assertThat(instance.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(StaffRest.single(auditor.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId
        + "&variableName=resolvedAtStage")).path("value").asInt()).isEqualTo(3);
    JsonNode notifications = JSON.readTree(auditor.get("/api/notifications?processInstanceId=" + instanceId).body());
    assertThat(notifications).extracting(n -> n.path("kind").asText() + " " + n.path("recipientUserId").asText() + " " + n.path("status").asText())
        .contains("STAGE_STARTED bdscp.la-childrens.practitioner DELIVERED",
            "INTENTION_TO_ESCALATE bdscp.la-childrens.line-manager DELIVERED",
            "STAGE_STARTED bdscp.la-childrens.safeguarding-lead DELIVERED",
            "OUTCOME_RECORDED bdscp.la-childrens.senior-manager DELIVERED",
            "OUTCOME_RECORDED bdscp.police.practitioner DELIVERED");
  }
}
