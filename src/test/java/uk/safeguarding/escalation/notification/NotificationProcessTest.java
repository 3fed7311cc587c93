package uk.safeguarding.escalation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.ProcessTestProperties;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * A stage with its working-day deadline, its overdue timer and its notifications, against a real
 * SMTP server (GreenMail). The engine clock is moved; nothing sleeps; the job executor is off and
 * jobs are run one by one as the executor would.
 */
@SpringBootTest
class NotificationProcessTest {

  static final SmtpServer smtp = new SmtpServer();

  /** Thursday before Easter 2026: two working days later is Wednesday 8 April (Good Friday and Easter Monday skipped). */
  static final Instant STARTED = LocalDateTime.parse("2026-04-02T11:00").atZone(WorkingDayCalendar.ZONE).toInstant();
  static final Instant DEADLINE = Instant.parse("2026-04-08T16:00:00Z"); // 17:00 BST

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.register(registry, smtp);
    registry.add("escalation.public-url", () -> "https://escalation.example.org");
  }

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired NotificationLog notificationLog;

  @BeforeAll
  static void startSmtp() {
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(STARTED));
    smtp.clear();
    if (authorizationService.createAuthorizationQuery().groupIdIn("nssab").resourceId("notification-test").count() == 0) {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("nssab");
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId("notification-test");
      grant.addPermission(Permissions.ALL);
      authorizationService.saveAuthorization(grant);
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theStageTaskIsDueAtItsWorkingDayDeadlineAndItsTimerAtTheSameInstant() {
    ProcessInstance pi = startCase("police");

    Task task = stageTask(pi);
    assertThat(task.getDueDate().toInstant()).isEqualTo(DEADLINE);
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(DEADLINE);
    assertThat(taskService.createTaskQuery().taskCandidateGroup("nssab-police-line-manager")
        .processInstanceId(pi.getId()).count()).isEqualTo(1);
  }

  @Test
  void theOwnersAreToldTheStageStartedWithALinkAndNoPersonalData() throws Exception {
    ProcessInstance pi = startCase("police");
    runDueJobs(pi);

    List<MimeMessage> mails = received();
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(SmtpServer.to(mail)).isEqualTo("nssab.police.line-manager@example.org");
    assertThat(mail.getSubject()).isEqualTo("Case NS-2026-0042: stage 1 of the escalation is with you");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body)
        .contains("case NS-2026-0042 (notification-test) has reached stage 1")
        .contains("Wednesday 8 April 2026 at 17:00 (UK time)")
        .contains("https://escalation.example.org/camunda/app/tasklist/default/#/?task=" + stageTask(pi).getId());
    User manager = identityService.createUserQuery().userId("nssab.police.line-manager").singleResult();
    assertThat(body + mail.getSubject())
        .doesNotContain("Ashworth Example").doesNotContain("placement breakdown")
        .doesNotContain("Dr Riley Other").doesNotContain(manager.getLastName());

    assertThat(notificationLog.forProcessInstance(pi.getId()))
        .extracting(NotificationLog.Entry::kind, NotificationLog.Entry::recipientUserId, NotificationLog.Entry::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("STAGE_STARTED", "nssab.police.line-manager",
            NotificationLog.Status.DELIVERED));
  }

  @Test
  void theOverdueTimerFiresAtTheDeadlineNotAMinuteBeforeAndTellsOwnerAndNextLevelUp() throws Exception {
    ProcessInstance pi = startCase("police");
    runDueJobs(pi);
    smtp.clear();

    ClockUtil.setCurrentTime(Date.from(DEADLINE.minus(Duration.ofMinutes(1))));
    runDueJobs(pi);
    assertThat(received()).isEmpty();
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().executable().count()).isZero();

    ClockUtil.setCurrentTime(Date.from(DEADLINE));
    runDueJobs(pi);
    List<MimeMessage> mails = received();
    assertThat(mails).extracting(SmtpServer::to).containsExactlyInAnyOrder(
        "nssab.police.line-manager@example.org", "nssab.police.second-tier-manager@example.org");
    assertThat(mails.get(0).getSubject()).isEqualTo("Case NS-2026-0042: stage 1 deadline passed");
    // Non-interrupting: people decide, the clock only reminds.
    assertThat(pi).isWaitingAt("UserTask_ResolveStage1");
    assertThat(pi).hasPassed("SendTask_NotifyDeadlineBreached", "EndEvent_BreachNotified");
  }

  @Test
  void aDeliveryIsOnRecordInTheNotificationLogAndLeavesNoEngineHistoryWhileTheCaseKeepsItsFullHistory() throws Exception {
    ProcessInstance pi = startCase("police");
    List<ProcessInstance> deliveries = Jobs.deliveries(engine, pi.getId());
    assertThat(deliveries).hasSize(1);
    String delivery = deliveries.get(0).getId();
    runDueJobs(pi);
    assertThat(received()).hasSize(1);
    assertThat(Jobs.deliveries(engine, pi.getId())).isEmpty();

    assertThat(notificationLog.forProcessInstance(pi.getId())).extracting(NotificationLog.Entry::notificationKey)
        .containsExactly(delivery);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(delivery).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(delivery).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(delivery).count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(delivery).count()).isZero();
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(delivery).count()).isZero();
    // the case: every step, variable update and job, as under "full"
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("UserTask_ResolveStage1").count()).isOne();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().count())
        .isGreaterThanOrEqualTo(5);
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(pi.getId()).creationLog().count()).isOne();
  }

  /** An upgrade finds deliveries waiting (mail down) that hold their request as one variable per field. */
  @Test
  void aDeliveryStartedBeforeTheRequestBecameOneVariableIsStillDelivered() throws Exception {
    ProcessInstance pi = startCase("police");
    runDueJobs(pi);
    smtp.clear();
    ProcessInstance old = runtimeService.startProcessInstanceByKey(NotificationDeliveryProcess.KEY, "NS-2026-0042", Map.of(
        NotificationDeliveryProcess.Variables.CASE_INSTANCE_ID, pi.getId(),
        NotificationDeliveryProcess.Variables.CASE_PROCESS_KEY, "notification-test",
        NotificationDeliveryProcess.Variables.CASE_REFERENCE, "NS-2026-0042",
        NotificationDeliveryProcess.Variables.STAGE, 1,
        NotificationDeliveryProcess.Variables.KIND, NotificationKind.DEADLINE_BREACHED.name(),
        NotificationDeliveryProcess.Variables.GROUPS, "nssab-police-second-tier-manager",
        NotificationDeliveryProcess.Variables.USERS, "",
        NotificationDeliveryProcess.Variables.STAGE_TASK, "UserTask_ResolveStage1",
        NotificationDeliveryProcess.Variables.NOTIFY_STAGE_OWNERS, true));
    runDueJobs(pi);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(old.getId()).count()).isZero();
    assertThat(received()).extracting(SmtpServer::to).containsExactlyInAnyOrder(
        "nssab.police.line-manager@example.org", "nssab.police.second-tier-manager@example.org");
    assertThat(received().get(0).getSubject()).isEqualTo("Case NS-2026-0042: stage 1 deadline passed");
  }

  @Test
  void aClaimedStageTellsItsAssigneeRatherThanTheWholeGroup() throws Exception {
    ProcessInstance pi = startCase("health");
    runDueJobs(pi);
    taskService.claim(stageTask(pi).getId(), "nssab.health.line-manager");
    smtp.clear();

    ClockUtil.setCurrentTime(Date.from(DEADLINE));
    runDueJobs(pi);
    assertThat(received()).extracting(SmtpServer::to).containsExactlyInAnyOrder(
        "nssab.health.line-manager@example.org", "nssab.health.second-tier-manager@example.org");
  }

  @Test
  void mailServerDownDoesNotFailTheCompletionAndTheJobDeliversOnceWhenItIsBack() throws Exception {
    ProcessInstance pi = startCase("police");
    runDueJobs(pi);
    smtp.clear();

    smtp.stop();
    taskService.complete(stageTask(pi).getId()); // the user's completion succeeds
    assertThat(pi).isEnded(); // and the case goes on (here: ends) without waiting for the mail
    runDueJobs(pi);
    Job job = deliveryJob(pi, NotificationKind.OUTCOME_RECORDED);
    assertThat(job.getRetries()).isEqualTo(4);
    assertThat(job.getExceptionMessage()).contains("OUTCOME_RECORDED").contains("not delivered to 2 of 2");
    assertThat(job.getDuedate().toInstant()).isEqualTo(STARTED.plus(Duration.ofMinutes(5)));

    smtp.start();
    ClockUtil.setCurrentTime(Date.from(STARTED.plus(Duration.ofMinutes(5))));
    runDueJobs(pi);

    assertThat(received()).extracting(SmtpServer::to).containsExactlyInAnyOrder(
        "nssab.police.practitioner@example.org", "nssab.police.line-manager@example.org");
    assertThat(Jobs.deliveries(engine, pi.getId())).isEmpty();
    assertThat(notificationLog.forProcessInstance(pi.getId()))
        .filteredOn(e -> e.kind().equals("OUTCOME_RECORDED"))
        .extracting(NotificationLog.Entry::status)
        .containsExactly(NotificationLog.Status.FAILED, NotificationLog.Status.FAILED,
            NotificationLog.Status.DELIVERED, NotificationLog.Status.DELIVERED);
  }

  @Test
  void aRetryReachesOnlyThoseNotYetReached() throws Exception {
    User noEmail = identityService.newUser("nssab.voluntary.temp-manager");
    noEmail.setFirstName("Temp");
    noEmail.setLastName("Manager");
    identityService.saveUser(noEmail);
    identityService.createMembership(noEmail.getId(), "nssab-voluntary-line-manager");
    identityService.createMembership("nssab.police.line-manager", "nssab-voluntary-line-manager");
    try {
      ProcessInstance pi = startCase("voluntary");
      runDueJobs(pi);
      assertThat(received()).extracting(SmtpServer::to).containsExactly("nssab.police.line-manager@example.org");
      Job job = deliveryJob(pi, NotificationKind.STAGE_STARTED);
      assertThat(job.getExceptionMessage()).contains("nssab.voluntary.temp-manager (no email address)");

      noEmail.setEmail("temp.manager@example.org");
      identityService.saveUser(noEmail);
      ClockUtil.setCurrentTime(Date.from(STARTED.plus(Duration.ofMinutes(5))));
      runDueJobs(pi);
      assertThat(received()).extracting(SmtpServer::to)
          .containsExactly("nssab.police.line-manager@example.org", "temp.manager@example.org");
    } finally {
      identityService.deleteMembership("nssab.police.line-manager", "nssab-voluntary-line-manager");
      identityService.deleteUser(noEmail.getId());
    }
  }

  @Test
  void aGroupWithNobodyInItBecomesAnIncidentThatAnOperatorRetriesOnceSomeoneIsInIt() {
    ProcessInstance pi = startCase("housing"); // no demo users in nssab-housing-line-manager
    for (int attempt = 0; attempt < 5; attempt++) {
      ClockUtil.setCurrentTime(Date.from(STARTED.plus(Duration.ofMinutes(5L * attempt))));
      runDueJobs(pi);
    }
    ProcessInstance delivery = Jobs.deliveries(engine, pi.getId()).get(0);
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(delivery.getId()).singleResult();
    assertThat(incident).isNotNull();
    // the incident is on the delivery (Cockpit: process notification-delivery, business key = case reference)
    assertThat(incident.getActivityId()).isEqualTo(NotificationDeliveryProcess.Elements.DELIVER);
    assertThat(delivery.getBusinessKey()).isEqualTo("NS-2026-0042");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(incident.getIncidentMessage()).contains("Nobody to notify").contains("nssab-housing-line-manager");
    // an operator's view of it is Cockpit's runtime incident; a delivery writes no engine history, even failing
    assertThat(historyService.createHistoricIncidentQuery().processInstanceId(delivery.getId()).count()).isZero();
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(delivery.getId()).count()).isZero();
    assertThat(pi).isWaitingAt("UserTask_ResolveStage1"); // the case itself goes on

    // the operator adds someone to the group (Admin) and retries the incident now (Cockpit: retry, due date "now")
    identityService.createMembership("nssab.police.line-manager", "nssab-housing-line-manager");
    try {
      managementService.setJobRetries(1)
          .jobId(managementService.createJobQuery().processInstanceId(delivery.getId()).singleResult().getId())
          .dueDate(ClockUtil.getCurrentTime()).execute();
      runDueJobs(pi);
      assertThat(received()).extracting(SmtpServer::to).containsExactly("nssab.police.line-manager@example.org");
      assertThat(Jobs.deliveries(engine, pi.getId())).isEmpty();
      assertThat(runtimeService.createIncidentQuery().processInstanceId(delivery.getId()).count()).isZero();
    } finally {
      identityService.deleteMembership("nssab.police.line-manager", "nssab-housing-line-manager");
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private ProcessInstance startCase(String raisingAgency) {
    identityService.setAuthentication("nssab.police.practitioner", List.of("nssab", "nssab-police", "nssab-police-practitioner"));
    try {
      return runtimeService.startProcessInstanceByKey("notification-test", "NS-2026-0042", Map.of(
          "caseReference", "NS-2026-0042",
          "raisingAgency", raisingAgency,
          "currentStage", 1,
          "disputeSummary", "Ashworth Example: placement breakdown not shared",
          "receivingPractitionerName", "Dr Riley Other"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task stageTask(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_ResolveStage1").singleResult();
  }

  /** The job of the case's pending delivery of one kind. */
  private Job deliveryJob(ProcessInstance pi, NotificationKind kind) {
    List<ProcessInstance> deliveries = Jobs.deliveries(engine, pi.getId()).stream()
        .filter(d -> kind.name().equals(runtimeService.getVariable(d.getId(), NotificationDeliveryProcess.Variables.KIND)))
        .toList();
    assertThat(deliveries).hasSize(1);
    return managementService.createJobQuery().processInstanceId(deliveries.get(0).getId()).singleResult();
  }

  private void runDueJobs(ProcessInstance pi) {
    Jobs.runDue(engine, pi.getId());
  }

  private static List<MimeMessage> received() {
    return smtp.received();
  }
}
