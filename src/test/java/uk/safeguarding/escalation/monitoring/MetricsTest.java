package uk.safeguarding.escalation.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.RunningApp;

/**
 * What an operator's Prometheus sees, and who may see it. The application runs as {@code java -jar}
 * would ({@link RunningApp}): a {@code @SpringBootTest} switches metrics export off.
 */
class MetricsTest {

  static RunningApp app;
  static int port;
  static ProcessEngine engine;

  @BeforeAll
  static void start() {
    // Job executor off: the test runs jobs itself, so the backlog is what it left.
    app = RunningApp.start("demo", "escalation.data-dir=" + RunningApp.newDataDir(),
        "camunda.bpm.job-execution.enabled=false");
    port = app.port();
    engine = app.engine();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void healthIsOpenAndEveryOtherEndpointNeedsAMonitoringLogin() {
    Http anonymous = Http.anonymous(port);
    assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
    assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

    assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/actuator/metrics").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/actuator").statusCode()).isEqualTo(401);
    assertThat(anonymous.as("nobody", "wrong").get("/actuator/prometheus").statusCode()).isEqualTo(401);
    // Staff have a login but no business reading the node's metrics.
    assertThat(anonymous.as("nssab.police.practitioner", "demo").get("/actuator/prometheus").statusCode()).isEqualTo(403);

    // A scrape account in the monitoring group: metrics, and nothing in the engine.
    IdentityService identity = engine.getIdentityService();
    User scraper = identity.newUser("prometheus");
    scraper.setPassword("Scrape-Only-2026!");
    identity.saveUser(scraper);
    identity.createMembership("prometheus", "monitoring");
    Http prometheus = anonymous.as("prometheus", "Scrape-Only-2026!");
    assertThat(prometheus.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    assertThat(prometheus.get("/engine-rest/process-instance").body()).isEqualTo("[]");
    assertThat(prometheus.get("/actuator/env").statusCode()).isEqualTo(404); // not exposed at all
  }

  @Test
  void aScrapeShowsOpenCasesBreachedDeadlinesDeliveriesBacklogAndIncidents() throws Exception {
    Http admin = Http.anonymous(port).as("admin", "demo");
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET));
    HttpResponse<String> started = practitioner.post(NssabCases.START, NssabCases.startBody("NS-METRICS-1", "standard"));
    assertThat(started.statusCode()).isEqualTo(200);
    String caseId = new ObjectMapper().readTree(started.body()).path("id").asText();

    String scrape = admin.get("/actuator/prometheus").body();
    assertThat(value(scrape, "escalation_cases_open", "protocol=\"nssab-escalation\",stage=\"1\"")).isEqualTo(1.0);
    assertThat(value(scrape, "escalation_deadlines_breached", "protocol=\"nssab-escalation\"")).isNull();
    assertThat(value(scrape, "escalation_jobs_due", "")).isEqualTo(0.0); // nothing due yet

    Jobs.runDue(engine, caseId);
    // A day after the stage deadline (Tuesday 7 April 2026, 17:00) nobody has acted.
    ClockUtil.setCurrentTime(Date.from(NssabCases.ONE_WD.plus(Duration.ofHours(1))));
    scrape = admin.get("/actuator/prometheus").body();
    assertThat(value(scrape, "escalation_deadlines_breached", "protocol=\"nssab-escalation\"")).isEqualTo(1.0);
    assertThat(value(scrape, "escalation_jobs_due", "")).isEqualTo(1.0); // the stage's deadline timer

    // An operator stops a job (retries 0): it becomes an incident; giving it a retry resolves it.
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(caseId).timers().executable().singleResult();
    engine.getManagementService().setJobRetries(timer.getId(), 0);
    scrape = admin.get("/actuator/prometheus").body();
    assertThat(value(scrape, "escalation_incidents_open", "process=\"nssab-escalation\"")).isEqualTo(1.0);
    assertThat(value(scrape, "escalation_jobs_failed", "")).isEqualTo(1.0);
    assertThat(value(scrape, "escalation_jobs_due", "")).isEqualTo(0.0);
    engine.getManagementService().setJobRetries(timer.getId(), 1);

    // The timer fires: "deadline breached" goes out (demo profile: the log channel).
    Jobs.runDue(engine, caseId);
    scrape = admin.get("/actuator/prometheus").body();
    assertThat(value(scrape, "escalation_incidents_open", "process=\"nssab-escalation\"")).isNull();
    assertThat(value(scrape, "escalation_notifications_total",
        "channel=\"log\",kind=\"DEADLINE_BREACHED\",status=\"DELIVERED\"")).isGreaterThanOrEqualTo(1.0);
    assertThat(value(scrape, "escalation_cases_open", "protocol=\"nssab-escalation\",stage=\"1\"")).isEqualTo(1.0);
  }

  /** The value of one series, matched by its tags after the application tag; null if absent. */
  static Double value(String scrape, String name, String tags) {
    Pattern line = Pattern.compile("^" + name + "\\{application=\"escalation-engine\"" + (tags.isEmpty() ? "" : ",")
        + Pattern.quote(tags) + "} (\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(scrape);
    return m.find() ? Double.valueOf(m.group(1)) : null;
  }
}
