package uk.safeguarding.escalation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * README "Onboarding a partnership", steps 1 to 5, with files only: a made-up sixth partnership
 * (src/test/resources/onboarding: its configuration, diagram and two forms; nothing in Java names it)
 * is configured through ESCALATION_PARTNERSHIPS_FILE, its board admin deploys the diagram and forms
 * as Modeler does, and a case runs through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "escalation.partnerships-file=" + OnboardingTest.DIR + "/partnerships.yml")
class OnboardingTest {

  static final String DIR = "src/test/resources/onboarding";
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;

  @Test
  void aSixthPartnershipRunsACaseFromConfigurationDiagramAndFormsAlone() throws Exception {
    // Step 1-2: the configuration entry made its groups (including an agency no Java names) and demo people.
    assertThat(identityService.createGroupQuery().groupId("wssp-fire-line-manager").singleResult().getName())
        .isEqualTo("Westshire Safeguarding Partnership: Fire and rescue service: Line manager");
    assertThat(identityService.createGroupQuery().groupId("wssp-board-admin").count()).isEqualTo(1);

    // Step 3: its board admin deploys the diagram and its forms from Modeler.
    HttpResponse<String> deployed = as("wssp.board-admin").deploy("wssp-escalation", Map.of(
        "wssp-escalation.bpmn", read("wssp-escalation.bpmn"),
        "wssp-start.form", read("wssp-start.form"),
        "wssp-stage-record.form", read("wssp-stage-record.form")));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

    // Step 4: a fire service practitioner raises a case; only for their own agency.
    Http practitioner = as("wssp.fire.practitioner");
    String start = "/engine-rest/process-definition/key/wssp-escalation/start";
    HttpResponse<String> forAnotherAgency = practitioner.post(start, startBody("police"));
    assertThat(forAnotherAgency.statusCode()).isEqualTo(400);
    assertThat(forAnotherAgency.body()).contains("must be your own agency (you are not in wssp-police)").contains("\"field\":\"raisingAgency\"");
    HttpResponse<String> started = practitioner.post(start, startBody("fire"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String caseId = JSON.readTree(started.body()).path("id").asText();

    // The stage task is offered to the raising agency's line managers, in their partnership's Tasklist filter.
    String tasks = "/engine-rest/task?processInstanceId=" + caseId;
    assertThat(JSON.readTree(as("wssp.police.line-manager").get(tasks).body())).isEmpty();
    Http lineManager = as("wssp.fire.line-manager");
    JsonNode task = JSON.readTree(lineManager.get(tasks).body()).get(0);
    assertThat(task.path("name").asText()).isEqualTo("Resolve concern between line managers");
    assertThat(task.path("due").isNull()).isFalse();
    assertThat(JSON.readTree(lineManager.get("/engine-rest/filter?resourceType=Task").body()))
        .extracting(f -> f.path("name").asText()).contains("Westshire Safeguarding Partnership");

    // Step 5: the line manager records the outcome; the case ends, resolved at stage 1.
    String taskId = task.path("id").asText();
    assertThat(lineManager.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"wssp.fire.line-manager\"}")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> completed = lineManager.post("/engine-rest/task/" + taskId + "/complete", """
        {"variables": {"stageSummary": {"value": "Agreed a joint visit", "type": "String"},
                       "stageOutcome": {"value": "resolved", "type": "String"}}}""");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_DisagreementResolved");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("resolvedAtStage")
        .singleResult().getValue()).isEqualTo(1);
  }

  private Http as(String user) {
    return Http.anonymous(port).as(user, "demo");
  }

  private static String startBody(String raisingAgency) {
    return """
        {"variables": {"caseReference": {"value": "WS-1", "type": "String"},
                       "raisingAgency": {"value": "%s", "type": "String"},
                       "receivingAgency": {"value": "police", "type": "String"},
                       "receivingPractitionerName": {"value": "A. Colleague", "type": "String"},
                       "disagreementCategory": {"value": "thresholds", "type": "String"},
                       "riskLevel": {"value": "standard", "type": "String"},
                       "disputeSummary": {"value": "Threshold for a joint visit", "type": "String"}}}""".formatted(raisingAgency);
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(DIR, file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
