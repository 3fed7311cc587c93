package uk.safeguarding.escalation.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NelCases;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * Cockpit's Cases list, its CSV and the board's figures, through the calls the Cockpit plugin
 * makes with an auditor's session: a resolved case, a case whose deadline passed and another
 * partnership's case that the auditor never sees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitCasesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PLUGIN = "/camunda/api/cockpit/plugin/escalation/default";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  String resolved;
  String breached;
  String nel;

  @BeforeAll
  void cases() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET));
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    Http lineManager = Http.anonymous(port).as("nssab.police.line-manager", "demo");

    // resolved by the line managers at stage 1
    resolved = start(practitioner, NssabCases.START, NssabCases.startBody("NS-COCKPIT-RESOLVED", "standard"));
    complete(practitioner, resolved, NssabCases.stageRecord("escalate"));
    String stage1 = task(lineManager, resolved);
    lineManager.post("/engine-rest/task/" + stage1 + "/claim", "{\"userId\": \"nssab.police.line-manager\"}");
    complete(lineManager, resolved, NssabCases.stageRecord("resolved"));
    complete(practitioner, resolved, "{\"variables\": {\"learningIdentified\": {\"value\": \"no\", \"type\": \"String\"}}}");

    // the line managers let stage 1's working day pass
    breached = start(practitioner, NssabCases.START, NssabCases.startBody("NS-COCKPIT-LATE", "standard"));
    complete(practitioner, breached, NssabCases.stageRecord("escalate"));
    ClockUtil.setCurrentTime(Date.from(NssabCases.ONE_WD.plus(Duration.ofMinutes(1))));
    Jobs.runDue(engine, breached);

    ClockUtil.setCurrentTime(Date.from(NelCases.OUTSET));
    nel = start(Http.anonymous(port).as("nel.health.practitioner", "demo"), NelCases.START,
        NelCases.body(NelCases.childCase(), "NEL-COCKPIT"));
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAuditorListsTheirPartnershipsCasesRunningAndFinishedAndNoOneElses() throws Exception {
    Http auditor = cockpit("nssab.auditor");
    JsonNode page = json(auditor.get(PLUGIN + "/cases?sort=caseReference&order=asc"));
    assertThat(page.path("total").asLong()).isEqualTo(2);
    JsonNode late = page.path("cases").get(0);
    JsonNode done = page.path("cases").get(1);
    assertThat(late.path("caseReference").asText()).isEqualTo("NS-COCKPIT-LATE");
    assertThat(late.path("state").asText()).isEqualTo("running");
    assertThat(late.path("breaches").asInt()).isEqualTo(1);
    assertThat(late.path("raisingAgencyName").asText()).isEqualTo("Police");
    assertThat(done.path("id").asText()).isEqualTo(resolved);
    assertThat(done.path("stateLabel").asText()).isEqualTo("Resolved");
    assertThat(done.path("resolvedAtStage").asInt()).isEqualTo(1);
    assertThat(done.path("highestStage").asInt()).isEqualTo(1);
    assertThat(done.path("breaches").asInt()).isZero();
    assertThat(done.path("closedAt").asText()).isNotEmpty();
    assertThat(done.path("protocol").asText()).startsWith("North Somerset");

    // filters: breached, state, agency, stage; paging
    assertThat(ids(auditor.get(PLUGIN + "/cases?breached=true"))).containsExactly(breached);
    assertThat(ids(auditor.get(PLUGIN + "/cases?state=resolved"))).containsExactly(resolved);
    assertThat(ids(auditor.get(PLUGIN + "/cases?raisingAgency=health"))).isEmpty();
    assertThat(ids(auditor.get(PLUGIN + "/cases?protocol=nel"))).isEmpty();
    assertThat(ids(auditor.get(PLUGIN + "/cases?openedFrom=2026-04-02&openedTo=2026-04-02&category=information-sharing")))
        .containsExactlyInAnyOrder(resolved, breached);
    assertThat(ids(auditor.get(PLUGIN + "/cases?sort=caseReference&order=asc&firstResult=1&maxResults=1")))
        .containsExactly(resolved);

    // the other partnership's auditor sees its own case only; an administrator sees all three
    assertThat(ids(cockpit("nel.auditor").get(PLUGIN + "/cases"))).containsExactly(nel);
    assertThat(ids(cockpit("admin").get(PLUGIN + "/cases"))).containsExactlyInAnyOrder(resolved, breached, nel);
    // staff hold no history permission: an empty list, whatever they ask
    Http staff = Http.anonymous(port);
    staff.webappLogin("tasklist", "nssab.police.line-manager", "demo");
    assertThat(json(staff.get(PLUGIN + "/cases")).path("total").asLong()).isZero();
    assertThat(Http.anonymous(port).get(PLUGIN + "/cases").statusCode()).isEqualTo(401);
  }

  @Test
  void aMistypedFilterIsRefusedWithTheReason() throws Exception {
    Http auditor = cockpit("nssab.auditor");
    for (String[] bad : new String[][] {
        {"stage=two", "stage must be a whole number"}, {"openedFrom=02/04/2026", "openedFrom must be a date"},
        {"sort=case_reference;drop", "sort must be one of"}, {"state=open", "state must be one of"},
        {"raisingAgency=%27%20or%201=1", "raisingAgency must be a code"}, {"maxResults=100000", "maxResults must be"},
        {"breached=maybe", "breached must be true or false"}, {"protocol=a&protocol=b", "protocol is given more than once"}}) {
      HttpResponse<String> refused = auditor.get(PLUGIN + "/cases?" + bad[0]);
      assertThat(refused.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(refused.body()).as(bad[0]).contains(bad[1]);
      assertThat(auditor.get(PLUGIN + "/cases/csv?" + bad[0]).statusCode()).as(bad[0]).isIn(200, 400);
      assertThat(auditor.get(PLUGIN + "/monitoring?" + bad[0]).statusCode()).as(bad[0]).isIn(200, 400);
    }
  }

  @Test
  void theCsvOfCasesCarriesCodesAndDatesNeverNamesOrTheDispute() throws Exception {
    HttpResponse<String> csv = cockpit("nssab.auditor").get(PLUGIN + "/cases/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("cases.csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).startsWith("case_id,protocol,case_reference,state,opened_at");
    assertThat(lines).hasSize(3);
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(resolved + ",nssab-escalation,NS-COCKPIT-RESOLVED,resolved,"));
    assertThat(csv.body()).doesNotContain("Dr Riley Other", "Safeguarding information not shared", "NEL-COCKPIT",
        "nssab.police");
  }

  @Test
  void theBoardsFiguresCountStagesBreachesAndWorkingDays() throws Exception {
    JsonNode figures = json(cockpit("nssab.auditor").get(PLUGIN + "/monitoring")).path("figures");
    assertThat(figures.path("total").asLong()).isEqualTo(2);
    assertThat(figures.path("byState").toString()).contains("{\"key\":\"resolved\",\"count\":1}", "{\"key\":\"running\",\"count\":1}");
    assertThat(figures.path("resolvedAtStage").toString()).contains("{\"processKey\":\"nssab-escalation\",\"stage\":1,\"count\":1}");
    JsonNode resolution = figures.path("timeToResolution").get(0);
    assertThat(resolution.path("processKey").asText()).isEqualTo("nssab-escalation");
    assertThat(resolution.path("resolvedCases").asInt()).isEqualTo(1);
    assertThat(resolution.path("medianWorkingDays").asDouble()).isEqualTo(0.0);
    assertThat(figures.path("breachesPerStage").toString()).contains("{\"processKey\":\"nssab-escalation\",\"stage\":1,\"count\":1}");
    assertThat(figures.path("agencies").toString()).contains("{\"raising\":\"police\",\"receiving\":\"la-adults\",\"count\":2}");
    assertThat(figures.path("quarters").toString()).contains("{\"quarter\":\"2026 Q2\",\"opened\":2,\"resolved\":1,\"breaches\":1}");

    HttpResponse<String> csv = cockpit("nssab.auditor").get(PLUGIN + "/monitoring/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("deadlines_breached_at_stage,nssab-escalation,1,,1")
        .contains("working_days_to_resolution_median,nssab-escalation,,,0.0")
        .doesNotContain("NS-COCKPIT", "NEL");
    // the other partnership's figures hold nothing of this one's
    JsonNode nelFigures = json(cockpit("nel.auditor").get(PLUGIN + "/monitoring")).path("figures");
    assertThat(nelFigures.path("total").asLong()).isEqualTo(1);
    assertThat(nelFigures.toString()).doesNotContain("nssab");
  }

  private Http cockpit(String user) {
    Http http = Http.anonymous(port);
    assertThat(http.webappLogin("cockpit", user, "demo").statusCode()).as(user).isEqualTo(200);
    return http;
  }

  private String start(Http as, String path, String body) throws Exception {
    HttpResponse<String> started = as.post(path, body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String id = JSON.readTree(started.body()).path("id").asText();
    Jobs.runDue(engine, id);
    return id;
  }

  private String task(Http as, String instanceId) throws Exception {
    return JSON.readTree(as.get("/engine-rest/task?processInstanceId=" + instanceId).body()).get(0).path("id").asText();
  }

  private void complete(Http as, String instanceId, String body) throws Exception {
    HttpResponse<String> done = as.post("/engine-rest/task/" + task(as, instanceId) + "/complete", body);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    Jobs.runDue(engine, instanceId);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> ids(HttpResponse<String> response) throws Exception {
    List<String> ids = new ArrayList<>();
    json(response).path("cases").forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }
}
