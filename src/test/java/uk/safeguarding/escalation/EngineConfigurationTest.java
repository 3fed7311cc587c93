package uk.safeguarding.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.RunningApp;

/** Engine settings an auditor and an operator rely on. */
@SpringBootTest
class EngineConfigurationTest {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("escalation.data-dir", () -> RunningApp.newDataDir().toString());
  }

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void historyIsFullAndCleanedUpInANightlyWindow() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(config.isAuthorizationEnabled()).isTrue();
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(config.isDeserializationTypeValidationEnabled()).isTrue();
  }

  /** README "Performance": the deadline storm's tuning, with its index (db/migration/V3, after the engine's schema). */
  @Test
  void jobsAreAcquiredByDueDateOverAnIndexInBatchesOfEight() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(config.isEnsureJobDueDateNotNull()).isTrue();
    JobExecutor jobExecutor = config.getJobExecutor();
    assertThat(jobExecutor.getMaxJobsPerAcquisition()).isEqualTo(8);
    assertThat(jobExecutor.getWaitTimeInMillis()).isEqualTo(1000);
    assertThat(jobExecutor.getMaxWait()).isEqualTo(5000);
    assertThat(jdbc.queryForObject("select count(*) from information_schema.indexes where lower(index_name) = 'esc_job_duedate'",
        Integer.class)).isEqualTo(1);
  }

  @Test
  void aDiagramWithoutItsOwnRetentionGetsTheConfiguredDefault() {
    // Written out by hand: Camunda's fluent model builder would add its own P180D.
    String bpmn = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
          <process id="retention-default" isExecutable="true">
            <startEvent id="start"/><sequenceFlow id="f" sourceRef="start" targetRef="end"/><endEvent id="end"/>
          </process>
        </definitions>""";
    String deploymentId = engine.getRepositoryService().createDeployment()
        .addString("retention-default.bpmn", bpmn).deploy().getId();
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deploymentId).singleResult();
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(2557);
  }

  @Test
  void aDiagramsOwnRetentionWins() {
    ProcessDefinition smoke = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("smoke-test").latestVersion().singleResult();
    assertThat(smoke.getHistoryTimeToLive()).isEqualTo(30);
  }
}
