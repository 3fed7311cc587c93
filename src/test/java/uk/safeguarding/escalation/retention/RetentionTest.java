package uk.safeguarding.escalation.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * A finished case's history, and the application's own rows of it (notification log, Cockpit case
 * summary and breaches, all carrying the case reference), are removed by the nightly history
 * cleanup once the protocol's retention period (7 years, {@code historyTimeToLive} of the diagram)
 * has passed since the case ended; a case still running keeps everything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant AFTER_DEADLINE = NssabCases.london("2026-04-08T09:30");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void historyCleanupRemovesAFinishedCaseAfterItsRetentionPeriodAndLeavesARunningOne() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET));
    String finished = breachedAndResolvedCase("NS-RETAIN-1");
    String running = startedCase("NS-RETAIN-2");
    Instant ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(finished).singleResult()
        .getEndTime().toInstant();
    Map<String, Long> finishedBefore = footprint(finished);
    Map<String, Long> runningBefore = footprint(running);
    assertThat(finishedBefore).allSatisfy((what, rows) -> assertThat(rows).as(what).isPositive());
    assertThat(runningBefore).containsEntry("process instance", 1L).containsEntry("esc_case_summary", 1L);

    // Still within 7 years of the end (ten days short), in the night's window: nothing is removed.
    cleanUpAt(nightOf(ended.plus(2557 - 10, ChronoUnit.DAYS)));
    assertThat(footprint(finished)).isEqualTo(finishedBefore);

    // 7 years and a day after the end, at 23:00 in the window: the finished case is gone, everywhere.
    cleanUpAt(nightOf(ended.plus(2557 + 1, ChronoUnit.DAYS)));
    assertThat(footprint(finished)).allSatisfy((what, rows) -> assertThat(rows).as(what).isZero());
    assertThat(footprint(running)).isEqualTo(runningBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running).count()).isEqualTo(1);
  }

  /** 23:00 server time on the day of {@code instant}: inside the cleanup window (22:00–05:00). */
  static Date nightOf(Instant instant) {
    ZoneId zone = ZoneId.systemDefault();
    return Date.from(LocalDateTime.ofInstant(instant, zone).toLocalDate().atTime(23, 0).atZone(zone).toInstant());
  }

  /** Moves the clock, then schedules the cleanup and runs its job as the job executor would. */
  void cleanUpAt(Date when) {
    ClockUtil.setCurrentTime(when);
    Job job = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(job.getId());
  }

  /**
   * What of a case the engine's history and the application's tables hold (its notification
   * deliveries write no engine history: the notification log is their record).
   */
  Map<String, Long> footprint(String instance) {
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("process instance", historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count());
    rows.put("variables", historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).count());
    rows.put("variable updates", historyService.createHistoricDetailQuery().processInstanceId(instance).count());
    rows.put("tasks", historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).count());
    rows.put("activity instances", historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count());
    rows.put("user operation log", historyService.createUserOperationLogQuery().processInstanceId(instance).count());
    for (String table : List.of("esc_notification_log", "esc_case_summary", "esc_case_breach")) {
      rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE process_instance_id = ?", Long.class,
          instance));
    }
    return rows;
  }

  // --- cases -----------------------------------------------------------------------------------

  String startedCase(String reference) throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    String id = JSON.readTree(practitioner.post(NssabCases.START, NssabCases.startBody(reference, "standard")).body())
        .path("id").asText();
    Jobs.runDue(engine, id);
    assertThat(practitioner.post("/engine-rest/task/" + task(practitioner, id) + "/claim",
        "{\"userId\": \"nssab.police.practitioner\"}").statusCode()).isEqualTo(204);
    return id;
  }

  /** Started, escalated, left past the line managers' deadline (the timer fires), resolved late, closed. */
  String breachedAndResolvedCase(String reference) throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    Http lineManager = Http.anonymous(port).as("nssab.police.line-manager", "demo");
    String id = JSON.readTree(practitioner.post(NssabCases.START, NssabCases.startBody(reference, "standard")).body())
        .path("id").asText();
    assertThat(practitioner.post("/engine-rest/task/" + task(practitioner, id) + "/submit-form",
        NssabCases.stageRecord("escalate")).statusCode()).isEqualTo(204);
    Jobs.runDue(engine, id);
    String stage = task(lineManager, id);
    assertThat(lineManager.post("/engine-rest/task/" + stage + "/claim", "{\"userId\": \"nssab.police.line-manager\"}")
        .statusCode()).isEqualTo(204);
    ClockUtil.setCurrentTime(Date.from(AFTER_DEADLINE));
    Jobs.runDue(engine, id);
    assertThat(lineManager.post("/engine-rest/task/" + stage + "/submit-form", NssabCases.stageRecord("resolved"))
        .statusCode()).isEqualTo(204);
    Jobs.runDue(engine, id);
    assertThat(practitioner.post("/engine-rest/task/" + task(practitioner, id) + "/submit-form",
        NssabCases.single("learningIdentified", "\"no\"", "String")).statusCode()).isEqualTo(204);
    Jobs.runDue(engine, id);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    return id;
  }

  static String task(Http user, String instanceId) throws Exception {
    JsonNode tasks = JSON.readTree(user.get("/engine-rest/task?processInstanceId=" + instanceId).body());
    assertThat(tasks).hasSize(1);
    return tasks.get(0).path("id").asText();
  }
}
