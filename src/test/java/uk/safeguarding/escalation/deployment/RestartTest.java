package uk.safeguarding.escalation.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import uk.safeguarding.escalation.support.RunningApp;

/** The embedded H2 file keeps cases across restarts, and unchanged diagrams are not redeployed. */
class RestartTest {

  @Test
  void aCaseSurvivesRestartsAndNothingIsRedeployed() {
    Path dataDir = RunningApp.newDataDir();
    String instanceId;
    String deploymentId;

    try (RunningApp app = RunningApp.start("demo", "escalation.data-dir=" + dataDir)) {
      HttpResponse<String> started = app.http().as("admin", "demo").post(
          "/engine-rest/process-definition/key/smoke-test/start",
          "{\"businessKey\": \"CASE-001\", \"variables\": {\"raisingAgency\": {\"value\": \"police\", \"type\": \"String\"}}}");
      assertThat(started.statusCode()).isEqualTo(200);
      instanceId = app.engine().getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey("CASE-001").singleResult().getId();
      deploymentId = onlyDeployment(app).getId();
      assertThat(app.engine().getRepositoryService().getDeploymentResourceNames(deploymentId))
          .contains("processes/smoke-test.bpmn");
    }

    for (int restart = 1; restart <= 2; restart++) {
      try (RunningApp app = RunningApp.start("demo", "escalation.data-dir=" + dataDir)) {
        Task task = app.engine().getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(task).as("restart %d", restart).isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("UserTask_ReviewCase");
        assertThat(app.engine().getTaskService().createTaskQuery().taskCandidateGroup("nssab-police-line-manager")
            .processInstanceBusinessKey("CASE-001").count()).isEqualTo(1);
        assertThat(onlyDeployment(app).getId()).as("restart %d", restart).isEqualTo(deploymentId);
        HttpResponse<String> count = app.http().as("admin", "demo").get("/engine-rest/deployment/count");
        assertThat(count.body()).isEqualTo("{\"count\":1}");
      }
    }
  }

  private static Deployment onlyDeployment(RunningApp app) {
    return app.engine().getRepositoryService().createDeploymentQuery()
        .deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).singleResult();
  }
}
