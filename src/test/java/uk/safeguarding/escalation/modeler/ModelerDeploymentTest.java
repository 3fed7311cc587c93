package uk.safeguarding.escalation.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * Deploying from Camunda Modeler (REST deployment/create, multipart, HTTP Basic): administrators
 * deploy anything, a partnership's board admins only its own diagram and forms, staff nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerDeploymentTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "nssab-escalation";
  static final String TIMESCALE_2 = "<camunda:property name=\"timescale\" value=\"2\" />";
  static final String TIMESCALE_3 = "<camunda:property name=\"timescale\" value=\"3\" />";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  @Test
  void theAdminDeploysAnEditedDiagramAsTheNextVersion() throws Exception {
    int before = latestVersion();

    HttpResponse<String> response = as("admin").deploy("nssab-escalation (edited in Modeler)",
        Map.of("nssab-escalation.bpmn", editedDiagram()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"deployedProcessDefinitions\"").contains(KEY);
    var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
    assertThat(latest.getVersion()).isEqualTo(before + 1);
    assertThat(new String(repositoryService.getResourceAsStream(latest.getDeploymentId(), "nssab-escalation.bpmn").readAllBytes(),
        StandardCharsets.UTF_8)).contains("<camunda:property name=\"timescale\" value=\"3\" />");
  }

  @Test
  void theAdminMayDeployThePlatformsOwnDiagram() {
    String platform = read("src/main/resources/platform/notification-delivery.bpmn")
        .replace("name=\"Notification delivery\"", "name=\"Notification delivery (edited)\"");
    assertThat(as("admin").deploy("platform", Map.of("notification-delivery.bpmn", platform)).statusCode()).isEqualTo(200);
  }

  @Test
  void aBoardAdminDeploysTheirOwnDiagramWithItsFormsAsModelerDoes() throws Exception {
    Http boardAdmin = as("nssab.board-admin");
    // Modeler's Deploy dialog checks the endpoint and the engine version first.
    assertThat(boardAdmin.get("/engine-rest/version").statusCode()).isEqualTo(200);
    assertThat(boardAdmin.get("/engine-rest/deployment?maxResults=0").statusCode()).isEqualTo(200);
    int before = latestVersion();

    HttpResponse<String> response = boardAdmin.deploy("nssab-escalation (board admin)", diagramWithForms(editedDiagram()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(latestVersion()).isEqualTo(before + 1);
    String deploymentId = JSON.readTree(response.body()).path("id").asText();
    assertThat(repositoryService.getDeploymentResourceNames(deploymentId)).contains("nssab-start.form", "nssab-stage-record.form");
    // Camunda lets the uploader read their own deployment; Cockpit shows them their protocol's versions.
    assertThat(boardAdmin.get("/engine-rest/deployment/" + deploymentId).statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(boardAdmin.get("/engine-rest/process-definition?key=" + KEY).body())).hasSizeGreaterThan(1);
  }

  @Test
  void anotherPartnershipsDiagramIsRefusedWithTheReason() {
    long before = repositoryService.createDeploymentQuery().count();

    HttpResponse<String> response = as("bscp.board-admin").deploy("nssab-escalation", diagramWithForms(editedDiagram()));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(message(response)).isEqualTo("Deployment refused for bscp.board-admin: the process key nssab-escalation in"
        + " nssab-escalation.bpmn belongs to another partnership, nssab (North Somerset Safeguarding Adults Board);"
        + " you may deploy only the diagrams and forms of bscp. A Camunda administrator may deploy anything.");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  /** A board admin's diagram is a protocol, not code: it keeps the diagram contract or is refused, naming the element. */
  @Test
  void aBoardAdminsDiagramThatBreaksTheContractIsRefusedNamingTheElement() {
    long before = repositoryService.createDeploymentQuery().count();
    String code = editedDiagram().replace("${stageOutcome == 'resolved'}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n    <bpmn:sequenceFlow id=\"Flow_ResolvedByLineManagers\"",
        "${execution.getProcessEngineServices().getRuntimeService() != null}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n    <bpmn:sequenceFlow id=\"Flow_ResolvedByLineManagers\"");
    assertThat(code).as("the condition was edited").isNotEqualTo(editedDiagram());

    HttpResponse<String> response = as("nssab.board-admin").deploy("nssab-escalation", diagramWithForms(code));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(message(response)).contains("Deployment refused for nssab.board-admin: nssab-escalation.bpmn breaks the contract")
        .contains("Flow_ResolvedByPractitioners [SAFE_EXPRESSIONS]");
    HttpResponse<String> withoutForms = as("nssab.board-admin").deploy("nssab-escalation",
        Map.of("nssab-escalation.bpmn", editedDiagram()));
    assertThat(withoutForms.statusCode()).as(withoutForms.body()).isEqualTo(400);
    assertThat(message(withoutForms)).contains("StartEvent_DisagreementRaised [FORM_EXISTS]: form 'nssab-start' does not exist");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void aKeyNoPartnershipOwnsIsRefused() {
    long before = repositoryService.createDeploymentQuery().count();
    Http boardAdmin = as("nssab.board-admin");

    HttpResponse<String> unknown = boardAdmin.deploy("westshire",
        Map.of("westshire-escalation.bpmn", editedDiagram().replace("id=\"nssab-escalation\"", "id=\"westshire-escalation\"")));
    HttpResponse<String> platform = boardAdmin.deploy("platform",
        Map.of("notification-delivery.bpmn", read("src/main/resources/platform/notification-delivery.bpmn")));

    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(message(unknown)).contains("the process key westshire-escalation in westshire-escalation.bpmn belongs to no partnership");
    assertThat(platform.statusCode()).isEqualTo(403);
    assertThat(message(platform)).contains("the process key notification-delivery in notification-delivery.bpmn belongs to no partnership");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void anotherPartnershipsFormOrAnythingElseIsRefused() {
    Map<String, String> files = diagramWithForms(editedDiagram());
    files.put("bscp-start.form", read("forms/nssab-start.form").replace("\"id\": \"nssab-start\"", "\"id\": \"bscp-start\""));
    HttpResponse<String> foreignForm = as("nssab.board-admin").deploy("nssab-escalation", files);
    assertThat(foreignForm.statusCode()).isEqualTo(403);
    assertThat(message(foreignForm)).contains("the form ID bscp-start in bscp-start.form does not start with your partnership's code");

    HttpResponse<String> script = as("nssab.board-admin").deploy("nssab-escalation", Map.of("nssab-helper.js", "1 + 1"));
    assertThat(script.statusCode()).isEqualTo(403);
    assertThat(message(script)).contains("nssab-helper.js is neither a diagram (.bpmn), a decision (.dmn) nor a form (.form)");
  }

  @Test
  void withoutCredentialsOrAsStaffItIsRefused() {
    Map<String, String> files = Map.of("nssab-escalation.bpmn", editedDiagram());
    long before = repositoryService.createDeploymentQuery().count();
    assertThat(Http.anonymous(port).deploy("nssab-escalation", files).statusCode()).isEqualTo(401);
    assertThat(as("nssab.police.practitioner").deploy("nssab-escalation", files).statusCode()).isEqualTo(403);
    assertThat(as("nssab.business-manager").deploy("nssab-escalation", files).statusCode()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  /** README "Moving running cases to a new version": the board admin's two REST calls. */
  @Test
  void aBoardAdminMovesARunningCaseToTheirNewVersion() throws Exception {
    HttpResponse<String> started = as("nssab.police.practitioner").post(NssabCases.START, NssabCases.startBody("MIG-1", "standard"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String caseId = JSON.readTree(started.body()).path("id").asText();
    String oldVersion = JSON.readTree(started.body()).path("definitionId").asText();
    Http boardAdmin = as("nssab.board-admin");
    String newVersion = JSON.readTree(boardAdmin.deploy("nssab-escalation (migration)", diagramWithForms(editedDiagram()))
        .body()).path("deployedProcessDefinitions").fields().next().getKey();

    HttpResponse<String> plan = boardAdmin.post("/engine-rest/migration/generate", """
        {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s"}
        """.formatted(oldVersion, newVersion));
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    HttpResponse<String> executed = boardAdmin.post("/engine-rest/migration/execute", """
        {"migrationPlan": %s, "processInstanceIds": ["%s"]}
        """.formatted(plan.body(), caseId));

    assertThat(executed.statusCode()).as(executed.body()).isEqualTo(204);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getProcessDefinitionId())
        .isEqualTo(newVersion);
    // Another partnership's board admin cannot plan a move of these cases.
    assertThat(as("bscp.board-admin").post("/engine-rest/migration/generate", """
        {"sourceProcessDefinitionId": "%s", "targetProcessDefinitionId": "%s"}
        """.formatted(oldVersion, newVersion)).statusCode()).isEqualTo(403);
  }

  private Http as(String user) {
    return Http.anonymous(port).as(user, "demo");
  }

  private int latestVersion() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getVersion();
  }

  /** The North Somerset diagram with stage 2's timescale field changed, as a board admin edits it in Modeler. */
  private static String editedDiagram() {
    String original = read("processes/nssab-escalation.bpmn");
    String edited = original.replace(TIMESCALE_2, TIMESCALE_3);
    assertThat(edited).as("stage 2's timescale field was edited").isNotEqualTo(original);
    return edited;
  }

  /** The diagram and every form of forms/ its tasks use, as Modeler's "Include additional files" sends them. */
  private static Map<String, String> diagramWithForms(String diagram) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("nssab-escalation.bpmn", diagram);
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      forms.filter(f -> f.getFileName().toString().startsWith("nssab-"))
          .forEach(f -> files.put(f.getFileName().toString(), read(f.toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String message(HttpResponse<String> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      return body.path("message").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
