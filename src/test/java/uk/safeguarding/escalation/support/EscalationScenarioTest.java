package uk.safeguarding.escalation.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.scenario.ProcessScenario;
import org.camunda.bpm.scenario.Scenario;
import org.camunda.bpm.scenario.act.UserTaskAction;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.quality.Strictness;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import uk.safeguarding.escalation.forms.FormValidationException;
import uk.safeguarding.escalation.forms.SubmissionValidator;
import uk.safeguarding.escalation.forms.Violation;
import uk.safeguarding.escalation.notification.NotificationDeliveryProcess;

/**
 * The base of every protocol's process test, in the style of camunda-platform-scenario: the
 * subclass gives each wait state a default action in {@link #defaults()} (usually "escalate"), and
 * each test overrides the one it is about, then {@link #run} drives the case to its end. Time is
 * fast-forwarded by deferring an action ({@link #at}), never slept. People act through
 * {@link #completeAs}: authenticated, claiming as Tasklist does, validated as Tasklist's submissions
 * are, and only after the notifications so far have gone out (a real SMTP server, GreenMail).
 * Process coverage of the class's own diagram is asserted at 100 %.
 */
@SpringBootTest
@Import({ProcessEngineCoverageConfiguration.class, EscalationScenarioTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class EscalationScenarioTest {

  @TestConfiguration
  public static class Coverage {
    @Bean
    @Primary // over the library's default, which asserts nothing
    ProcessEngineCoverageProperties coverageProperties() {
      return ProcessEngineCoverageProperties.builder()
          .excludeProcessDefinitionKeys("smoke-test", "notification-test", NotificationDeliveryProcess.KEY)
          .assertClassCoverageAtLeast(1.0)
          .build();
    }
  }

  protected static final SmtpServer smtp = new SmtpServer();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.register(registry, smtp);
  }

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected HistoryService historyService;
  @Autowired protected SubmissionValidator validator;

  /** A fresh mock per test; lenient, since a test overrides some defaults and never reaches others. */
  protected ProcessScenario scenario;

  @BeforeAll
  static void startSmtp() {
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @BeforeEach
  void scenarioDefaults() {
    ClockUtil.setCurrentTime(Date.from(outset()));
    smtp.clear();
    scenario = mock(ProcessScenario.class, withSettings().strictness(Strictness.LENIENT));
    defaults();
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  /** When the case starts (engine clock). */
  protected abstract Instant outset();

  /** The action at every wait state unless a test says otherwise. */
  protected abstract void defaults();

  /** Starts a case as {@code starter} (its raising practitioner) and runs the scenario to the end. */
  protected ProcessInstance run(String processKey, String starter, Map<String, Object> startVariables) {
    return Scenario.run(scenario).startBy(() -> {
          ClockUtil.setCurrentTime(Date.from(outset())); // the runner starts from the real time otherwise
          return startCase(processKey, starter, startVariables);
        })
        .engine(engine).execute().instance(scenario);
  }

  /** Starts a case as {@code starter} without running the scenario: the test takes each step itself. */
  protected ProcessInstance startCase(String processKey, String starter, Map<String, Object> startVariables) {
    return as(starter, () -> runtimeService.startProcessInstanceByKey(processKey,
        (String) startVariables.get("caseReference"), startVariables));
  }

  /** What a person does in Tasklist: sees the task, claims it if nobody has, submits the form. */
  protected UserTaskAction completeAs(String user, Map<String, Object> values) {
    return task -> completeNow(task.getId(), user, values);
  }

  /** The same action, taken at {@code when} (the clock jumps there; timers due meanwhile fire first). */
  protected UserTaskAction at(Instant when, String user, Map<String, Object> values) {
    return task -> task.defer(Duration.between(ClockUtil.getCurrentTime().toInstant(), when).toString(),
        () -> completeNow(task.getId(), user, values));
  }

  protected void completeNow(String taskId, String user, Map<String, Object> values) {
    deliverNotifications();
    as(user, () -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      assertThat(task).as("%s sees task %s", user, taskId).isNotNull();
      if (task.getAssignee() == null) {
        taskService.claim(taskId, user);
      }
      List<Violation> violations = validator.checkTask(taskId, values);
      if (!violations.isEmpty()) {
        throw new FormValidationException("task completion", violations);
      }
      taskService.complete(taskId, values);
      return null;
    });
  }

  /** Sends what has been asked for so far, as the job executor would (it is off in process tests). */
  protected void deliverNotifications() {
    // A delivery is due when it is asked for (its job's due date is the engine clock of that moment,
    // ensure-job-due-date-not-null), and the scenario runner leaves the clock at the real time, which
    // may be before a test's outset: so a delivery never tried is due whatever the clock says now;
    // one that failed waits for its retry time on the engine clock, as in production.
    managementService.createJobQuery().processDefinitionKey(NotificationDeliveryProcess.KEY).withRetriesLeft().list().stream()
        .filter(job -> job.getExceptionMessage() == null || !job.getDuedate().after(ClockUtil.getCurrentTime()))
        .forEach(job -> {
          try {
            managementService.executeJob(job.getId());
          } catch (RuntimeException e) {
            // stays failed, as in production: retried later, then an incident
          }
        });
  }

  protected <T> T as(String user, java.util.function.Supplier<T> action) {
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  // --- what a user would notice ----------------------------------------------------------------

  protected Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  protected List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  protected Object historicVariable(ProcessInstance pi, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  /** Subjects of the emails received by {@code address} so far. */
  protected List<String> subjectsTo(String address) {
    return smtp.received().stream().filter(m -> SmtpServer.to(m).equals(address)).map(SmtpServer::subject).toList();
  }
}
