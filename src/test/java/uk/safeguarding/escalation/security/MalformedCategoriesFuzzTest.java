package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.escalation.security.MalformedRequestFuzzTest.INTERNALS;
import static uk.safeguarding.escalation.security.MalformedRequestFuzzTest.JSON;
import static uk.safeguarding.escalation.security.MalformedRequestFuzzTest.PRACTITIONER;
import static uk.safeguarding.escalation.security.MalformedRequestFuzzTest.pick;
import static uk.safeguarding.escalation.security.MalformedRequestFuzzTest.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.BdscpCases;
import uk.safeguarding.escalation.support.BscpCases;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NelCases;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * Issue 16 item 4, the named categories: 1 050 requests (fixed seed), 150 of each of huge values,
 * unknown fields, bad dates, Unicode edge cases, expressions in every string, Java-serialized
 * objects and missing or duplicated variables, at the start routes of all five protocols and at
 * every write route on the control case's task (submit-form, complete, resolve, bpmnError, claim,
 * unclaim, comment and attachment create, variable modifications, single-variable PUT) and at
 * message and signal, over the engine REST API and the webapps' API (session and CSRF).
 *
 * <p>Each body is a valid one with one thing of its category put in. Every answer is a 4xx whose
 * body says what is wrong, never 5xx or internals, except where the category's text is legitimately
 * data: an expression or a printable Unicode character in a start variable's value (README
 * "Security"). Such a case may start; it must then hold exactly what was sent. A completion of that
 * kind goes to a case of its own, so the control task stays untouched. Afterwards no case is
 * half-started (every new instance is one of those, with its first task) and the control case is
 * unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedCategoriesFuzzTest {

  static final long SEED = 16;
  static final List<String> CATEGORIES = List.of("huge", "unknown-field", "bad-date", "unicode", "expression",
      "serialized", "missing-or-duplicated");
  static final int PER_CATEGORY = 150;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;

  /** A protocol's start: who raises it and the variables of a valid case. */
  record Protocol(String key, String user, Map<String, Object> variables, Set<String> required) {}

  record Route(String method, String path, String kind, int protocol) {}

  /** One request: its body as bytes, and whether its text may legitimately be stored as data. */
  record Probe(String description, byte[] body, boolean mayBeData, Map<String, String> sentValues, String businessKey) {}

  static final String CONTROL_TASK = "{task}";

  @Test
  void eachCategoryIsRefusedIn4xxOrStoredVerbatimAndNothingIsHalfStarted() throws Exception {
    List<Protocol> protocols = protocols();
    List<Http[]> clients = new ArrayList<>();
    for (Protocol protocol : protocols) {
      Http tasklist = Http.anonymous(port);
      assertThat(tasklist.webappLogin("tasklist", protocol.user(), "demo").statusCode()).isEqualTo(200);
      clients.add(new Http[] {Http.anonymous(port).as(protocol.user(), "demo"), tasklist});
    }
    Http rest = clients.get(0)[0];
    HttpResponse<String> started = rest.post(NssabCases.START, NssabCases.startBody("NS-FUZZ-CONTROL", "standard"));
    assertThat(started.statusCode()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).path("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    Map<String, Object> before = snapshot(runtimeService, taskService, historyService, instance, task.getId());
    // cases of the five protocols (a case's notifications run as instances of their own)
    String[] cases = protocols.stream().map(Protocol::key).toArray(String[]::new);
    Set<String> instancesBefore = ids(runtimeService.createProcessInstanceQuery().processDefinitionKeyIn(cases).list());
    long historicBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn(cases).count();

    List<Route> routes = routes(protocols, task.getExecutionId(), instance);
    Random random = new Random(SEED);
    Map<String, int[]> summary = new LinkedHashMap<>(); // category -> {count, 4xx, 2xx as data}
    Map<String, Integer> statuses = new TreeMap<>();
    Set<String> dataStarted = new HashSet<>();
    List<String> failures = new ArrayList<>();
    int dataCases = 0;
    for (int i = 0; i < CATEGORIES.size() * PER_CATEGORY; i++) {
      String category = CATEGORIES.get(i % CATEGORIES.size());
      Route route = routes.get(random.nextInt(routes.size()));
      boolean webapp = random.nextBoolean();
      Probe probe = probe(category, route, protocols, random, i);
      String taskId = task.getId();
      String dataInstance = null;
      if (probe.mayBeData() && route.path().contains(CONTROL_TASK) && !route.kind().equals("start")) {
        // text that is data, in an otherwise valid completion: on a case of its own, not the control case
        HttpResponse<String> own = rest.post(NssabCases.START, NssabCases.startBody("NS-FUZZ-DATA-" + ++dataCases, "standard"));
        dataInstance = JSON.readTree(own.body()).path("id").asText();
        dataStarted.add(dataInstance);
        taskId = taskService.createTaskQuery().processInstanceId(dataInstance).singleResult().getId();
      }
      String path = (webapp ? DirectVariableWritesTest.WEBAPP_API : "/engine-rest") + route.path().replace(CONTROL_TASK, taskId);
      Http[] client = clients.get(route.protocol());
      HttpResponse<String> response = webapp ? client[1].sendBytes(route.method(), path, probe.body(), true)
          : client[0].sendBytes(route.method(), path, probe.body(), false);
      int status = response.statusCode();
      statuses.merge(Integer.toString(status), 1, Integer::sum);
      int[] counts = summary.computeIfAbsent(category, c -> new int[3]);
      counts[0]++;
      String seen = status + " " + category + " " + route.method() + " " + path + " <- " + probe.description()
          + "\n   -> " + shorten(response.body());
      if (status >= 400 && status < 500 && namesTheProblem(response.body())) {
        counts[1]++;
      } else if (status >= 200 && status < 300 && probe.mayBeData()) {
        counts[2]++;
        if (route.kind().equals("start")) {
          String id = JSON.readTree(response.body()).path("id").asText();
          dataStarted.add(id);
          verbatim(id, probe).ifPresent(problem -> failures.add(problem + ": " + seen));
        } else if (dataInstance != null) {
          verbatim(dataInstance, probe).ifPresent(problem -> failures.add(problem + ": " + seen));
        } else if (!route.kind().equals("signal")) { // a signal nobody receives stores nothing
          failures.add("accepted: " + seen);
        }
      } else {
        failures.add(seen);
      }
      if (INTERNALS.matcher(response.body()).find()) {
        failures.add("internals: " + seen);
      }
    }
    summary.forEach((category, c) -> System.out.printf("fuzz %-22s %4d requests, %4d refused 4xx, %3d accepted as data%n",
        category, c[0], c[1], c[2]));
    System.out.println("fuzz statuses " + statuses);

    assertThat(failures).as("statuses " + statuses).isEmpty();
    // no half-started case: every new instance is a case accepted as data, and each has its first task
    Set<String> now = ids(runtimeService.createProcessInstanceQuery().processDefinitionKeyIn(cases).list());
    now.removeAll(instancesBefore);
    assertThat(dataStarted).containsAll(now);
    for (String id : now) {
      assertThat(taskService.createTaskQuery().processInstanceId(id).count()).as("tasks of " + id).isPositive();
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn(cases).count())
        .isEqualTo(historicBefore + dataStarted.size());
    assertThat(snapshot(runtimeService, taskService, historyService, instance, task.getId())).isEqualTo(before);
  }

  /** What is wrong, if the case did not receive exactly the values and business key that were sent. */
  private java.util.Optional<String> verbatim(String instanceId, Probe probe) {
    List<HistoricDetail> updates = historyService.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates().list();
    for (Map.Entry<String, String> sent : probe.sentValues().entrySet()) {
      boolean received = updates.stream().map(HistoricVariableUpdate.class::cast)
          .anyMatch(u -> u.getVariableName().equals(sent.getKey()) && sent.getValue().equals(u.getValue()));
      if (!received) {
        return java.util.Optional.of("not stored verbatim: " + sent.getKey());
      }
    }
    if (probe.businessKey() != null) {
      String key = historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getBusinessKey();
      if (!probe.businessKey().equals(key)) {
        return java.util.Optional.of("business key not stored verbatim: " + key);
      }
    }
    return java.util.Optional.empty();
  }

  static boolean namesTheProblem(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      return root != null && root.path("message").isTextual() && root.path("message").asText().trim().length() >= 8;
    } catch (Exception e) {
      return false;
    }
  }

  static Set<String> ids(List<ProcessInstance> instances) {
    Set<String> ids = new HashSet<>();
    instances.forEach(p -> ids.add(p.getId()));
    return ids;
  }

  static String shorten(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  // --- protocols and routes --------------------------------------------------------------------

  static List<Protocol> protocols() throws Exception {
    Map<String, Object> nssab = new LinkedHashMap<>();
    JSON.readTree(NssabCases.startBody("NS-FUZZ", "standard")).path("variables").fields()
        .forEachRemaining(e -> nssab.put(e.getKey(), e.getValue().path("value").asText()));
    Map<String, Object> llr = new LinkedHashMap<>(); // in a fixed order, for the seed to give the same requests
    llr.put("caseReference", "LLR-FUZZ");
    llr.put("subjectType", "child");
    llr.put("raisingAgency", "la-childrens");
    llr.put("receivingAgency", "health");
    llr.put("receivingPractitionerName", "Dr Riley Other");
    llr.put("disagreementCategory", "information-sharing");
    llr.put("disputeSummary", "Health records not shared");
    llr.put("possibleCause", "Consent misunderstood");
    llr.put("riskLevel", "significant-harm");
    return List.of(
        new Protocol("nssab-escalation", PRACTITIONER, nssab, required("nssab")),
        new Protocol("nel-escalation", "nel.health.practitioner", NelCases.childCase(), required("nel")),
        new Protocol("bdscp-escalation", "bdscp.police.practitioner", BdscpCases.childCase(), required("bdscp")),
        new Protocol("bscp-escalation", "bscp.education.practitioner", BscpCases.standardCase(), required("bscp")),
        new Protocol("llr-escalation", "llr.la-childrens.practitioner", llr, required("llr")));
  }

  /** The keys a start form requires. */
  static Set<String> required(String partnership) throws Exception {
    Set<String> keys = new HashSet<>();
    collectRequired(JSON.readTree(Files.readString(Path.of("forms", partnership + "-start.form"))), keys);
    return keys;
  }

  private static void collectRequired(JsonNode node, Set<String> keys) {
    if (node.path("validate").path("required").asBoolean(false)) {
      keys.add(node.path("key").asText());
    }
    node.path("components").forEach(child -> collectRequired(child, keys));
  }

  static List<Route> routes(List<Protocol> protocols, String execution, String instance) {
    List<Route> routes = new ArrayList<>();
    for (int p = 0; p < protocols.size(); p++) {
      routes.add(new Route("POST", "/process-definition/key/" + protocols.get(p).key() + "/start", "start", p));
      routes.add(new Route("POST", "/process-definition/key/" + protocols.get(p).key() + "/submit-form", "start", p));
    }
    String task = "/task/" + CONTROL_TASK;
    routes.addAll(List.of(
        new Route("POST", task + "/submit-form", "complete", 0),
        new Route("POST", task + "/complete", "complete", 0),
        new Route("POST", task + "/resolve", "complete", 0),
        new Route("POST", task + "/bpmnError", "error", 0),
        new Route("POST", task + "/claim", "claim", 0),
        new Route("POST", task + "/unclaim", "unclaim", 0),
        new Route("POST", task + "/comment/create", "comment", 0),
        new Route("POST", task + "/attachment/create", "attachment", 0),
        new Route("POST", task + "/variables", "modify", 0),
        new Route("POST", task + "/localVariables", "modify", 0),
        new Route("POST", "/process-instance/" + instance + "/variables", "modify", 0),
        new Route("POST", "/execution/" + execution + "/localVariables", "modify", 0),
        new Route("PUT", task + "/variables/caseReference", "value", 0),
        new Route("PUT", "/process-instance/" + instance + "/variables/riskLevel", "value", 0),
        new Route("POST", "/message", "message", 0),
        new Route("POST", "/signal", "signal", 0)));
    return routes;
  }

  // --- valid bodies ----------------------------------------------------------------------------

  static ObjectNode base(Route route, List<Protocol> protocols, int i) throws Exception {
    return switch (route.kind()) {
      case "start" -> {
        ObjectNode root = JSON.createObjectNode();
        root.put("businessKey", "FUZZ-" + i);
        ObjectNode variables = root.putObject("variables");
        protocols.get(route.protocol()).variables().forEach((name, value) -> variables.set(name,
            variable(name.equals("caseReference") ? "FUZZ-" + i : String.valueOf(value))));
        yield root;
      }
      case "complete" -> (ObjectNode) JSON.readTree(NssabCases.stageRecord("escalate"));
      case "error" -> (ObjectNode) JSON.readTree("{\"errorCode\": \"stage-failed\", \"errorMessage\": \"No answer\","
          + " \"variables\": {\"discussionSummary\": {\"value\": \"Discussed\", \"type\": \"String\"}}}");
      case "claim" -> (ObjectNode) JSON.readTree("{\"userId\": \"" + PRACTITIONER + "\"}");
      case "unclaim" -> JSON.createObjectNode();
      case "comment" -> (ObjectNode) JSON.readTree("{\"message\": \"Called the receiving agency\"}");
      case "attachment" -> (ObjectNode) JSON.readTree("{\"attachment-name\": \"letter\", \"attachment-description\": \"The letter\","
          + " \"attachment-type\": \"text/plain\", \"url\": \"https://example.org/letter\"}");
      case "modify" -> (ObjectNode) JSON.readTree("{\"modifications\": {\"riskLevel\": {\"value\": \"high\", \"type\": \"String\"}},"
          + " \"deletions\": []}");
      case "value" -> (ObjectNode) JSON.readTree("{\"value\": \"NS-X\", \"type\": \"String\"}");
      case "message" -> (ObjectNode) JSON.readTree("{\"messageName\": \"caseUpdate\", \"businessKey\": \"NS-FUZZ-CONTROL\","
          + " \"processVariables\": {\"note\": {\"value\": \"Update\", \"type\": \"String\"}}}");
      default -> (ObjectNode) JSON.readTree("{\"name\": \"caseAlert\", \"variables\": {\"note\": {\"value\": \"Alert\", \"type\": \"String\"}}}");
    };
  }

  static ObjectNode variable(String value) {
    ObjectNode variable = JSON.createObjectNode();
    variable.put("value", value);
    variable.put("type", "String");
    return variable;
  }

  /** The object holding the body's variables, or null for a body of plain fields. */
  static ObjectNode container(ObjectNode root, String kind) {
    String name = switch (kind) {
      case "start", "complete", "error", "signal" -> "variables";
      case "modify" -> "modifications";
      case "message" -> "processVariables";
      default -> null;
    };
    return name == null ? null : (ObjectNode) root.get(name);
  }

  // --- the categories --------------------------------------------------------------------------

  static final List<String> BAD_DATES = List.of("2026-02-30", "31/12/2026", "0000-01-01", "2026-13-01", "-0001-12-31",
      "99999-01-01", "2026-02-29", "2026-04-31", "20260415", "2026-4-5", "tomorrow", "2026-02-30T10:00",
      "2026-12-31T25:00", "1899-12-31");
  static final List<String> BAD_DATE_VALUES = List.of("2026-02-30T10:00:00.000+0000", "31/12/2026", "0000-01-01T00:00:00.000+0000",
      "", "2026-13-01T00:00:00.000+0000", "2026-02-30", "not a date");
  /** Characters no stored text may hold: NUL and halves of a surrogate pair. */
  static final List<String> BAD_UNICODE = List.of("\u0000", "a\u0000b", "\ud800", "\udfff", "x\ud83dy", "\udc00\ud800");
  /** Printable or formatting characters a person may type: text, to be kept exactly. */
  static final List<String> GOOD_UNICODE = List.of("\u202egnp.exe", "\ud83d\ude00", "\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
      "\ufeffBOM", "line\u2028break", "e\u0301", "\u200b", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645");
  /** Bytes that are not UTF-8: an overlong NUL, a stray byte, an encoded surrogate, a cut sequence, a 5-byte form. */
  static final List<byte[]> RAW_BYTES = List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xFF},
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
      new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80});
  static final List<String> EXPRESSIONS = List.of("${x}", "#{x}", "${''.getClass()}", "${execution.setVariable('riskLevel','low')}",
      "#{runtimeService.createProcessInstanceQuery().list()}", "${\"\".getClass().forName(\"java.lang.Runtime\")}", "$ {1+1} ${1+1}");
  static final List<String> SERIALIZED_FORMATS = List.of("application/x-java-serialized-object",
      "APPLICATION/X-JAVA-SERIALIZED-OBJECT", " application/x-java-serialized-object ", "application/x-java-serialized-object; charset=utf-8");

  static Probe probe(String category, Route route, List<Protocol> protocols, Random random, int i) throws Exception {
    ObjectNode root = base(route, protocols, i);
    ObjectNode container = container(root, route.kind());
    String kind = route.kind();
    return switch (category) {
      case "huge" -> huge(root, container, random);
      case "unknown-field" -> {
        JsonNode junk = JSON.readTree(pick(List.of("1", "\"x\"", "{}", "[]", "null", "true", "{\"type\": \"String\"}"), random));
        if (container != null && container.size() > 0 && random.nextBoolean()) {
          ObjectNode target = (ObjectNode) container.get(pick(names(container), random));
          String field = pick(List.of("valueType", "Value", "local", "scope", "expression", "class"), random);
          target.set(field, junk);
          yield probe("unknown field " + field + " in a variable", root);
        }
        String field = pick(List.of("extra", "processInstanceId", "tenantId", "Variables", "withVariablesInReturn2", "__proto__",
            "userID", "@class"), random);
        root.set(field, junk);
        yield probe("unknown top-level field " + field, root);
      }
      case "bad-date" -> {
        if (kind.equals("complete")) {
          String bad = pick(BAD_DATES, random);
          container.set("actionDueDate", variable(bad));
          yield probe("actionDueDate " + bad, root);
        }
        String bad = pick(BAD_DATE_VALUES, random);
        ObjectNode dated = JSON.createObjectNode().put("value", bad).put("type", "Date");
        if (container != null) {
          container.set(random.nextBoolean() ? pick(names(container), random) : "meetingDate", dated);
          yield probe("Date variable " + bad, root);
        }
        if (kind.equals("value")) {
          yield probe("Date value " + bad, dated);
        }
        root.put(pick(List.of("time", "dueDate", "followUpDate"), random), bad);
        yield probe("date field " + bad, root);
      }
      case "unicode" -> {
        int variant = random.nextInt(3);
        if (variant == 0) {
          byte[] raw = pick(RAW_BYTES, random);
          String marker = "\u0001RAW\u0001";
          insert(root, container, kind, marker, random);
          String text = JSON.writeValueAsString(root);
          String escaped = JSON.writeValueAsString(marker);
          escaped = escaped.substring(1, escaped.length() - 1);
          int at = text.indexOf(escaped);
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          bytes.write(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
          bytes.write(raw);
          bytes.write(text.substring(at + escaped.length()).getBytes(StandardCharsets.UTF_8));
          yield new Probe("raw bytes " + hex(raw), bytes.toByteArray(), false, Map.of(), null);
        }
        boolean good = variant == 2;
        String text = pick(good ? GOOD_UNICODE : BAD_UNICODE, random);
        yield placed(root, container, route, text, good, "unicode " + hex(text.getBytes(StandardCharsets.UTF_16BE)), random);
      }
      case "expression" -> placed(root, container, route, pick(EXPRESSIONS, random), true, "expression", random);
      case "serialized" -> {
        ObjectNode object = JSON.createObjectNode().put("value", "rO0ABXQABWhlbGxv").put("type", pick(List.of("Object", "object", "Json"), random));
        object.putObject("valueInfo").put("objectTypeName", pick(List.of("java.lang.String", "java.util.HashMap",
            "org.springframework.context.support.ClassPathXmlApplicationContext"), random))
            .put("serializationDataFormat", pick(SERIALIZED_FORMATS, random));
        if (kind.equals("value")) {
          yield probe("serialized value", object);
        }
        if (container != null) {
          container.set(random.nextBoolean() && container.size() > 0 ? pick(names(container), random) : "payload", object);
        } else {
          root.set("payload", object);
        }
        yield probe("serialized object", root);
      }
      default -> missingOrDuplicated(root, container, route, protocols, random);
    };
  }

  static Probe huge(ObjectNode root, ObjectNode container, Random random) throws Exception {
    ObjectNode target = container != null ? container : root;
    switch (random.nextInt(4)) {
      case 0 -> {
        String mb = "x".repeat(1 << 20);
        if (container != null && container.size() > 0) {
          ((ObjectNode) container.get(pick(names(container), random))).put("value", mb);
        } else {
          root.put(root.size() > 0 ? pick(names(root), random) : "value", mb);
        }
        return probe("a 1 MB string", root);
      }
      case 1 -> {
        for (int n = 0; n < 10_000; n++) {
          if (container != null) {
            target.set("v" + n, variable("x"));
          } else {
            target.put("f" + n, "x");
          }
        }
        return probe("10 000 " + (container != null ? "variables" : "fields"), root);
      }
      case 2 -> {
        String marker = "DEEP-MARKER";
        if (container != null) {
          target.set("deep", JSON.createObjectNode().put("value", marker).put("type", "Json"));
        } else {
          target.put("deep", marker);
        }
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String text = JSON.writeValueAsString(root).replace("\"" + marker + "\"", random.nextBoolean() ? deep : "\"" + deep + "\"");
        return new Probe("JSON nested 10 000 deep", text.getBytes(StandardCharsets.UTF_8), false, Map.of(), null);
      }
      default -> {
        String name = "n".repeat(10_000);
        if (container != null) {
          target.set(name, variable("x"));
        } else if (root.has("userId")) {
          root.put("userId", name);
        } else {
          root.put(name, "x");
        }
        return probe("a name of 10 000 characters", root);
      }
    }
  }

  /**
   * {@code text} put into one string of the body: a value (replacing or inside it), a field or
   * variable name, a type. Only in a variable's value of a start or completion may it be data.
   */
  static Probe placed(ObjectNode root, ObjectNode container, Route route, String text, boolean textIsData, String what,
      Random random) throws Exception {
    boolean dataRoute = route.kind().equals("start") || route.kind().equals("complete");
    int where = random.nextInt(4);
    if (container != null && container.size() > 0 && where < 2) {
      String name = pick(names(container), random);
      String value = where == 0 ? text : "Before " + text + " after";
      ((ObjectNode) container.get(name)).put("value", value);
      boolean data = textIsData && dataRoute;
      return new Probe(what + " in the value of " + name, bytes(root), data, data ? Map.of(name, value) : Map.of(),
          data && root.has("businessKey") ? root.path("businessKey").asText() : null);
    }
    if (container != null && container.size() > 0 && where == 2) {
      String name = pick(names(container), random);
      JsonNode variable = container.remove(name);
      container.set(random.nextBoolean() ? text : name + text, variable);
      return probe(what + " in the name of " + name, root);
    }
    if (container != null && container.size() > 0 && random.nextBoolean()) {
      ((ObjectNode) container.get(pick(names(container), random))).put("type", random.nextBoolean() ? text : "String" + text);
      return probe(what + " in a variable's type", root);
    }
    List<String> fields = new ArrayList<>();
    root.fields().forEachRemaining(e -> {
      if (e.getValue().isTextual()) {
        fields.add(e.getKey());
      }
    });
    if (fields.isEmpty()) {
      root.put(text, "x");
      return probe(what + " as a field name", root);
    }
    String field = pick(fields, random);
    String value = random.nextBoolean() ? text : root.get(field).asText() + text;
    root.put(field, value);
    // a start's business key is the case's label, stored as typed
    boolean data = textIsData && route.kind().equals("start") && field.equals("businessKey");
    return new Probe(what + " in " + field, bytes(root), data, Map.of(), data ? value : null);
  }

  /** {@code text} as the value of some string in the body (for raw bytes to replace). */
  static void insert(ObjectNode root, ObjectNode container, String kind, String text, Random random) {
    if (container != null && container.size() > 0) {
      ((ObjectNode) container.get(pick(names(container), random))).put("value", "a" + text + "b");
    } else if (kind.equals("value")) {
      root.put("value", text);
    } else {
      root.put(root.size() > 0 && root.fields().next().getValue().isTextual() ? root.fieldNames().next() : "note", text);
    }
  }

  static Probe missingOrDuplicated(ObjectNode root, ObjectNode container, Route route, List<Protocol> protocols, Random random)
      throws Exception {
    String kind = route.kind();
    int variant = random.nextInt(3);
    if (variant == 0 && !kind.equals("claim") && !kind.equals("unclaim") && !kind.equals("value")) {
      List<String> required = switch (kind) {
        case "start" -> new ArrayList<>(protocols.get(route.protocol()).required());
        case "complete" -> List.of("contactType", "contactBetween", "discussionSummary", "stageOutcome");
        default -> List.of();
      };
      if (!required.isEmpty()) {
        String name = pick(required.stream().sorted().toList(), random);
        container.remove(name);
        return probe("required " + name + " missing", root);
      }
      String field = switch (kind) {
        case "error" -> "errorCode";
        case "comment" -> "message";
        case "message" -> "messageName";
        case "signal" -> "name";
        case "attachment" -> "attachment-name";
        default -> "modifications";
      };
      root.remove(field);
      return probe("required " + field + " missing", root);
    }
    if (variant == 1 && (kind.equals("message") || kind.equals("modify") || kind.equals("signal") || kind.equals("complete"))) {
      String name = pick(names(container), random);
      switch (kind) {
        case "message" -> root.putObject("processVariablesLocal").set(name, variable("other"));
        case "modify" -> ((ArrayNode) root.get("deletions")).add(name);
        case "signal" -> root.putObject("localVariables").set(name, variable("other"));
        default -> root.putObject("localVariables").set(name, variable("other"));
      }
      return probe(name + " sent both " + (kind.equals("modify") ? "set and deleted" : "as local and not"), root);
    }
    // the same key twice in one object: the later occurrence is the valid one a lenient parser keeps
    String text = JSON.writeValueAsString(root);
    if (container != null && container.size() > 0) {
      String name = pick(names(container), random);
      String first = "\"" + name + "\":";
      int at = text.indexOf(first);
      String duplicate = first + "{\"value\":\"other\",\"type\":\"String\"},";
      return new Probe("variable " + name + " twice", (text.substring(0, at) + duplicate + text.substring(at))
          .getBytes(StandardCharsets.UTF_8), false, Map.of(), null);
    }
    if (root.size() == 0) {
      return new Probe("field userId twice", "{\"userId\":\"a\",\"userId\":\"b\"}".getBytes(StandardCharsets.UTF_8),
          false, Map.of(), null);
    }
    String field = root.fieldNames().next();
    String duplicate = "{\"" + field + "\":\"someone.else\"," + text.substring(1);
    return new Probe("field " + field + " twice", duplicate.getBytes(StandardCharsets.UTF_8), false, Map.of(), null);
  }

  static Probe probe(String description, JsonNode body) throws Exception {
    return new Probe(description, bytes(body), false, Map.of(), null);
  }

  /** The body as UTF-8; a lone half of a surrogate pair (which UTF-8 cannot carry) as its JSON escape. */
  static byte[] bytes(JsonNode body) throws Exception {
    String text = JSON.writeValueAsString(body);
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        escaped.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<String> names(ObjectNode object) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = object.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }

  static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(String.format("%02X", b & 0xFF));
    }
    return text.toString();
  }
}
