package uk.safeguarding.escalation;

import static org.assertj.core.api.Assertions.assertThat;

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
}
