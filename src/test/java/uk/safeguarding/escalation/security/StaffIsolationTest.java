package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.BdscpCases;
import uk.safeguarding.escalation.support.BscpCases;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NelCases;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * Issue 16 item 6, isolation for staff: with a case of each partnership at its first task, a
 * practitioner and a line manager of another agency of the same partnership and of another
 * partnership try to read and change it through every route below (REST with HTTP Basic, and the
 * webapps' engine API with a Tasklist session and its CSRF token). They read nothing and change
 * nothing; the task's holder, the control, reads it. The rules are the tables {@link #READS} and
 * {@link #WRITES} (route × viewer kind → expected answer), written in words in the README's
 * "Identity model" section ("Who can read and change a case"). Auditors and business managers are
 * {@link AuditorIsolationTest} and {@link OversightIsReadOnlyTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffIsolationTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REST = "/engine-rest";
  static final String WEBAPP = "/camunda/api/engine/engine/default";
  static final String TASKLIST_PLUGIN = "/camunda/api/tasklist/plugin/escalation/default";
  static final String COCKPIT_PLUGIN = "/camunda/api/cockpit/plugin/escalation/default";

  /** Who probes a case. */
  enum Viewer {
    /** The user holding the case's open task (its assignee, or a member of its candidate group). The control. */
    HOLDER,
    /** A practitioner of another agency of the case's partnership. */
    OTHER_AGENCY_PRACTITIONER,
    /** A line manager of another agency of the case's partnership. */
    OTHER_AGENCY_LINE_MANAGER,
    /** A practitioner of another partnership. */
    OTHER_PARTNERSHIP_PRACTITIONER,
    /** A line manager of another partnership. */
    OTHER_PARTNERSHIP_LINE_MANAGER;

    boolean outsider() {
      return this != HOLDER;
    }
  }

  /** How a viewer reaches a route: HTTP Basic as a REST client, or a Tasklist session with its CSRF token. */
  enum Via { REST, TASKLIST }

  /** What a read answers. */
  enum Read {
    /** 200, naming the task or the case (its id or reference). */
    SEES,
    /** 200: the holder reads it, though the answer need not name the case (a form, an empty list of comments). */
    OK,
    /** 200 with an empty JSON list. */
    EMPTY_LIST,
    /** 404, as for a task or case that does not exist. */
    NOT_FOUND,
    /** 403: the viewer may not read this task's or case's data. */
    FORBIDDEN,
    /** 200 naming neither the task, the case's id nor its reference (lists of many cases: none of them this one). */
    NAMES_NOTHING
  }

  /** One read route: placeholders {task}, {id} (process instance), {key} (process key), {ref} (case reference). */
  record ReadRoute(Via via, String path, Read holder, Read outsider) {
    @Override
    public String toString() {
      return "GET " + via + " " + path;
    }
  }

  /** One write route, with the answers an outsider may get (never 2xx, never 5xx); {user} is the viewer. */
  record WriteRoute(Via via, String method, String path, String contentType, String body, Set<Integer> outsider) {
    @Override
    public String toString() {
      return method + " " + via + " " + path;
    }
  }

  static List<ReadRoute> reads(Via via, String base) {
    return List.of(
        new ReadRoute(via, base + "/task?processInstanceId={id}", Read.SEES, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/task?taskId={task}", Read.SEES, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/task/{task}", Read.SEES, Read.NOT_FOUND),
        new ReadRoute(via, base + "/task/{task}/form-variables", Read.OK, Read.FORBIDDEN),
        new ReadRoute(via, base + "/task/{task}/variables", Read.SEES, Read.FORBIDDEN),
        new ReadRoute(via, base + "/task/{task}/deployed-form", Read.OK, Read.FORBIDDEN),
        // Camunda Forms have no server-rendered HTML form: 404 even to the holder
        new ReadRoute(via, base + "/task/{task}/rendered-form", Read.NOT_FOUND, Read.FORBIDDEN),
        new ReadRoute(via, base + "/task/{task}/identity-links", Read.OK, Read.FORBIDDEN),
        // comments and attachments are read through the task's history, which staff do not read
        new ReadRoute(via, base + "/task/{task}/comment", Read.NOT_FOUND, Read.NOT_FOUND),
        new ReadRoute(via, base + "/task/{task}/attachment", Read.NOT_FOUND, Read.NOT_FOUND),
        // staff hold tasks, not cases: the case itself and its history are the overseers' (AuditorIsolationTest)
        new ReadRoute(via, base + "/process-instance?processInstanceIds={id}", Read.EMPTY_LIST, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/process-instance/{id}", Read.NOT_FOUND, Read.NOT_FOUND),
        new ReadRoute(via, base + "/variable-instance?processInstanceIdIn={id}", Read.SEES, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/history/process-instance?processInstanceId={id}", Read.EMPTY_LIST, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/history/process-instance?processInstanceBusinessKey={ref}", Read.EMPTY_LIST, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/history/task?processInstanceId={id}", Read.EMPTY_LIST, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/history/variable-instance?processInstanceId={id}", Read.EMPTY_LIST, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/history/detail?processInstanceId={id}", Read.EMPTY_LIST, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/history/identity-link-log?taskId={task}", Read.EMPTY_LIST, Read.EMPTY_LIST),
        new ReadRoute(via, base + "/history/user-operation?processInstanceId={id}", Read.EMPTY_LIST, Read.EMPTY_LIST));
  }

  // The rules for reading. One line a route; each is probed by every viewer kind against every case.
  static final List<ReadRoute> READS = Stream.of(
      reads(Via.REST, REST).stream(),
      reads(Via.TASKLIST, WEBAPP).stream(),
      Stream.of(
          new ReadRoute(Via.REST, "/api/notifications?processInstanceId={id}", Read.NOT_FOUND, Read.NOT_FOUND),
          new ReadRoute(Via.TASKLIST, TASKLIST_PLUGIN + "/my-cases", Read.OK, Read.NAMES_NOTHING),
          // a running case has no written outcome yet; the holder was named in no notification of it
          new ReadRoute(Via.TASKLIST, TASKLIST_PLUGIN + "/outcome/{id}", Read.NOT_FOUND, Read.NOT_FOUND),
          // staff have no Cockpit: its plugin lists no case to a Tasklist session and has no history for them
          new ReadRoute(Via.TASKLIST, COCKPIT_PLUGIN + "/cases", Read.NAMES_NOTHING, Read.NAMES_NOTHING),
          new ReadRoute(Via.TASKLIST, COCKPIT_PLUGIN + "/case-history/{id}", Read.NOT_FOUND, Read.NOT_FOUND)))
      .flatMap(s -> s).toList();

  /** The engine's refusal: the user may not work or change this task. */
  static final Set<Integer> FORBIDDEN = Set.of(403);
  /** Comments and attachments go through the task's history, which the user may not read: as for no task. */
  static final Set<Integer> NOT_FOUND = Set.of(404);


  static List<WriteRoute> writes(Via via, String base) {
    String json = "application/json";
    return List.of(
        new WriteRoute(via, "POST", base + "/task/{task}/claim", json, "{\"userId\":\"{user}\"}", FORBIDDEN),
        new WriteRoute(via, "POST", base + "/task/{task}/assignee", json, "{\"userId\":\"{user}\"}", FORBIDDEN),
        new WriteRoute(via, "POST", base + "/task/{task}/delegate", json, "{\"userId\":\"{user}\"}", FORBIDDEN),
        new WriteRoute(via, "POST", base + "/task/{task}/complete", json, "{\"variables\":{}}", FORBIDDEN),
        new WriteRoute(via, "POST", base + "/task/{task}/submit-form", json,
            "{\"variables\":{\"stageOutcome\":{\"value\":\"resolved\",\"type\":\"String\"}}}", FORBIDDEN),
        new WriteRoute(via, "POST", base + "/task/{task}/comment/create", json, "{\"message\":\"probe\"}", NOT_FOUND),
        new WriteRoute(via, "POST", base + "/task/{task}/attachment/create", "multipart/form-data; boundary=" + BOUNDARY,
            ATTACHMENT, NOT_FOUND),
        new WriteRoute(via, "POST", base + "/task/{task}/identity-links", json,
            "{\"userId\":\"{user}\",\"type\":\"candidate\"}", FORBIDDEN),
        new WriteRoute(via, "PUT", base + "/task/{task}/variables/riskLevel", json,
            "{\"value\":\"high\",\"type\":\"String\"}", FORBIDDEN),
        new WriteRoute(via, "POST", base + "/task/{task}/variables", json,
            "{\"modifications\":{\"riskLevel\":{\"value\":\"high\",\"type\":\"String\"}}}", FORBIDDEN),
        new WriteRoute(via, "PUT", base + "/process-instance/{id}/variables/riskLevel", json,
            "{\"value\":\"high\",\"type\":\"String\"}", FORBIDDEN));
  }

  static final String BOUNDARY = "----IsolationProbeBoundary";
  static final String ATTACHMENT = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nprobe\r\n"
      + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://example.org/probe\r\n"
      + "--" + BOUNDARY + "--\r\n";

  // The rules for changing. No outsider changes the task through any of these.
  static final List<WriteRoute> WRITES = Stream.concat(writes(Via.REST, REST).stream(), writes(Via.TASKLIST, WEBAPP).stream()).toList();

  /** A case of one partnership at its first task; the viewers of each kind. */
  record Case(String partnership, String processKey, String id, String reference, String summary, String task,
      Map<Viewer, String> viewers) {}

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  final List<Case> cases = new ArrayList<>();
  final Map<String, Http> tasklistSessions = new LinkedHashMap<>();
  final Map<String, Http> restClients = new LinkedHashMap<>();

  /** Each partnership's demo agencies (partnerships.yml), the first the case's raising agency. */
  static final Map<String, List<String>> AGENCIES = new LinkedHashMap<>();

  static {
    AGENCIES.put("nel", List.of("health", "la-adults"));
    AGENCIES.put("bdscp", List.of("police", "la-childrens"));
    AGENCIES.put("llr", List.of("la-childrens", "health"));
    AGENCIES.put("nssab", List.of("police", "health"));
    AGENCIES.put("bscp", List.of("education", "la-childrens"));
  }

  @BeforeAll
  void aCaseOfEachPartnership() throws Exception {
    raise("nel", NelCases.START, NelCases.body(withReference(NelCases.childCase(), "STAFF-NEL"), "STAFF-NEL"));
    raise("bdscp", BdscpCases.START, NelCases.body(withReference(BdscpCases.childCase(), "STAFF-BDSCP"), "STAFF-BDSCP"));
    raise("llr", "/engine-rest/process-definition/key/llr-escalation/start", """
        {"businessKey": "STAFF-LLR", "variables": {
          "caseReference": {"value": "STAFF-LLR", "type": "String"},
          "subjectType": {"value": "child", "type": "String"},
          "raisingAgency": {"value": "la-childrens", "type": "String"},
          "receivingAgency": {"value": "police", "type": "String"},
          "receivingPractitionerName": {"value": "PC Other", "type": "String"},
          "disagreementCategory": {"value": "information-sharing", "type": "String"},
          "disputeSummary": {"value": "Police records not shared", "type": "String"},
          "possibleCause": {"value": "Consent misunderstood", "type": "String"},
          "riskLevel": {"value": "standard", "type": "String"}}}
        """);
    raise("nssab", NssabCases.START, NssabCases.startBody("STAFF-NSSAB", "standard"));
    raise("bscp", BscpCases.START, NelCases.body(withReference(BscpCases.standardCase(), "STAFF-BSCP"), "STAFF-BSCP"));
  }

  /** Every viewer kind against every case, through every read route. */
  @TestFactory
  Stream<DynamicTest> outsidersReadNothingOfTheCaseAndItsHolderReadsIt() {
    List<DynamicTest> probes = new ArrayList<>();
    for (ReadRoute route : READS) {
      for (Viewer kind : Viewer.values()) {
        probes.add(DynamicTest.dynamicTest(kind + " " + route, () -> {
          for (Case probed : cases) {
            read(route, kind, probed);
          }
        }));
      }
    }
    return probes.stream();
  }

  /** Every outsider against every case, through every write route: refused, and the task unchanged. */
  @TestFactory
  Stream<DynamicTest> outsidersChangeNothingOfTheCase() {
    List<DynamicTest> probes = new ArrayList<>();
    for (WriteRoute route : WRITES) {
      for (Viewer kind : Viewer.values()) {
        if (!kind.outsider()) {
          continue;
        }
        probes.add(DynamicTest.dynamicTest(kind + " " + route, () -> {
          for (Case probed : cases) {
            write(route, kind, probed);
          }
        }));
      }
    }
    return probes.stream();
  }

  /**
   * Filters: every filter a viewer may see (Tasklist lists them) is executed; an outsider's lists never
   * show the case's task, the holder's own partnership filter does.
   */
  @TestFactory
  Stream<DynamicTest> filtersListTheTaskToItsHolderOnly() {
    List<DynamicTest> probes = new ArrayList<>();
    for (Via via : Via.values()) {
      for (Viewer kind : Viewer.values()) {
        probes.add(DynamicTest.dynamicTest(kind + " " + via + " filters", () -> {
          for (Case probed : cases) {
            String viewer = probed.viewers().get(kind);
            String base = via == Via.REST ? REST : WEBAPP;
            HttpResponse<String> filters = get(via, viewer, base + "/filter?resourceType=Task");
            assertThat(filters.statusCode()).as(viewer + " lists filters").isEqualTo(200);
            boolean listed = false;
            for (JsonNode filter : JSON.readTree(filters.body())) {
              HttpResponse<String> list = get(via, viewer, base + "/filter/" + filter.path("id").asText() + "/list?maxResults=500");
              String what = viewer + " " + via + " filter '" + filter.path("name").asText() + "' on " + probed.partnership()
                  + "'s task -> " + list.statusCode();
              assertThat(list.statusCode()).as(what).isEqualTo(200);
              if (kind.outsider()) {
                assertThat(list.body()).as(what).doesNotContain(probed.task()).doesNotContain(probed.id());
              }
              listed |= list.body().contains(probed.task());
            }
            if (!kind.outsider()) {
              assertThat(listed).as(viewer + " finds " + probed.partnership() + "'s task in a filter").isTrue();
            }
          }
        }));
      }
    }
    return probes.stream();
  }

  private void read(ReadRoute route, Viewer kind, Case probed) throws Exception {
    String viewer = probed.viewers().get(kind);
    String path = fill(route.path(), probed, viewer);
    HttpResponse<String> response = get(route.via(), viewer, path);
    String what = kind + " " + viewer + " reading " + probed.partnership() + "'s case: " + route.via() + " " + path + " -> "
        + response.statusCode() + " " + abbreviate(response.body());
    assertThat(response.statusCode()).as(what).isLessThan(500);
    Read expected = kind.outsider() ? route.outsider() : route.holder();
    switch (expected) {
      case SEES -> {
        assertThat(response.statusCode()).as(what).isEqualTo(200);
        assertThat(response.body()).as(what).containsAnyOf(probed.task(), probed.id(), probed.reference());
      }
      case OK -> assertThat(response.statusCode()).as(what).isEqualTo(200);
      case EMPTY_LIST -> {
        assertThat(response.statusCode()).as(what).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.isArray() && list.isEmpty()).as(what).isTrue();
      }
      case NOT_FOUND -> assertThat(response.statusCode()).as(what).isEqualTo(404);
      case FORBIDDEN -> assertThat(response.statusCode()).as(what).isEqualTo(403);
      case NAMES_NOTHING -> {
        assertThat(response.statusCode()).as(what).isEqualTo(200);
        assertThat(response.body()).as(what).doesNotContain(probed.task()).doesNotContain(probed.id())
            .doesNotContain(probed.reference());
      }
    }
    if (kind.outsider()) {
      // whatever the answer, it names nothing of the case (a refusal may repeat the id it was asked about)
      assertThat(response.body()).as(what).doesNotContain(probed.reference()).doesNotContain(probed.summary());
      if (response.statusCode() == 200) {
        assertThat(response.body()).as(what).doesNotContain(probed.task()).doesNotContain(probed.id());
      }
    }
  }

  private void write(WriteRoute route, Viewer kind, Case probed) {
    String viewer = probed.viewers().get(kind);
    String path = fill(route.path(), probed, viewer);
    String body = fill(route.body(), probed, viewer);
    Snapshot before = snapshot(probed);
    HttpResponse<String> response = route.via() == Via.REST
        ? rest(viewer).send(route.method(), path, route.contentType(), body)
        : tasklist(viewer).sendWithCsrf(route.method(), path, route.contentType(), body);
    String what = kind + " " + viewer + " changing " + probed.partnership() + "'s case: " + route + " -> "
        + response.statusCode() + " " + abbreviate(response.body());
    assertThat(response.statusCode()).as(what).isIn(route.outsider());
    // refused by the engine or its filters with a sentence, not by a CSRF check that never let the probe in
    assertThat(response.body()).as(what).contains("\"type\"");
    assertThat(response.body()).as(what).doesNotContain(probed.reference()).doesNotContain(probed.summary());
    assertThat(snapshot(probed)).as(what + ": the task is unchanged").isEqualTo(before);
  }

  /** The task and case as the engine (Java API, no authorization) holds them. */
  record Snapshot(boolean open, String assignee, String owner, Map<String, String> variables, List<String> comments,
      List<String> attachments, List<String> identityLinks) {}

  private Snapshot snapshot(Case probed) {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.createTaskQuery().taskId(probed.task()).singleResult();
    if (task == null) {
      return new Snapshot(false, null, null, Map.of(), List.of(), List.of(), List.of());
    }
    return new Snapshot(true, task.getAssignee(), task.getOwner(),
        engine.getRuntimeService().getVariables(probed.id()).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()), (a, b) -> a, TreeMap::new)),
        tasks.getTaskComments(probed.task()).stream().map(c -> c.getId() + ":" + c.getFullMessage()).sorted().toList(),
        tasks.getTaskAttachments(probed.task()).stream().map(a -> a.getId() + ":" + a.getName()).sorted().toList(),
        tasks.getIdentityLinksForTask(probed.task()).stream()
            .sorted(Comparator.comparing(IdentityLink::getType).thenComparing(l -> String.valueOf(l.getUserId()))
                .thenComparing(l -> String.valueOf(l.getGroupId())))
            .map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId()).toList());
  }

  private HttpResponse<String> get(Via via, String viewer, String path) {
    return via == Via.REST ? rest(viewer).get(path) : tasklist(viewer).get(path);
  }

  /** One HTTP Basic client per viewer, reused (a new client per request costs a thread pool each). */
  private Http rest(String viewer) {
    return restClients.computeIfAbsent(viewer, user -> Http.anonymous(port).as(user, "demo"));
  }

  private Http tasklist(String viewer) {
    return tasklistSessions.computeIfAbsent(viewer, user -> {
      Http session = Http.anonymous(port);
      assertThat(session.webappLogin("tasklist", user, "demo").statusCode()).as(user + " logs into Tasklist").isEqualTo(200);
      return session;
    });
  }

  private static String fill(String template, Case probed, String viewer) {
    return template.replace("{task}", probed.task()).replace("{id}", probed.id()).replace("{key}", probed.processKey())
        .replace("{ref}", probed.reference()).replace("{user}", viewer);
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }

  /**
   * The raising agency's practitioner raises the case; its first task sits with a role of the raising
   * agency (the practitioner themself or a candidate group such as {@code nssab-police-line-manager}).
   */
  private void raise(String partnership, String start, String body) throws Exception {
    List<String> agencies = AGENCIES.get(partnership);
    String raising = agencies.get(0);
    HttpResponse<String> started = Http.anonymous(port).as(partnership + "." + raising + ".practitioner", "demo").post(start, body);
    assertThat(started.statusCode()).as(partnership + ": " + started.body()).isEqualTo(200);
    String id = JSON.readTree(started.body()).path("id").asText();
    Jobs.runDue(engine, id);
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(id).list();
    assertThat(open).as(partnership + "'s first task").hasSize(1);
    Task task = open.get(0);
    String holder = task.getAssignee();
    if (holder == null) {
      String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> l.getGroupId() != null && l.getGroupId().startsWith(partnership + "-" + raising + "-"))
          .map(IdentityLink::getGroupId).findFirst().orElseThrow();
      holder = partnership + "." + raising + "." + group.substring((partnership + "-" + raising + "-").length());
    }
    assertThat(holder).as(partnership + "'s first task sits with the raising agency").startsWith(partnership + "." + raising + ".");
    List<String> partnerships = new ArrayList<>(AGENCIES.keySet());
    String other = partnerships.get((partnerships.indexOf(partnership) + 1) % partnerships.size());
    String otherAgency = agencies.get(1);
    String otherPartnershipAgency = AGENCIES.get(other).get(0);
    Map<Viewer, String> viewers = new LinkedHashMap<>();
    viewers.put(Viewer.HOLDER, holder);
    viewers.put(Viewer.OTHER_AGENCY_PRACTITIONER, partnership + "." + otherAgency + ".practitioner");
    viewers.put(Viewer.OTHER_AGENCY_LINE_MANAGER, partnership + "." + otherAgency + ".line-manager");
    viewers.put(Viewer.OTHER_PARTNERSHIP_PRACTITIONER, other + "." + otherPartnershipAgency + ".practitioner");
    viewers.put(Viewer.OTHER_PARTNERSHIP_LINE_MANAGER, other + "." + otherPartnershipAgency + ".line-manager");
    String reference = JSON.readTree(body).path("businessKey").asText();
    String summary = (String) engine.getRuntimeService().getVariable(id, "disputeSummary");
    cases.add(new Case(partnership, partnership + "-escalation", id, reference, summary, task.getId(), viewers));
  }

  private static Map<String, Object> withReference(Map<String, Object> values, String reference) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put("caseReference", reference);
    return copy;
  }
}
