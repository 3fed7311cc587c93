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
import uk.safeguarding.escalation.notification.DeliveryHistoryLevel;
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
  void historyIsFullForCasesAndCleanedUpInANightlyWindow() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // full for cases, none for notification deliveries (NotificationProcessTest shows both), under full's ID
    assertThat(config.getHistoryLevel().getName()).isEqualTo(DeliveryHistoryLevel.NAME);
    assertThat(config.getHistoryLevel().getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
    assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
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

  /** README "Performance": authorization at scale (db/migration/V5 and performance/AuthorizedGroups). */
  @Test
  void askingWhetherAnyRevokeAppliesUsesAnIndex() {
    assertThat(jdbc.queryForObject("select count(*) from information_schema.indexes"
        + " where lower(index_name) = 'esc_authorization_type'", Integer.class)).isEqualTo(1);
  }

  /** Staff's handful of groups go into each check as they are; an LDAP-sized list keeps Camunda's filter. */
  @Test
  void aUsersGroupsGoIntoAuthorizationChecksAsTheyAreUnlessThereAreMoreThanFifty() {
    String granted = jdbc.queryForObject("select min(group_id_) from act_ru_authorization where group_id_ is not null",
        String.class);
    java.util.List<String> few = java.util.List.of(granted, "a-group-without-grants");
    java.util.List<String> many = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 60)
        .mapToObj(i -> "directory-group-" + i).toList());
    many.add(granted);
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    config.getCommandExecutorTxRequired().execute(context -> {
      assertThat(context.getAuthorizationManager().filterAuthenticatedGroupIds(few)).containsExactlyElementsOf(few);
      assertThat(context.getAuthorizationManager().filterAuthenticatedGroupIds(many)).containsExactly(granted);
      return null;
    });
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
