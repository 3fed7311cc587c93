package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;
import uk.safeguarding.escalation.support.Snapshots;

/**
 * 1 200 malformed requests (fixed seed) at every write route a practitioner can reach, on the engine
 * REST API and on the webapps' API (session and CSRF token, as Tasklist sends them): each is
 * answered 4xx in plain words, never 5xx or the engine's internals; no case is started and the
 * control case, whose first task the practitioner holds, is unchanged. Every body is malformed by
 * construction (broken JSON, wrong JSON types, unknown or mismatched variable types), so none of
 * them could legitimately change anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestFuzzTest {

  static final long SEED = 19;
  static final int REQUESTS = 1200;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PRACTITIONER = "nssab.police.practitioner";

  /** Text of the engine's internals that must never reach a user. */
  static final Pattern INTERNALS = Pattern.compile("java\\.|org\\.camunda|com\\.fasterxml|\\tat |NullPointer|IndexOutOfBounds"
      + "|ClassCast|IllegalArgument|IllegalState|NumberFormat|Cannot create file|serializer|Exception:|\\[Source:");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;

  record Route(String method, String path, String kind) {}

  @Test
  void malformedRequestsGetA4xxInPlainWordsAndChangeNothing() throws Exception {
    Http rest = Http.anonymous(port).as(PRACTITIONER, "demo");
    HttpResponse<String> started = rest.post(NssabCases.START, NssabCases.startBody("NS-FUZZ-CONTROL", "standard"));
    assertThat(started.statusCode()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).path("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("nssab-escalation")
        .latestVersion().singleResult().getId();
    Map<String, Object> before = snapshot(runtimeService, taskService, historyService, instance, task.getId());
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();
    long historicInstancesBefore = historyService.createHistoricProcessInstanceQuery().count();

    Http tasklist = Http.anonymous(port);
    assertThat(tasklist.webappLogin("tasklist", PRACTITIONER, "demo").statusCode()).isEqualTo(200);

    List<Route> routes = routes(definition, task.getId(), task.getExecutionId(), instance);
    Random random = new Random(SEED);
    Map<String, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Route route = routes.get(random.nextInt(routes.size()));
      boolean webapp = random.nextBoolean();
      String body = malformed(route.kind(), random);
      String path = (webapp ? DirectVariableWritesTest.WEBAPP_API : "/engine-rest") + route.path();
      HttpResponse<String> response = webapp ? tasklist.sendWithCsrf(route.method(), path, body)
          : rest.send(route.method(), path, body);
      statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
      if (response.statusCode() < 400 || response.statusCode() >= 500 || INTERNALS.matcher(response.body()).find()) {
        failures.add(response.statusCode() + " " + route.method() + " " + path + " <- " + body + "\n   -> " + response.body());
      }
    }

    assertThat(failures).as("statuses " + statuses).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(historicInstancesBefore);
    assertThat(snapshot(runtimeService, taskService, historyService, instance, task.getId())).isEqualTo(before);
  }

  static List<Route> routes(String definition, String task, String execution, String instance) {
    List<Route> routes = new ArrayList<>(List.of(
        new Route("POST", "/process-definition/key/nssab-escalation/start", "start"),
        new Route("POST", "/process-definition/key/nssab-escalation/submit-form", "start"),
        new Route("POST", "/process-definition/" + definition + "/start", "start"),
        new Route("POST", "/process-definition/" + definition + "/submit-form", "start"),
        new Route("POST", "/task/" + task + "/submit-form", "complete"),
        new Route("POST", "/task/" + task + "/complete", "complete"),
        new Route("POST", "/task/" + task + "/resolve", "complete"),
        new Route("POST", "/task/" + task + "/bpmnError", "complete"),
        new Route("POST", "/task/" + task + "/claim", "claim"),
        new Route("POST", "/task/" + task + "/variables", "modify"),
        new Route("POST", "/task/" + task + "/localVariables", "modify"),
        new Route("POST", "/process-instance/" + instance + "/variables", "modify"),
        new Route("POST", "/execution/" + execution + "/localVariables", "modify")));
    for (String collection : List.of("/task/" + task + "/variables", "/task/" + task + "/localVariables",
        "/process-instance/" + instance + "/variables", "/execution/" + execution + "/localVariables")) {
      routes.add(new Route("PUT", collection + "/caseReference", "value"));
      routes.add(new Route("DELETE", collection + "/caseReference", "value"));
    }
    return routes;
  }

  // --- malformed bodies ------------------------------------------------------------------------

  static final List<String> WRONG_TOP_LEVEL = List.of("null", "[]", "1", "\"x\"", "true", "[{}]", "{}{}", "", " ", "{",
      "}", "{\"a\"}", "{'a': 1}", "NaN");
  static final List<String> WRONG_JSON_VALUES = List.of("\"x\"", "1", "[]", "[1]", "true", "{\"a\": {\"b\": []}}");
  static final List<String> UNKNOWN_TYPES = List.of("", " ", "Strin", "Foo", "java.lang.String", "STRING", "Integer ",
      "list", "{}", "\\u0000", "Obj\u00e9ct", "${type}");
  /** Variable values that the named type can never hold. */
  static final List<String[]> MISMATCHES = List.of(
      new String[] {"Integer", "\"abc\""}, new String[] {"Integer", "99999999999"}, new String[] {"Integer", "{}"},
      new String[] {"Integer", "[]"}, new String[] {"Short", "70000"}, new String[] {"Long", "\"1.5x\""},
      new String[] {"Double", "\"zz\""}, new String[] {"Boolean", "\"maybe\""}, new String[] {"Date", "\"not-a-date\""},
      new String[] {"Date", "\"2026-13-45T99:99:99\""}, new String[] {"Date", "{}"}, new String[] {"Object", "12"},
      new String[] {"Object", "{\"a\": 1}"}, new String[] {"Json", "12"}, new String[] {"Json", "[]"},
      new String[] {"Xml", "true"}, new String[] {"File", "\"aGVsbG8=\""});
  static final List<String> WRONG_VALUE_INFOS = List.of(
      "{\"type\": \"Object\", \"value\": \"{}\", \"valueInfo\": \"x\"}",
      "{\"type\": \"Object\", \"value\": \"{}\", \"valueInfo\": 1}",
      "{\"type\": \"Object\", \"value\": \"{}\", \"valueInfo\": []}",
      "{\"type\": \"File\", \"value\": \"aGk=\", \"valueInfo\": {\"filename\": []}}",
      "{\"type\": \"String\", \"value\": \"x\", \"valueInfo\": {\"transient\": \"maybe\"}}",
      "{\"type\": \"Integer\", \"value\": 1, \"valueInfo\": {\"transient\": {}}}");

  static String malformed(String kind, Random random) throws JsonProcessingException {
    String base = switch (kind) {
      case "start" -> NssabCases.startBody("NS-FUZZ-" + random.nextInt(1000), "standard");
      case "complete" -> NssabCases.stageRecord("escalate").replace("{\"variables\"", "{\"errorCode\": \"x\", \"variables\"");
      case "claim" -> "{\"userId\": \"" + PRACTITIONER + "\"}";
      case "modify" -> "{\"modifications\": {\"caseReference\": {\"value\": \"NS-X\", \"type\": \"String\"}}, \"deletions\": []}";
      default -> "{\"value\": \"NS-X\", \"type\": \"String\"}";
    };
    String container = kind.equals("modify") ? "modifications" : "variables";
    int family = random.nextInt(kind.equals("claim") ? 4 : 8);
    return switch (family) {
      case 0 -> truncated(base, random);
      // to the engine a claim with no user in it means "unclaim", a step staff may take
      case 1 -> kind.equals("claim") ? pick(WRONG_TOP_LEVEL.subList(0, 6), random) : pick(WRONG_TOP_LEVEL, random);
      case 2 -> garbage(random);
      case 3 -> wrongField(kind, base, random);
      case 4 -> kind.equals("value") ? pick(WRONG_JSON_VALUES, random)
          : withField(base, container, pick(WRONG_JSON_VALUES, random));
      case 5 -> withEntry(kind, base, container, random, pick(List.of("null", "\"x\"", "1", "[]", "true"), random));
      case 6 -> withEntry(kind, base, container, random, random.nextBoolean()
          ? "{\"type\": \"" + pick(UNKNOWN_TYPES, random) + "\", \"value\": \"x\"}"
          : mismatch(random));
      default -> withEntry(kind, base, container, random, pick(WRONG_VALUE_INFOS, random));
    };
  }

  /** Cut short, and not accidentally still JSON. */
  static String truncated(String base, Random random) {
    String cut = base.substring(0, 1 + random.nextInt(base.length() - 2)) + pick(List.of("", ",", ":", "\"", "\\", "{", "["), random);
    return isJson(cut) ? cut + "{" : cut;
  }

  static String garbage(Random random) {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(200);
    for (int i = 0; i < length; i++) {
      text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
    }
    String result = text.toString();
    return isJson(result) ? result + "}" : result;
  }

  /** A top-level field of the right name and the wrong JSON type. */
  static String wrongField(String kind, String base, Random random) throws JsonProcessingException {
    String wrong = pick(List.of("{}", "[]", "{\"a\": 1}", "[\"x\", {}]"), random);
    return switch (kind) {
      case "start" -> random.nextBoolean() ? withField(base, "withVariablesInReturn", "\"maybe\"")
          : withField(base, pick(List.of("businessKey", "startInstructions"), random), wrong.equals("[]") ? "{}" : wrong);
      case "claim" -> withField(base, "userId", wrong);
      case "complete" -> withField(base, "withVariablesInReturn", wrong);
      case "modify" -> withField(base, "deletions", pick(List.of("[{}]", "[[\"x\"]]", "{\"a\": 1}"), random));
      default -> withField(base, pick(List.of("type", "valueInfo"), random), wrong.equals("{}") ? "[1]" : wrong.replace("{}", "[]"));
    };
  }

  static String withField(String base, String field, String rawJson) throws JsonProcessingException {
    ObjectNode root = (ObjectNode) JSON.readTree(base);
    root.set(field, JSON.readTree(rawJson));
    return JSON.writeValueAsString(root);
  }

  /** One variable of the body (or the whole body, for a single-variable route) replaced by {@code rawJson}. */
  static String withEntry(String kind, String base, String container, Random random, String rawJson)
      throws JsonProcessingException {
    if (kind.equals("value")) {
      return rawJson;
    }
    ObjectNode root = (ObjectNode) JSON.readTree(base);
    ObjectNode variables = (ObjectNode) root.path(container);
    List<String> names = new ArrayList<>();
    Iterator<String> it = variables.fieldNames();
    it.forEachRemaining(names::add);
    variables.set(pick(names, random), JSON.readTree(rawJson));
    return JSON.writeValueAsString(root);
  }

  static String mismatch(Random random) {
    String[] pair = pick(MISMATCHES, random);
    return "{\"type\": \"" + pair[0] + "\", \"value\": " + pair[1] + "}";
  }

  static boolean isJson(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && !node.isMissingNode();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  /** The control case as the engine holds it: its variables, its task's own, who holds the task, its history of values. */
  static Map<String, Object> snapshot(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
      String instance, String task) {
    Task current = taskService.createTaskQuery().taskId(task).singleResult();
    return Map.of(
        "comments", taskService.getTaskComments(task).size(),
        "attachments", taskService.getTaskAttachments(task).size(),
        "variables", Snapshots.variables(runtimeService, instance),
        "taskVariables", Snapshots.localTaskVariables(taskService, task),
        "assignee", current == null ? "(task gone)" : String.valueOf(current.getAssignee()),
        "variableUpdates", historyService.createHistoricDetailQuery().processInstanceId(instance).count(),
        "operations", historyService.createUserOperationLogQuery().processInstanceId(instance).count());
  }
}
