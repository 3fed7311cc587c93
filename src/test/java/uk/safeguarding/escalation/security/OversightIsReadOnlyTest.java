package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
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
 * Issue 15 item 4: auditors and business managers read their partnership's cases and never change
 * one. Each tries every action Cockpit offers on a running case (and what REST offers besides),
 * over /engine-rest with HTTP Basic and over the Cockpit webapp's API with its session and CSRF
 * token: each is refused with 403 (never a 500), and the case is as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightIsReadOnlyTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> OVERSEERS = List.of("nssab.auditor", "nssab.business-manager");
  static final Map<String, String> BASES = Map.of("REST", "/engine-rest", "Cockpit", "/camunda/api/engine/engine/default");

  /** An action, written with {instance}, {task}, {job}, {activity} and {operation}; body null: none. */
  record Action(String name, String method, String path, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Action> ACTIONS = List.of(
      new Action("suspend", "PUT", "/process-instance/{instance}/suspended", "{\"suspended\": true}"),
      new Action("suspend by query", "PUT", "/process-instance/suspended",
          "{\"processInstanceIds\": [\"{instance}\"], \"suspended\": true}"),
      new Action("cancel (delete)", "DELETE", "/process-instance/{instance}", null),
      new Action("cancel as a batch", "POST", "/process-instance/delete",
          "{\"processInstanceIds\": [\"{instance}\"], \"deleteReason\": \"probe\"}"),
      new Action("modify", "POST", "/process-instance/{instance}/modification",
          "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"{activity}\"}]}"),
      new Action("set a variable", "PUT", "/process-instance/{instance}/variables/raisingAgency",
          "{\"value\": \"health\", \"type\": \"String\"}"),
      new Action("add a variable", "POST", "/process-instance/{instance}/variables",
          "{\"modifications\": {\"auditNote\": {\"value\": \"x\", \"type\": \"String\"}}}"),
      new Action("delete a variable", "DELETE", "/process-instance/{instance}/variables/raisingAgency", null),
      new Action("set a job's retries", "PUT", "/job/{job}/retries", "{\"retries\": 0}"),
      new Action("set a job's due date", "PUT", "/job/{job}/duedate", "{\"duedate\": \"2030-01-01T00:00:00.000+0000\"}"),
      new Action("run a job", "POST", "/job/{job}/execute", null),
      new Action("suspend a job", "PUT", "/job/{job}/suspended", "{\"suspended\": true}"),
      new Action("claim a task", "POST", "/task/{task}/claim", "{\"userId\": \"{user}\"}"),
      new Action("assign a task", "POST", "/task/{task}/assignee", "{\"userId\": \"{user}\"}"),
      new Action("complete a task", "POST", "/task/{task}/complete", NssabCases.stageRecord("resolved")),
      new Action("set a task variable", "PUT", "/task/{task}/variables/stageOutcome",
          "{\"value\": \"resolved\", \"type\": \"String\"}"),
      new Action("annotate an operation log entry", "PUT", "/history/user-operation/{operation}/set-annotation",
          "{\"annotation\": \"probe\"}"));

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  String instance;
  Map<String, Http> cockpitSessions = new java.util.HashMap<>();

  @BeforeAll
  void aRunningCase() throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    HttpResponse<String> started = practitioner.post(NssabCases.START, NssabCases.startBody("NS-RO-1", "standard"));
    assertThat(started.statusCode()).isEqualTo(200);
    instance = JSON.readTree(started.body()).path("id").asText();
    // the practitioner escalates (an operation log entry to annotate); the line managers' task is unclaimed
    assertThat(practitioner.post("/engine-rest/task/" + task().getId() + "/complete", NssabCases.stageRecord("escalate"))
        .statusCode()).isEqualTo(204);
    for (String user : OVERSEERS) {
      Http session = Http.anonymous(port);
      assertThat(session.webappLogin("cockpit", user, "demo").statusCode()).isEqualTo(200);
      cockpitSessions.put(user, session);
    }
  }

  Stream<Object[]> attempts() {
    List<Object[]> attempts = new ArrayList<>();
    for (String user : OVERSEERS) {
      for (String via : BASES.keySet()) {
        for (Action action : ACTIONS) {
          attempts.add(new Object[] {user, via, action});
        }
      }
    }
    return attempts.stream();
  }

  @ParameterizedTest(name = "{0} via {1}: {2}")
  @MethodSource("attempts")
  void anOverseersAttemptToActOnARunningCaseIsRefusedAndChangesNothing(String user, String via, Action action) {
    Task task = task();
    Job job = jobs().get(0); // the stage's deadline timer
    UserOperationLogEntry operation = historyService.createUserOperationLogQuery().processInstanceId(instance)
        .list().get(0);
    Map<String, Object> before = state(task, job);

    String path = BASES.get(via) + fill(action.path(), task, job, operation, user);
    String body = action.body() == null ? null : fill(action.body(), task, job, operation, user);
    HttpResponse<String> response = "REST".equals(via)
        ? Http.anonymous(port).as(user, "demo").send(action.method(), path, body)
        : cockpitSessions.get(user).sendWithCsrf(action.method(), path, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(state(task(), job)).isEqualTo(before);
    assertThat(historyService.createUserOperationLogQuery().operationId(operation.getOperationId()).list())
        .allSatisfy(entry -> assertThat(entry.getAnnotation()).isNull());
  }

  private List<Job> jobs() {
    return managementService.createJobQuery().processInstanceId(instance).orderByJobId().asc().list();
  }

  private Task task() {
    return taskService.createTaskQuery().processInstanceId(instance).singleResult();
  }

  /** What the actions would change: the case is running, unsuspended, its variables, task and timer as they were. */
  private Map<String, Object> state(Task task, Job unused) {
    var processInstance = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult();
    Map<String, Object> state = new java.util.LinkedHashMap<>();
    state.put("running", processInstance != null);
    state.put("suspended", processInstance != null && processInstance.isSuspended());
    state.put("variables", Snapshots.variables(runtimeService, instance));
    state.put("task", task == null ? null : task.getId() + " " + task.getAssignee() + " " + task.isSuspended());
    state.put("jobs", jobs().stream()
        .map(job -> job.getId() + " " + job.getRetries() + " " + job.getDuedate() + " " + job.isSuspended()).toList());
    return state;
  }

  private String fill(String text, Task task, Job job, UserOperationLogEntry operation, String user) {
    return text.replace("{instance}", instance).replace("{task}", task.getId()).replace("{job}", job.getId())
        .replace("{activity}", task.getTaskDefinitionKey()).replace("{operation}", operation.getOperationId())
        .replace("{user}", user);
  }
}
