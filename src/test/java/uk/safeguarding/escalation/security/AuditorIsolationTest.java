package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.notification.NotificationLog;
import uk.safeguarding.escalation.support.BdscpCases;
import uk.safeguarding.escalation.support.BscpCases;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NelCases;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * Issue 15 item 4, the isolation probe: with a case of each partnership running, each partnership's
 * auditor and business manager read their own partnership's case through every route below and get
 * nothing of any other's; an administrator reads them all. The rules are the table {@link #ROUTES}:
 * a new route (e.g. a Cockpit plugin endpoint under /camunda/api/cockpit/plugin/escalation/default/)
 * is one more line, and every viewer and case is probed through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorIsolationTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String WEBAPP = "/camunda/api/engine/engine/default";
  /** This product's Cockpit plugin: Cases, its CSV, a case's history. */
  static final String PLUGIN = "/camunda/api/cockpit/plugin/escalation/default";

  /** How a viewer reaches a route: HTTP Basic as a REST client, or the Cockpit session with its CSRF token. */
  enum Via { REST, COCKPIT }

  /** What "nothing of another partnership's case" looks like on a route. */
  enum Nothing {
    /** 200 with an empty list: a query that finds nothing the viewer may read. */
    EMPTY_LIST,
    /** 404, as for a case that does not exist. */
    NOT_FOUND,
    /** Anything in 200/403/404 that names neither the case's id nor its reference (lists of many cases). */
    ABSENT
  }

  /** What "reads the case" looks like on a route. */
  enum Sees {
    /** 200, naming the case's id or reference. */
    THE_CASE,
    /** 200 with a list of the case's entries only (a case may have none yet: the notification log). */
    ITS_ENTRIES
  }

  /**
   * One route, written with {id} (the case's process instance id), {key} (its protocol's process
   * key) and {ref} (its case reference). A viewer of the case's own partnership {@code sees} it;
   * any other partnership's viewer gets {@code nothing}.
   */
  record Route(Via via, String path, Sees sees, Nothing nothing) {
    @Override
    public String toString() {
      return via + " " + path;
    }
  }

  static Route rest(String path, Nothing nothing) {
    return new Route(Via.REST, path, Sees.THE_CASE, nothing);
  }

  static Route cockpit(String path, Nothing nothing) {
    return new Route(Via.COCKPIT, path, Sees.THE_CASE, nothing);
  }

  // The rules. One line a route.
  static final List<Route> ROUTES = List.of(
      rest("/engine-rest/history/process-instance?processInstanceId={id}", Nothing.EMPTY_LIST),
      rest("/engine-rest/history/activity-instance?processInstanceId={id}", Nothing.EMPTY_LIST),
      rest("/engine-rest/history/variable-instance?processInstanceId={id}", Nothing.EMPTY_LIST),
      rest("/engine-rest/history/task?processInstanceId={id}", Nothing.EMPTY_LIST),
      rest("/engine-rest/history/user-operation?processInstanceId={id}", Nothing.EMPTY_LIST),
      rest("/engine-rest/history/detail?processInstanceId={id}", Nothing.EMPTY_LIST),
      rest("/engine-rest/history/identity-link-log?processDefinitionKey={key}", Nothing.EMPTY_LIST),
      rest("/engine-rest/history/process-instance?processInstanceBusinessKey={ref}", Nothing.EMPTY_LIST),
      rest("/engine-rest/process-instance?processInstanceIds={id}", Nothing.EMPTY_LIST),
      rest("/engine-rest/variable-instance?processInstanceIdIn={id}", Nothing.EMPTY_LIST),
      rest("/engine-rest/task?processInstanceId={id}", Nothing.EMPTY_LIST),
      new Route(Via.REST, "/api/notifications?processInstanceId={id}", Sees.ITS_ENTRIES, Nothing.NOT_FOUND),
      cockpit(WEBAPP + "/history/process-instance?processInstanceId={id}", Nothing.EMPTY_LIST),
      cockpit(WEBAPP + "/history/activity-instance?processInstanceId={id}", Nothing.EMPTY_LIST),
      cockpit(WEBAPP + "/history/variable-instance?processInstanceId={id}", Nothing.EMPTY_LIST),
      cockpit(WEBAPP + "/history/task?processInstanceId={id}", Nothing.EMPTY_LIST),
      cockpit(WEBAPP + "/history/user-operation?processInstanceId={id}", Nothing.EMPTY_LIST),
      cockpit(WEBAPP + "/history/detail?processInstanceId={id}", Nothing.EMPTY_LIST),
      cockpit(WEBAPP + "/history/identity-link-log?processDefinitionKey={key}", Nothing.EMPTY_LIST),
      cockpit(WEBAPP + "/process-instance?processInstanceIds={id}", Nothing.EMPTY_LIST),
      cockpit(WEBAPP + "/variable-instance?processInstanceIdIn={id}", Nothing.EMPTY_LIST),
      cockpit(WEBAPP + "/process-instance/{id}/activity-instances", Nothing.ABSENT),
      cockpit(PLUGIN + "/case-history/{id}", Nothing.NOT_FOUND),
      cockpit(PLUGIN + "/cases?maxResults=200", Nothing.ABSENT),
      cockpit(PLUGIN + "/cases?protocol={key}&sort=caseReference", Nothing.ABSENT),
      cockpit(PLUGIN + "/cases/csv", Nothing.ABSENT),
      cockpit(PLUGIN + "/cases/csv?protocol={key}", Nothing.ABSENT));

  /** A case of one partnership, as its practitioner raised it. */
  record Case(String partnership, String processKey, String id, String reference) {}

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired NotificationLog notificationLog;

  final List<Case> cases = new ArrayList<>();
  final Map<String, Http> cockpitSessions = new LinkedHashMap<>();

  @BeforeAll
  void aCaseOfEachPartnership() throws Exception {
    raise("nel", "nel.health.practitioner", NelCases.START, NelCases.body(withReference(NelCases.childCase(), "ISO-NEL"), "ISO-NEL"));
    raise("bdscp", "bdscp.police.practitioner", BdscpCases.START,
        NelCases.body(withReference(BdscpCases.childCase(), "ISO-BDSCP"), "ISO-BDSCP"));
    raise("llr", "llr.la-childrens.practitioner", "/engine-rest/process-definition/key/llr-escalation/start", """
        {"businessKey": "ISO-LLR", "variables": {
          "caseReference": {"value": "ISO-LLR", "type": "String"},
          "subjectType": {"value": "child", "type": "String"},
          "raisingAgency": {"value": "la-childrens", "type": "String"},
          "receivingAgency": {"value": "health", "type": "String"},
          "receivingPractitionerName": {"value": "Dr Riley Other", "type": "String"},
          "disagreementCategory": {"value": "information-sharing", "type": "String"},
          "disputeSummary": {"value": "Health records not shared", "type": "String"},
          "possibleCause": {"value": "Consent misunderstood", "type": "String"},
          "riskLevel": {"value": "standard", "type": "String"}}}
        """);
    raise("nssab", "nssab.police.practitioner", NssabCases.START, NssabCases.startBody("ISO-NSSAB", "standard"));
    // the North Somerset case moves up to its line managers, so its notification log has entries to probe
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    String nssab = cases.get(cases.size() - 1).id();
    String task = JSON.readTree(practitioner.get("/engine-rest/task?processInstanceId=" + nssab).body()).get(0).path("id").asText();
    assertThat(practitioner.post("/engine-rest/task/" + task + "/complete", NssabCases.stageRecord("escalate")).statusCode())
        .isEqualTo(204);
    Jobs.runDue(engine, nssab);
    assertThat(notificationLog.forProcessInstance(nssab)).isNotEmpty();
    raise("bscp", "bscp.education.practitioner", BscpCases.START,
        NelCases.body(withReference(BscpCases.standardCase(), "ISO-BSCP"), "ISO-BSCP"));
  }

  /** Every partnership's auditor and business manager against every case, through every route. */
  @TestFactory
  Stream<DynamicTest> eachOverseerReadsTheirOwnPartnershipsCaseAndNothingOfAnothers() {
    List<DynamicTest> probes = new ArrayList<>();
    for (Case ofViewer : cases) {
      for (String role : List.of("auditor", "business-manager")) {
        String viewer = ofViewer.partnership() + "." + role;
        for (Route route : ROUTES) {
          probes.add(DynamicTest.dynamicTest(viewer + " " + route, () -> {
            for (Case probed : cases) {
              probe(viewer, route, probed, probed.partnership().equals(ofViewer.partnership()));
            }
          }));
        }
      }
    }
    return probes.stream();
  }

  /** Administrators see every partnership's case. */
  @TestFactory
  Stream<DynamicTest> anAdministratorReadsEveryPartnershipsCase() {
    return ROUTES.stream().map(route -> DynamicTest.dynamicTest("admin " + route, () -> {
      for (Case probed : cases) {
        probe("admin", route, probed, true);
      }
    }));
  }

  private void probe(String viewer, Route route, Case probed, boolean sees) throws Exception {
    String path = route.path().replace("{id}", probed.id()).replace("{key}", probed.processKey())
        .replace("{ref}", probed.reference());
    HttpResponse<String> response = route.via() == Via.REST
        ? Http.anonymous(port).as(viewer, "demo").get(path)
        : cockpitSession(viewer).get(path);
    String what = viewer + " reading " + probed.partnership() + "'s case: " + path + " -> " + response.statusCode();
    assertThat(response.statusCode()).as(what).isLessThan(500);
    if (sees) {
      assertThat(response.statusCode()).as(what).isEqualTo(200);
      if (route.sees() == Sees.THE_CASE) {
        assertThat(response.body()).as(what).containsAnyOf(probed.id(), probed.reference());
      } else {
        assertThat(JSON.readTree(response.body())).as(what).allSatisfy(
            entry -> assertThat(entry.path("processInstanceId").asText()).isEqualTo(probed.id()));
      }
      return;
    }
    switch (route.nothing()) {
      case EMPTY_LIST -> {
        assertThat(response.statusCode()).as(what).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.isArray() && list.isEmpty()).as(what + " " + response.body()).isTrue();
      }
      case NOT_FOUND -> assertThat(response.statusCode()).as(what).isEqualTo(404);
      case ABSENT -> {
        assertThat(response.statusCode()).as(what).isIn(200, 403, 404);
        assertThat(response.body()).as(what).doesNotContain(probed.reference());
        if (response.statusCode() == 200) {
          assertThat(response.body()).as(what).doesNotContain(probed.id());
        }
      }
    }
  }

  private Http cockpitSession(String viewer) {
    return cockpitSessions.computeIfAbsent(viewer, user -> {
      Http session = Http.anonymous(port);
      assertThat(session.webappLogin("cockpit", user, "demo").statusCode()).as(user + " logs into Cockpit").isEqualTo(200);
      return session;
    });
  }

  private void raise(String partnership, String practitioner, String start, String body) throws Exception {
    HttpResponse<String> started = Http.anonymous(port).as(practitioner, "demo").post(start, body);
    assertThat(started.statusCode()).as(partnership + ": " + started.body()).isEqualTo(200);
    String reference = JSON.readTree(body).path("businessKey").asText();
    String id = JSON.readTree(started.body()).path("id").asText();
    Jobs.runDue(engine, id); // its notifications sent: the log has entries to probe
    cases.add(new Case(partnership, partnership + "-escalation", id, reference));
  }

  private static Map<String, Object> withReference(Map<String, Object> values, String reference) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put("caseReference", reference);
    return copy;
  }
}
