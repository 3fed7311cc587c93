package uk.safeguarding.escalation.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.safeguarding.escalation.support.RunningApp;

/**
 * The application's own tables under Flyway, on a real PostgreSQL server: a database of today's
 * release (tables made by the old start-up script, no migration history) is taken over without
 * losing a row. (A new database: PostgresEngineTest.)
 */
class SchemaMigrationTest {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE upgraded");
    }
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void aDatabaseOfTheReleaseBeforeFlywayIsUpgradedWithItsLogIntact() throws Exception {
    JdbcTemplate jdbc = jdbc("upgraded");
    // The release before Flyway: its start-up script made the tables, and records are in them.
    jdbc.execute(new String(new ClassPathResource("db/escalation-schema-before-flyway.sql").getInputStream().readAllBytes(),
        StandardCharsets.UTF_8));
    jdbc.update("insert into esc_notification_log (id, notification_key, process_instance_id, case_reference, kind,"
        + " recipient_user_id, recipient_address, channel, status, detail, created_at)"
        + " values ('old-1', 'k', 'pi-1', 'NS-2025-0001', 'STAGE_STARTED', 'nssab.police.line-manager',"
        + " 'nssab.police.line-manager@example.org', 'email', 'DELIVERED', null, now())");
    jdbc.update("insert into esc_case_summary (process_instance_id, process_key, case_reference, state, breaches)"
        + " values ('pi-1', 'nssab-escalation', 'NS-2025-0001', 'ACTIVE', 1)");

    start("upgraded");
    assertThat(history(jdbc)).containsExactly(
        Map.of("version", "0", "type", "BASELINE", "success", true),
        Map.of("version", "1", "type", "SQL", "success", true),
        Map.of("version", "2", "type", "SQL", "success", true),
        Map.of("version", "3", "type", "SQL", "success", true),
        Map.of("version", "4", "type", "SQL", "success", true),
        Map.of("version", "5", "type", "SQL", "success", true));
    assertThat(jdbc.queryForList("select case_reference from esc_notification_log", String.class))
        .containsExactly("NS-2025-0001");
    assertThat(jdbc.queryForList("select breaches from esc_case_summary", Integer.class)).containsExactly(1);
  }

  private static void start(String database) {
    try (RunningApp app = RunningApp.start("demo", "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
        "spring.datasource.username=postgres", "spring.datasource.password=postgres")) {
      assertThat(app.http().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
  }

  private static JdbcTemplate jdbc(String database) {
    return new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", database), "postgres",
        "postgres", true));
  }

  private static List<Map<String, Object>> history(JdbcTemplate jdbc) {
    return jdbc.queryForList("select version, type, success from esc_schema_history order by installed_rank").stream()
        .map(row -> Map.<String, Object>of("version", String.valueOf(row.get("version")), "type", row.get("type"),
            "success", row.get("success")))
        .toList();
  }
}
