package uk.safeguarding.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.RunningApp;

/**
 * The production database: a real PostgreSQL server (binaries from Maven, no Docker), selected
 * only through SPRING_DATASOURCE_* settings, and the same smoke path as on H2.
 */
class PostgresEngineTest {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void aCaseRunsThroughRestOnPostgres() {
    String url = postgres.getJdbcUrl("postgres", "postgres");
    try (RunningApp app = RunningApp.start("demo",
        "spring.datasource.url=" + url, "spring.datasource.username=postgres", "spring.datasource.password=postgres")) {
      assertThat(app.engine().getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");

      Http anonymous = app.http();
      assertThat(anonymous.get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
      Http admin = anonymous.as("admin", "demo");
      assertThat(admin.get("/engine-rest/process-definition").body()).contains("\"key\":\"smoke-test\"");

      HttpResponse<String> started = admin.post("/engine-rest/process-definition/key/smoke-test/start",
          "{\"businessKey\": \"PG-1\", \"variables\": {\"raisingAgency\": {\"value\": \"health\", \"type\": \"String\"}}}");
      assertThat(started.statusCode()).isEqualTo(200);

      Http manager = anonymous.as("nssab.health.line-manager", "demo");
      HttpResponse<String> tasks = manager.get("/engine-rest/task?candidateGroup=nssab-health-line-manager");
      assertThat(tasks.statusCode()).isEqualTo(200);
      String taskId = tasks.body().replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
      assertThat(manager.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"nssab.health.line-manager\"}")
          .statusCode()).isEqualTo(204);
      assertThat(manager.post("/engine-rest/task/" + taskId + "/complete", "{}").statusCode()).isIn(200, 204);

      HttpResponse<String> history = admin.get("/engine-rest/history/process-instance?processInstanceBusinessKey=PG-1");
      assertThat(history.body()).contains("\"state\":\"COMPLETED\"");
      HttpResponse<String> taskHistory = admin.get("/engine-rest/history/task?processInstanceBusinessKey=PG-1");
      assertThat(taskHistory.body()).contains("\"assignee\":\"nssab.health.line-manager\"");

      // The metrics' grouped counts are plain SQL over Camunda's tables: they must run on PostgreSQL too.
      HttpResponse<String> scrape = admin.get("/actuator/prometheus");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("escalation_jobs_due{");

      // The application's own tables come from its Flyway migrations (README "Schema migrations").
      JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
      assertThat(jdbc.queryForList("select version from esc_schema_history where success", String.class)).contains("1");
      assertThat(jdbc.queryForObject("select count(*) from esc_notification_log", Integer.class)).isNotNull();
    }
  }

  /** The retention delete (retention/CaseDataRetention) is plain SQL; here it runs on PostgreSQL with the cleanup job. */
  @Test
  void historyCleanupRemovesTheApplicationsRowsOfARemovedCaseOnPostgres() {
    // a database of its own, so its running case is no other test's business
    new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE retention");
    String url = postgres.getJdbcUrl("postgres", "retention");
    try (RunningApp app = RunningApp.start("demo", "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=" + url, "spring.datasource.username=postgres", "spring.datasource.password=postgres")) {
      var runtime = app.engine().getRuntimeService();
      String finished = runtime.startProcessInstanceByKey("smoke-test", "PG-RETAIN-1", Map.of("raisingAgency", "health")).getId();
      String running = runtime.startProcessInstanceByKey("smoke-test", "PG-RETAIN-2", Map.of("raisingAgency", "health")).getId();
      var tasks = app.engine().getTaskService();
      tasks.complete(tasks.createTaskQuery().processInstanceId(finished).singleResult().getId());
      JdbcTemplate jdbc = new JdbcTemplate(
          ((ProcessEngineConfigurationImpl) app.engine().getProcessEngineConfiguration()).getDataSource());
      for (String id : List.of(finished, running)) {
        jdbc.update("INSERT INTO esc_notification_log (id, notification_key, process_instance_id, case_reference, kind,"
            + " recipient_user_id, channel, status, created_at) VALUES (?, 'k', ?, 'PG-RETAIN', 'STAGE_STARTED', 'u', 'LOG',"
            + " 'DELIVERED', CURRENT_TIMESTAMP)", java.util.UUID.randomUUID().toString(), id);
        jdbc.update("INSERT INTO esc_case_breach (id, process_instance_id, process_key) VALUES (?, ?, 'smoke-test')",
            java.util.UUID.randomUUID().toString(), id);
      }

      // smoke-test keeps history 30 days: at 23:00 (in the cleanup window) 31 days on, the finished case goes
      ZoneId zone = ZoneId.systemDefault();
      ClockUtil.setCurrentTime(Date.from(LocalDate.now(zone).plusDays(31).atTime(23, 0).atZone(zone).toInstant()));
      try {
        var job = app.engine().getHistoryService().cleanUpHistoryAsync(true);
        app.engine().getManagementService().executeJob(job.getId());
      } finally {
        ClockUtil.reset();
      }
      assertThat(app.engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(finished).count())
          .isZero();
      for (String table : List.of("esc_notification_log", "esc_case_breach")) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE process_instance_id = ?", Long.class, finished))
            .as(table).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE process_instance_id = ?", Long.class, running))
            .as(table).isEqualTo(1);
      }
    }
  }
}
