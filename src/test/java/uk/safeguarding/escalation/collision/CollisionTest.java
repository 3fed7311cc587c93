package uk.safeguarding.escalation.collision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.casefile.UserTaskListeners;
import uk.safeguarding.escalation.nssab.NssabEscalationProcess.Elements;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * Two transactions on one case, made to meet on purpose: a person's submission is held inside its
 * transaction (a test-only task listener) while the other one commits. The person never sees a 500:
 * their step is run again and succeeds, or they get a 409 with a sentence they can act on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CollisionTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Holds the first completion that enters it until released; counts every completion attempt. */
  static final class Gate {
    static final AtomicBoolean armed = new AtomicBoolean();
    static final AtomicInteger attempts = new AtomicInteger();
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    static void arm() {
      attempts.set(0);
      entered = new CountDownLatch(1);
      release = new CountDownLatch(1);
      armed.set(true);
    }

    static void pass() {
      attempts.incrementAndGet();
      if (armed.compareAndSet(true, false)) {
        entered.countDown();
        try {
          if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  @TestConfiguration
  static class HeldCompletions {
    @Bean
    ProcessEnginePlugin gateOnEveryCompletion() {
      return new AbstractProcessEnginePlugin() {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
          UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, task -> Gate.pass());
        }
      };
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  Http practitioner;

  @BeforeEach
  void setUp() {
    practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET));
  }

  @AfterEach
  void tearDown() {
    Gate.armed.set(false);
    Gate.release.countDown();
    ClockUtil.reset();
  }

  @Test
  void aDeadlineFiringWhileThePersonSavesDoesNotCostThemTheirSubmission() throws Exception {
    String caseId = startCase("NS-COLLIDE-1");
    String taskId = discussionTask(caseId);
    ClockUtil.setCurrentTime(Date.from(NssabCases.ONE_WD)); // the stage 1 deadline is now
    Job timer = managementService.createJobQuery().processInstanceId(caseId).activityId(Elements.STAGE1_DISCUSSION_OVERDUE)
        .singleResult();

    Gate.arm();
    CompletableFuture<HttpResponse<String>> submission = CompletableFuture.supplyAsync(
        () -> practitioner.post("/engine-rest/task/" + taskId + "/submit-form", NssabCases.stageRecord("escalate")));
    assertThat(Gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
    managementService.executeJob(timer.getId()); // the deadline fires and commits first
    Gate.release.countDown();
    HttpResponse<String> response = submission.get(30, TimeUnit.SECONDS);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(Gate.attempts.get()).as("completion attempts: the first lost the race and was run again").isEqualTo(2);
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult();
    assertThat(pi).isWaitingAt(Elements.RESOLVE_BETWEEN_LINE_MANAGERS);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(caseId)
        .activityId(Elements.STAGE1_DISCUSSION_OVERDUE).count()).as("the breach stays in history").isEqualTo(1);
    // what the person submitted is on record, once
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(caseId).variableUpdates().list())
        .filteredOn(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName().equals("stageOutcome"))
        .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue())
        .containsExactly("escalate", null); // recorded, then cleared on entering the next stage
  }

  @Test
  void twoWindowsSubmittingOneTaskGetOneSuccessAndOneConflictThroughRest() throws Exception {
    twoSubmissions(Http.anonymous(port).as("nssab.police.practitioner", "demo"), "/engine-rest");
  }

  @Test
  void twoWindowsSubmittingOneTaskGetOneSuccessAndOneConflictInTasklist() throws Exception {
    Http tasklist = Http.anonymous(port);
    assertThat(tasklist.webappLogin("tasklist", "nssab.police.practitioner", "demo").statusCode()).isEqualTo(200);
    twoSubmissions(tasklist, "/camunda/api/engine/engine/default");
  }

  /** The first submission is held inside its transaction while the second (another window) saves. */
  private void twoSubmissions(Http second, String api) throws Exception {
    String caseId = startCase("NS-COLLIDE-2");
    String taskId = discussionTask(caseId);

    Gate.arm();
    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
        () -> practitioner.post("/engine-rest/task/" + taskId + "/submit-form", NssabCases.stageRecord("escalate")));
    assertThat(Gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> secondResponse = api.startsWith("/engine-rest")
        ? second.post(api + "/task/" + taskId + "/submit-form", NssabCases.stageRecord("resolved"))
        : second.postWithCsrf(api + "/task/" + taskId + "/submit-form", NssabCases.stageRecord("resolved"));
    Gate.release.countDown();
    HttpResponse<String> firstResponse = first.get(30, TimeUnit.SECONDS);

    assertThat(secondResponse.statusCode()).as(secondResponse.body()).isEqualTo(204);
    assertThat(firstResponse.statusCode()).as(firstResponse.body()).isEqualTo(409);
    JsonNode error = JSON.readTree(firstResponse.body());
    // says by whom and when (the practitioner's own task, completed in their other window)
    assertThat(error.path("message").asText()).matches("This task was already completed by .+ \\(nssab\\.police\\.practitioner\\) on "
        + "\\w{3} \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\(UK time\\), here or in another window\\. Nothing you entered was saved; refresh your task list\\.");
    assertThat(firstResponse.body()).doesNotContain("Exception:").doesNotContain("ENGINE-");
    // exactly one completion counts: the second window's "resolved"
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getDeleteReason())
        .isEqualTo("completed");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("stageOutcome")
        .singleResult().getValue()).isEqualTo("resolved");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).singleResult())
        .isWaitingAt(Elements.REFER_LEARNING);
  }

  private String startCase(String reference) throws Exception {
    HttpResponse<String> started = practitioner.post(NssabCases.START, NssabCases.startBody(reference, "standard"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return JSON.readTree(started.body()).path("id").asText();
  }

  private String discussionTask(String caseId) {
    return taskService.createTaskQuery().processInstanceId(caseId).taskDefinitionKey(Elements.DISCUSS_WITH_OTHER_PRACTITIONER)
        .singleResult().getId();
  }

}
