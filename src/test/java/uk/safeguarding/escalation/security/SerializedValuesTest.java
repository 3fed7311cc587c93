package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Object values the engine must never take: Java-serialized ones (however the format is spelt),
 * objects in other formats, objects of types the engine would refuse to read back, and odd File
 * values. Each is sent through every route that accepts a variable, on the engine REST API and the
 * webapps' API, as the practitioner who holds the case's task and as an administrator (who may
 * write variables): every answer is a 4xx in a plain sentence (Java-serialized: 400 saying so), no
 * case starts and the case is unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SerializedValuesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PRACTITIONER = "nssab.police.practitioner";
  static final String JAVA_SERIALIZED = "rO0ABXQABWhlbGxv"; // a serialized java.lang.String "hello"

  /** Text of the engine's internals that must never reach a user. */
  static final Pattern INTERNALS = Pattern.compile("java\\.|org\\.camunda|com\\.fasterxml|\\tat |Exception|\\[Source:"
      + "|serializer|ObjectMapper|Spin");
  static final Pattern STACK_TRACE = Pattern.compile("\\tat |Exception:|\\[Source:");

  /** A value as JSON; javaSerialized: the answer must be 400 saying Java-serialized values are not accepted. */
  record Payload(String name, String json, boolean javaSerialized) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Payload> payloads() {
    return Stream.of(
        new Payload("Java-serialized", object(JAVA_SERIALIZED, "java.lang.String", "application/x-java-serialized-object"), true),
        new Payload("Java-serialized, spelt in capitals with spaces",
            object(JAVA_SERIALIZED, "java.lang.String", " Application/X-Java-Serialized-Object "), true),
        new Payload("Java-serialized, format in JSON escapes",
            object(JAVA_SERIALIZED, "java.lang.String", "application\\u002fx-java-serialized-object"), true),
        new Payload("Java-serialized, type in lower case",
            object(JAVA_SERIALIZED, "java.lang.String", "application/x-java-serialized-object").replace("\"Object\"", "\"object\""), true),
        new Payload("Java-serialized, format with a parameter",
            object(JAVA_SERIALIZED, "java.lang.String", "application/x-java-serialized-object; v=1"), true),
        new Payload("Java-serialized, format a number", "{\"type\": \"Object\", \"value\": \"" + JAVA_SERIALIZED
            + "\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": 1}}", false),
        new Payload("Object as XML", object("<a/>", "java.util.HashMap", "application/xml"), false),
        new Payload("Object as plain text", object("hello", "java.lang.String", "text/plain"), false),
        new Payload("Object without valueInfo", "{\"type\": \"Object\", \"value\": \"" + JAVA_SERIALIZED + "\"}", false),
        new Payload("Object without a type name", "{\"type\": \"Object\", \"value\": \"{}\", \"valueInfo\": "
            + "{\"serializationDataFormat\": \"application/json\"}}", false),
        new Payload("Object as JSON of a type the engine may not read", object("{}", "java.lang.ProcessBuilder", "application/json"), false),
        new Payload("Object as JSON that is not JSON", object(JAVA_SERIALIZED, "java.util.HashMap", "application/json"), false),
        new Payload("File not in base64", "{\"type\": \"File\", \"value\": \"%%% not base64 %%%\", \"valueInfo\": "
            + "{\"filename\": \"a.txt\", \"mimeType\": \"text/plain\"}}", false),
        new Payload("File without a name", "{\"type\": \"File\", \"value\": \"aGVsbG8=\", \"valueInfo\": {}}", false),
        new Payload("File in an unknown encoding", "{\"type\": \"File\", \"value\": \"aGVsbG8=\", \"valueInfo\": "
            + "{\"filename\": \"a.txt\", \"mimeType\": \"text/plain\", \"encoding\": \"no-such-charset\"}}", false),
        new Payload("File declared Java-serialized", "{\"type\": \"File\", \"value\": \"" + JAVA_SERIALIZED + "\", \"valueInfo\": "
            + "{\"filename\": \"a.ser\", \"mimeType\": \"application/x-java-serialized-object\"}}", true));
  }

  static String object(String value, String typeName, String format) {
    return "{\"type\": \"Object\", \"value\": \"" + value + "\", \"valueInfo\": {\"objectTypeName\": \"" + typeName
        + "\", \"serializationDataFormat\": \"" + format + "\"}}";
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;

  static final java.util.concurrent.atomic.AtomicInteger CASES = new java.util.concurrent.atomic.AtomicInteger();

  String instance;
  Task task;
  String definition;

  /** A route, written with {task}, {execution}, {instance}, {definition}; body: a template where {v} is the value. */
  record Route(String method, String path, String body) {}

  List<Route> routes() {
    String single = "{v}";
    String variables = "{\"variables\": {\"caseReference\": {v}}}";
    return List.of(
        new Route("POST", "/process-definition/key/nssab-escalation/start", variables),
        new Route("POST", "/process-definition/key/nssab-escalation/submit-form", variables),
        new Route("POST", "/process-definition/{definition}/start", variables),
        new Route("POST", "/process-definition/{definition}/submit-form", variables),
        new Route("POST", "/process-definition/key/smoke-test/start", variables),
        new Route("POST", "/task/{task}/complete", variables),
        new Route("POST", "/task/{task}/submit-form", variables),
        new Route("POST", "/task/{task}/resolve", variables),
        new Route("POST", "/task/{task}/bpmnError", "{\"errorCode\": \"x\", \"variables\": {\"caseReference\": {v}}}"),
        new Route("POST", "/task/{task}/bpmnEscalation", "{\"escalationCode\": \"x\", \"variables\": {\"caseReference\": {v}}}"),
        new Route("POST", "/task/{task}/variables", "{\"modifications\": {\"caseReference\": {v}}}"),
        new Route("PUT", "/task/{task}/variables/caseReference", single),
        new Route("POST", "/task/{task}/localVariables", "{\"modifications\": {\"caseReference\": {v}}}"),
        new Route("PUT", "/task/{task}/localVariables/caseReference", single),
        new Route("POST", "/process-instance/{instance}/variables", "{\"modifications\": {\"caseReference\": {v}}}"),
        new Route("PUT", "/process-instance/{instance}/variables/caseReference", single),
        new Route("POST", "/process-instance/variables-async",
            "{\"processInstanceIds\": [\"{instance}\"], \"variables\": {\"caseReference\": {v}}}"),
        new Route("POST", "/process-instance/{instance}/modification", "{\"instructions\": [{\"type\": \"startBeforeActivity\","
            + " \"activityId\": \"{activity}\", \"variables\": {\"caseReference\": {v}}}]}"),
        new Route("POST", "/execution/{execution}/localVariables", "{\"modifications\": {\"caseReference\": {v}}}"),
        new Route("PUT", "/execution/{execution}/localVariables/caseReference", single),
        new Route("POST", "/message", "{\"messageName\": \"nssab-case-update\", \"processInstanceId\": \"{instance}\","
            + " \"processVariables\": {\"caseReference\": {v}}}"),
        new Route("POST", "/message", "{\"messageName\": \"nssab-case-update\", \"all\": true,"
            + " \"correlationKeys\": {\"caseReference\": {v}}}"),
        new Route("POST", "/signal", "{\"name\": \"nssab-signal\", \"variables\": {\"caseReference\": {v}}}"),
        new Route("POST", "/condition", "{\"variables\": {\"caseReference\": {v}}}"),
        new Route("POST", "/external-task/{task}/complete", "{\"workerId\": \"w\", \"variables\": {\"caseReference\": {v}}}"));
  }

  /** Binary uploads ({@code …/data}, multipart): the value as a file part in the declared content type. */
  static final List<String> UPLOADS = List.of(
      "/task/{task}/variables/caseReference/data", "/task/{task}/localVariables/caseReference/data",
      "/process-instance/{instance}/variables/caseReference/data", "/execution/{execution}/localVariables/caseReference/data");

  /** A fresh case for each kind of value, so that nothing one accepted could spoil the next. */
  @BeforeEach
  void aCase() throws Exception {
    Http practitioner = Http.anonymous(port).as(PRACTITIONER, "demo");
    HttpResponse<String> started = practitioner.post(NssabCases.START, NssabCases.startBody("NS-SERIAL-" + CASES.incrementAndGet(), "standard"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    instance = JSON.readTree(started.body()).path("id").asText();
    task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    definition = task.getProcessDefinitionId();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void refusedOnEveryRouteAsStaffAndAsAdministrator(Payload payload) throws Exception {
    Map<String, Object> before = snapshot();
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    List<String> failures = new ArrayList<>();
    for (Http client : clients()) {
      boolean webapp = webappClients.contains(client);
      String prefix = webapp ? DirectVariableWritesTest.WEBAPP_API : "/engine-rest";
      for (Route route : routes()) {
        String path = prefix + fill(route.path());
        String body = fill(route.body()).replace("{v}", payload.json());
        HttpResponse<String> response = webapp ? client.sendWithCsrf(route.method(), path, body)
            : client.send(route.method(), path, body);
        check(payload, clientName(client) + " " + route.method() + " " + path, response, failures);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).as("cases started").isEqualTo(instances);
    assertThat(snapshot()).isEqualTo(before);
  }

  /** The multipart uploads, with the file part declared Java-serialized, as an object of a Java type or as a file. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("uploadKinds")
  void binaryUploadsDeclaredJavaSerializedAreRefused(String kind) throws Exception {
    Map<String, Object> before = snapshot();
    List<String> failures = new ArrayList<>();
    for (Http client : clients()) {
      boolean webapp = webappClients.contains(client);
      String prefix = webapp ? DirectVariableWritesTest.WEBAPP_API : "/engine-rest";
      for (String upload : UPLOADS) {
        String path = prefix + fill(upload);
        String body = "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"v.ser\"\r\n"
            + "Content-Type: application/x-java-serialized-object\r\n\r\n" + JAVA_SERIALIZED + "\r\n"
            + switch (kind) {
              case "object" -> "--b\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\njava.lang.String\r\n";
              case "file" -> "--b\r\nContent-Disposition: form-data; name=\"valueType\"\r\n\r\nFile\r\n";
              default -> "--b\r\nContent-Disposition: form-data; name=\"valueType\"\r\n\r\nBytes\r\n";
            } + "--b--\r\n";
        String contentType = "multipart/form-data; boundary=b";
        HttpResponse<String> response = webapp ? client.sendWithCsrf("POST", path, contentType, body)
            : client.send("POST", path, contentType, body);
        check(new Payload(kind, body, true), clientName(client) + " POST " + path, response, failures);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(snapshot()).isEqualTo(before);
  }

  static Stream<String> uploadKinds() {
    return Stream.of("object", "file", "bytes");
  }

  // --- helpers ---------------------------------------------------------------------------------

  List<Http> restClients = new ArrayList<>();
  List<Http> webappClients = new ArrayList<>();
  Map<Http, String> names = new java.util.IdentityHashMap<>();

  /** The practitioner and the administrator, each over HTTP Basic and logged into a webapp. */
  List<Http> clients() {
    if (restClients.isEmpty()) {
      for (String[] who : List.of(new String[] {PRACTITIONER, "tasklist"}, new String[] {"admin", "cockpit"})) {
        Http rest = Http.anonymous(port).as(who[0], "demo");
        Http webapp = Http.anonymous(port);
        assertThat(webapp.webappLogin(who[1], who[0], "demo").statusCode()).isEqualTo(200);
        restClients.add(rest);
        webappClients.add(webapp);
        names.put(rest, who[0] + " (REST)");
        names.put(webapp, who[0] + " (" + who[1] + ")");
      }
    }
    List<Http> all = new ArrayList<>(restClients);
    all.addAll(webappClients);
    return all;
  }

  String clientName(Http client) {
    return names.get(client);
  }

  String fill(String template) {
    return template.replace("{task}", task.getId()).replace("{execution}", task.getExecutionId())
        .replace("{instance}", instance).replace("{definition}", definition)
        .replace("{activity}", task.getTaskDefinitionKey());
  }

  static void check(Payload payload, String what, HttpResponse<String> response, List<String> failures) throws Exception {
    int status = response.statusCode();
    String message = status >= 400 && response.body().startsWith("{") ? JSON.readTree(response.body()).path("message").asText("") : "";
    boolean ok = status >= 400 && status < 500 && !message.isBlank() && !INTERNALS.matcher(message).find()
        && !STACK_TRACE.matcher(response.body()).find()
        && (!payload.javaSerialized() || (status == 400 && message.startsWith("Java-serialized values are not accepted")));
    if (!ok) {
      failures.add(payload.name() + ": " + what + " -> " + status + " " + response.body());
    }
  }

  /** The case as the engine holds it. */
  Map<String, Object> snapshot() {
    Task current = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    return Map.of(
        "variables", Snapshots.variables(runtimeService, instance),
        "taskVariables", Snapshots.localTaskVariables(taskService, task.getId()),
        "task", current == null ? "(gone)" : current.getTaskDefinitionKey() + " " + current.getAssignee(),
        "variableUpdates", historyService.createHistoricDetailQuery().processInstanceId(instance).count());
  }
}
