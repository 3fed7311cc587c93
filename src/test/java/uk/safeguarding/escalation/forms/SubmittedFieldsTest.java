package uk.safeguarding.escalation.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;
import uk.safeguarding.escalation.support.Snapshots;

/**
 * A submission carries only the fields of the form it submits: the variables the engine sets
 * (stage, timestamps, the raising practitioner) and anything else the form does not ask for are
 * refused with 400 naming the field, and fields a form shows read-only only pass unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubmittedFieldsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @ParameterizedTest
  @ValueSource(strings = {"currentStage", "caseStartedAt", "stageStartedAt", "resolvedAtStage", "raisingPractitioner",
      "stageOutcome", "notOnTheForm"})
  void aStartCarriesOnlyItsStartFormsFields(String field) throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    String body = NssabCases.startBody("NS-FIELDS-" + field, "standard").replace("\"variables\": {",
        "\"variables\": {\"" + field + "\": {\"value\": \"nssab.police.line-manager\", \"type\": \"String\"},");
    HttpResponse<String> response = practitioner.post(NssabCases.START, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(field + ": is not a field of this form");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("NS-FIELDS-" + field).count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"currentStage", "resolvedAtStage", "raisingAgency", "caseStartedAt", "routeDecision"})
  void aCompletionCarriesOnlyItsTaskFormsFields(String field) throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    String id = start(practitioner, "NS-FIELDS-T-" + field);
    String task = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
    Map<String, Object> before = Snapshots.variables(runtimeService, id);
    String body = NssabCases.stageRecord("resolved").replace("\"variables\": {",
        "\"variables\": {\"" + field + "\": {\"value\": \"5\", \"type\": \"String\"},");
    HttpResponse<String> response = practitioner.post("/engine-rest/task/" + task + "/complete", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(field + ": is not a field of this form");
    assertThat(Snapshots.variables(runtimeService, id)).isEqualTo(before);
  }

  @Test
  void readOnlyFieldsPassOnlyUnchanged() throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    String id = start(practitioner, "NS-FIELDS-RO");
    String task = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();

    HttpResponse<String> changed = practitioner.post("/engine-rest/task/" + task + "/complete", NssabCases.stageRecord("resolved")
        .replace("\"variables\": {", "\"variables\": {\"caseReference\": {\"value\": \"Jane Doe\", \"type\": \"String\"},"));
    assertThat(changed.statusCode()).isEqualTo(400);
    assertThat(changed.body()).contains("‘Case reference’ is shown for information and cannot be changed")
        .contains("{\"field\":\"caseReference\",\"message\":\"is shown for information and cannot be changed\"}");
    assertThat(runtimeService.getVariable(id, "caseReference")).isEqualTo("NS-FIELDS-RO");

    // Tasklist submits every field of the form, read-only ones with the value it was shown
    HttpResponse<String> asShown = practitioner.post("/engine-rest/task/" + task + "/complete", NssabCases.stageRecord("resolved")
        .replace("\"variables\": {", "\"variables\": {\"caseReference\": {\"value\": \"NS-FIELDS-RO\", \"type\": \"String\"},"
            + "\"disputeSummary\": {\"value\": \"Safeguarding information not shared\", \"type\": \"String\"},"));
    assertThat(asShown.statusCode()).as(asShown.body()).isEqualTo(204);
  }

  @Test
  void theEngineKeepsTheRaisingPractitionerTheStarterWhateverTheStartVariablesSay() {
    Map<String, Object> vars = new HashMap<>(Map.of("caseReference", "NS-FIELDS-E", "subjectType", "adult",
        "raisingAgency", "police", "receivingAgency", "la-adults", "disagreementCategory", "thresholds",
        "disputeSummary", "s", "riskLevel", "standard"));
    vars.put("raisingPractitioner", "nssab.police.line-manager");
    identityService.setAuthentication("nssab.police.practitioner", List.of("nssab", "nssab-police", "nssab-police-practitioner"));
    try {
      // straight through the Java API, past the HTTP layer
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("nssab-escalation", "NS-FIELDS-E", vars))
          .isInstanceOf(FormValidationException.class)
          .hasMessageContaining("raisingPractitioner: is set by the engine and cannot be submitted");
      vars.remove("raisingPractitioner");
      vars.put("currentStage", 4);
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("nssab-escalation", "NS-FIELDS-E", vars))
          .isInstanceOf(FormValidationException.class)
          .hasMessageContaining("currentStage: is not a field of this form");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("NS-FIELDS-E").count()).isZero();
  }

  private String start(Http practitioner, String reference) throws Exception {
    HttpResponse<String> started = practitioner.post(NssabCases.START, NssabCases.startBody(reference, "standard"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return JSON.readTree(started.body()).path("id").asText();
  }
}
