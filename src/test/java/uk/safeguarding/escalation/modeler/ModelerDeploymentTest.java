package uk.safeguarding.escalation.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.RunningApp;

/** A board admin deploys an edited diagram from Camunda Modeler: REST deployment/create, multipart. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerDeploymentTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("escalation.data-dir", () -> RunningApp.newDataDir().toString());
  }

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  @Test
  void theAdminDeploysAnEditedDiagramAsTheNextVersion() throws Exception {
    int before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("nssab-escalation")
        .latestVersion().singleResult().getVersion();
    String edited = Files.readString(Path.of("processes/nssab-escalation.bpmn"))
        .replace("<camunda:property name=\"timescale\" value=\"2\" />", "<camunda:property name=\"timescale\" value=\"3\" />");
    assertThat(edited).as("stage 2's timescale field was edited").isNotEqualTo(Files.readString(Path.of("processes/nssab-escalation.bpmn")));

    HttpResponse<String> response = deploy("admin:demo", edited);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"deployedProcessDefinitions\"").contains("nssab-escalation");
    var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey("nssab-escalation")
        .latestVersion().singleResult();
    assertThat(latest.getVersion()).isEqualTo(before + 1);
    assertThat(new String(repositoryService.getResourceAsStream(latest.getDeploymentId(), "nssab-escalation.bpmn").readAllBytes(),
        StandardCharsets.UTF_8)).contains("<camunda:property name=\"timescale\" value=\"3\" />");
  }

  @Test
  void withoutCredentialsOrAsStaffItIsRefused() throws Exception {
    String diagram = Files.readString(Path.of("processes/nssab-escalation.bpmn"));
    long before = repositoryService.createDeploymentQuery().count();
    assertThat(deploy(null, diagram).statusCode()).isEqualTo(401);
    assertThat(deploy("nssab.police.practitioner:demo", diagram).statusCode()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  /** The request Camunda Modeler sends. */
  private HttpResponse<String> deploy(String credentials, String bpmn) throws IOException, InterruptedException {
    String boundary = "----ModelerBoundary7MA4YWxkTrZu0gW";
    String body = part(boundary, "deployment-name", "nssab-escalation (edited in Modeler)")
        + part(boundary, "deployment-source", "Camunda Modeler")
        + part(boundary, "deploy-changed-only", "true")
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"nssab-escalation.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String part(String boundary, String name, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
}
