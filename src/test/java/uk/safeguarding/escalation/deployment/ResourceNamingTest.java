package uk.safeguarding.escalation.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.UrlResource;

/** Resource names do not depend on where the files sit on disk or whether they are in the jar. */
class ResourceNamingTest {

  @Test
  void namesAreThePathBelowTheClasspathFolder() throws Exception {
    assertThat(ProcessResourceDeployer.stableName(
        new UrlResource(new URL("file:/home/someone/repo/processes/target/classes/processes/nssab-escalation.bpmn")),
        "processes")).isEqualTo("processes/nssab-escalation.bpmn");
    assertThat(ProcessResourceDeployer.stableName(
        new UrlResource(new URL("jar:file:/opt/app.jar!/BOOT-INF/classes/forms/nssab-start.form")), "forms"))
        .isEqualTo("forms/nssab-start.form");
  }

  @Test
  void theProjectsFoldersAreFound() {
    assertThat(new ProcessResourceDeployer().findResources()).containsKey("processes/smoke-test.bpmn");
  }
}
