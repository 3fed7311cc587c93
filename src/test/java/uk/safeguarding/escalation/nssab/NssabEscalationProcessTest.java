package uk.safeguarding.escalation.nssab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.safeguarding.escalation.nssab.NssabEscalationProcess.Elements.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.forms.FormValidationException;
import uk.safeguarding.escalation.notification.NotificationDeliveryProcess;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.ProcessTestProperties;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * The North Somerset procedure, path by path: the default answer at every stage is "escalate",
 * and each test resolves, times out or branches at one point. The engine clock is moved; the case
 * starts on Thursday 2 April 2026, before the Easter bank-holiday weekend.
 */
@SpringBootTest
@Import({ProcessEngineCoverageConfiguration.class, NssabEscalationProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class NssabEscalationProcessTest {

  @TestConfiguration
  static class Coverage {
    @Bean
    @org.springframework.context.annotation.Primary // over the library's default, which asserts nothing
    ProcessEngineCoverageProperties coverageProperties() {
      return ProcessEngineCoverageProperties.builder()
          .excludeProcessDefinitionKeys("smoke-test", "notification-test", NotificationDeliveryProcess.KEY)
          .assertClassCoverageAtLeast(1.0)
          .build();
    }
  }

  static final SmtpServer smtp = new SmtpServer();

  static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
  }

  /** Thursday 2 April 2026; Good Friday 3 and Easter Monday 6 April are bank holidays. */
  static final Instant OUTSET = london("2026-04-02T10:00");
  static final Instant ONE_WD = london("2026-04-07T17:00");
  static final Instant TWO_WD = london("2026-04-08T17:00");
  static final Instant THREE_WD = london("2026-04-09T17:00");
  static final Instant FIVE_WD = london("2026-04-13T17:00");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.register(registry, smtp);
  }

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.FormService formService;

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
    ClockUtil.setCurrentTime(Date.from(OUTSET));
    smtp.clear();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  // --- resolved at each stage ------------------------------------------------------------------

  @Test
  void resolvedBetweenPractitionersAtStage1() {
    ProcessInstance pi = start(standardCase());
    assertThat(pi).isWaitingAt(DISCUSS_WITH_OTHER_PRACTITIONER);
    Task discussion = task(pi, DISCUSS_WITH_OTHER_PRACTITIONER);
    assertThat(discussion.getAssignee()).isEqualTo("nssab.police.practitioner");
    assertThat(discussion.getDueDate().toInstant()).isEqualTo(ONE_WD);
    assertThat(variable(pi, "currentStage")).isEqualTo(1);

    complete(pi, DISCUSS_WITH_OTHER_PRACTITIONER, "nssab.police.practitioner", stageRecord("resolved"));
    finishWithoutLearning(pi, "nssab.police.practitioner");

    assertThat(pi).isEnded().hasPassed(RECORD_RESOLUTION, CONFIRM_OUTCOME).hasNotPassed(SEND_MONITORING_FORM);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
    assertThat(historicVariable(pi, "daysToResolution")).isEqualTo(0L);
  }

  @Test
  void resolvedBetweenLineManagersAtStage1() throws Exception {
    ProcessInstance pi = start(standardCase());
    complete(pi, DISCUSS_WITH_OTHER_PRACTITIONER, "nssab.police.practitioner", stageRecord("escalate"));
    Jobs.runDue(engine, pi.getId());

    Task lineManagers = task(pi, RESOLVE_BETWEEN_LINE_MANAGERS);
    assertThat(lineManagers).isNotNull();
    assertThat(candidateGroups(lineManagers)).containsExactly("nssab-police-line-manager");
    assertThat(lineManagers.getDueDate().toInstant()).isEqualTo(ONE_WD); // 1 WD from being told
    // the line managers record their own contact on an empty form; the practitioners' record stays in history
    assertThat(taskService.getVariable(lineManagers.getId(), "discussionSummary")).isNull();
    assertThat(taskService.getVariable(lineManagers.getId(), "disputeSummary")).isNotNull();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
        .filteredOn(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName().equals("discussionSummary"))
        .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue())
        .containsExactly("Discussed the threshold decision", null); // recorded, then cleared for the next stage
    // told: the raising agency's line managers (stage started) and the receiving agency's (intention to escalate)
    assertThat(smtp.recipients()).containsExactlyInAnyOrder(
        "nssab.police.line-manager@example.org", "nssab.la-adults.line-manager@example.org");

    smtp.clear();
    complete(pi, RESOLVE_BETWEEN_LINE_MANAGERS, "nssab.police.line-manager", stageRecord("resolved"));
    Jobs.runDue(engine, pi.getId());
    // written confirmation to all parties
    assertThat(smtp.recipients()).containsExactlyInAnyOrder("nssab.police.practitioner@example.org",
        "nssab.police.line-manager@example.org", "nssab.la-adults.line-manager@example.org");
    assertThat(smtp.received().get(0).getSubject()).isEqualTo("Case NS-2026-0042: outcome recorded at stage 1");
    finishWithoutLearning(pi, "nssab.police.practitioner");
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
  }

  @Test
  void resolvedBetweenSecondTierManagersAtStage2() {
    ProcessInstance pi = start(standardCase());
    escalateThroughStage1(pi);

    Task stage2 = task(pi, RESOLVE_BETWEEN_SECOND_TIER_MANAGERS);
    assertThat(candidateGroups(stage2)).containsExactlyInAnyOrder("nssab-police-second-tier-manager", "nssab-police-safeguarding-lead");
    assertThat(stage2.getDueDate().toInstant()).isEqualTo(TWO_WD); // counted from the outset
    assertThat(variable(pi, "currentStage")).isEqualTo(2);

    complete(pi, RESOLVE_BETWEEN_SECOND_TIER_MANAGERS, "nssab.police.safeguarding-lead", stageRecord("resolved"));
    finishWithoutLearning(pi, "nssab.police.practitioner");
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(2);
    assertThat(pi).hasNotPassed(SEND_MONITORING_FORM);
  }

  @Test
  void resolvedBetweenSeniorManagersAtStage3SendsTheMonitoringForm() {
    ProcessInstance pi = start(standardCase());
    escalateThroughStage1(pi);
    complete(pi, RESOLVE_BETWEEN_SECOND_TIER_MANAGERS, "nssab.police.second-tier-manager", stageRecord("escalate"));
    Jobs.runDue(engine, pi.getId());

    Task stage3 = task(pi, RESOLVE_BETWEEN_SENIOR_MANAGERS);
    assertThat(candidateGroups(stage3)).containsExactly("nssab-police-senior-manager");
    assertThat(stage3.getDueDate().toInstant()).isEqualTo(THREE_WD);
    assertThat(formService.getTaskFormData(stage3.getId()).getCamundaFormRef().getKey()).isEqualTo("nssab-monitoring");

    ClockUtil.setCurrentTime(Date.from(london("2026-04-08T11:00")));
    smtp.clear();
    complete(pi, RESOLVE_BETWEEN_SENIOR_MANAGERS, "nssab.police.senior-manager", monitoringForm("resolved"));
    Jobs.runDue(engine, pi.getId());

    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
    assertThat(historicVariable(pi, "daysToResolution")).isEqualTo(6L);
    // the Monitoring Form goes to the raising agency's stage-4 representative and the Business Manager
    assertThat(smtp.recipients()).contains("nssab.police.board-rep@example.org", "nssab.business-manager@example.org");
    Task distribute = task(pi, DISTRIBUTE_MONITORING_FORM);
    assertThat(candidateGroups(distribute)).containsExactly("nssab-business-manager");
    complete(pi, DISTRIBUTE_MONITORING_FORM, "nssab.business-manager", Map.of("monitoringFormDistributed", true));
    finishWithoutLearning(pi, "nssab.police.practitioner");
    assertThat(pi).isEnded();
  }

  @Test
  void resolvedAtBoardLevelAtStage4() {
    ProcessInstance pi = start(standardCase());
    escalateToStage4(pi);

    Task stage4 = task(pi, RESOLVE_AT_BOARD_LEVEL);
    assertThat(candidateGroups(stage4)).containsExactly("nssab-police-board-rep");
    // the Monitoring Form carries over from stage 3 (one form for stages 3 and 4)
    assertThat(taskService.getVariable(stage4.getId(), "adultName")).isEqualTo("Ashworth Example");
    assertThat(variable(pi, "currentStage")).isEqualTo(4);
    complete(pi, RESOLVE_AT_BOARD_LEVEL, "nssab.police.board-rep", monitoringForm("resolved"));
    Jobs.runDue(engine, pi.getId());
    complete(pi, DISTRIBUTE_MONITORING_FORM, "nssab.business-manager", Map.of("monitoringFormDistributed", true));

    // learning referred to the board this time
    smtp.clear();
    complete(pi, REFER_LEARNING, "nssab.police.practitioner",
        Map.of("learningIdentified", "yes", "learningSummary", "Thresholds guidance unclear for self-neglect"));
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.recipients()).containsExactlyInAnyOrder("nssab.police.board-rep@example.org", "nssab.business-manager@example.org");
    assertThat(pi).isEnded().hasPassed(NOTIFY_BOARD_OF_LEARNING);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(4);
  }

  @Test
  void decidedByTheMediationPanelAtStage5() {
    ProcessInstance pi = start(standardCase());
    escalateToStage4(pi);
    smtp.clear();
    complete(pi, RESOLVE_AT_BOARD_LEVEL, "nssab.police.board-rep", monitoringForm("escalate"));
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.recipients()).contains("nssab.business-manager@example.org");

    complete(pi, DECIDE_MEDIATION_OR_PANEL, "nssab.business-manager",
        Map.of("routeDecision", "panel", "routeDecisionReason", "Complex; mediation unlikely to succeed"));
    assertThat(variable(pi, "currentStage")).isEqualTo(5);
    complete(pi, RECORD_PANEL_DECISION, "nssab.business-manager", Map.of(
        "panelDate", "2026-04-20", "panelStatutoryMembers", 3, "panelMembers", "Police, health, adult social care",
        "panelDecision", "Joint assessment within 5 days", "stageOutcome", "resolved"));
    Jobs.runDue(engine, pi.getId());
    complete(pi, DISTRIBUTE_MONITORING_FORM, "nssab.business-manager", Map.of("monitoringFormDistributed", true));
    finishWithoutLearning(pi, "nssab.police.practitioner");
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(5);
  }

  @Test
  void aPanelNeedsAtLeastThreeStatutoryMembers() {
    ProcessInstance pi = start(standardCase());
    escalateToStage4(pi);
    complete(pi, RESOLVE_AT_BOARD_LEVEL, "nssab.police.board-rep", monitoringForm("escalate"));
    Jobs.runDue(engine, pi.getId());
    complete(pi, DECIDE_MEDIATION_OR_PANEL, "nssab.business-manager", Map.of("routeDecision", "mediation", "routeDecisionReason", "r"));

    assertThatThrownBy(() -> complete(pi, RECORD_PANEL_DECISION, "nssab.business-manager", Map.of(
        "panelDate", "2026-04-20", "panelStatutoryMembers", 2, "panelMembers", "Two", "panelDecision", "d", "stageOutcome", "resolved")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("panelStatutoryMembers: must be at least 3");
    assertThat(pi).isWaitingAt(RECORD_PANEL_DECISION);
  }

  // --- deadlines -------------------------------------------------------------------------------

  @Test
  void eachStageTimerFiresAtItsDeadlineNotAMinuteBeforeAndTellsTheNextLevelUp() {
    ProcessInstance pi = start(standardCase());
    assertBreach(pi, DISCUSS_WITH_OTHER_PRACTITIONER, ONE_WD, "nssab.police.practitioner@example.org", "nssab.police.line-manager@example.org");

    complete(pi, DISCUSS_WITH_OTHER_PRACTITIONER, "nssab.police.practitioner", stageRecord("escalate"));
    Jobs.runDue(engine, pi.getId());
    Instant lineManagersDue = task(pi, RESOLVE_BETWEEN_LINE_MANAGERS).getDueDate().toInstant();
    assertThat(lineManagersDue).isEqualTo(london("2026-04-08T17:00")); // told on 7 April after 17:00: 1 WD later
    assertBreach(pi, RESOLVE_BETWEEN_LINE_MANAGERS, lineManagersDue,
        "nssab.police.line-manager@example.org", "nssab.police.second-tier-manager@example.org");

    complete(pi, RESOLVE_BETWEEN_LINE_MANAGERS, "nssab.police.line-manager", stageRecord("escalate"));
    Jobs.runDue(engine, pi.getId());
    // stage 2's milestone (2 WD from the outset) has passed already: its reminder goes at once
    assertThat(smtp.received()).extracting(m -> subject(m)).contains("Case NS-2026-0042: stage 2 deadline passed");
    assertThat(smtp.recipients()).contains("nssab.police.senior-manager@example.org");
    assertThat(pi).isWaitingAt(RESOLVE_BETWEEN_SECOND_TIER_MANAGERS);

    complete(pi, RESOLVE_BETWEEN_SECOND_TIER_MANAGERS, "nssab.police.second-tier-manager", stageRecord("escalate"));
    smtp.clear();
    ClockUtil.setCurrentTime(Date.from(london("2026-04-08T17:05")));
    Jobs.runDue(engine, pi.getId());
    assertBreach(pi, RESOLVE_BETWEEN_SENIOR_MANAGERS, THREE_WD,
        "nssab.police.senior-manager@example.org", "nssab.police.board-rep@example.org");

    complete(pi, RESOLVE_BETWEEN_SENIOR_MANAGERS, "nssab.police.senior-manager", monitoringForm("escalate"));
    Jobs.runDue(engine, pi.getId());
    Instant stage4Due = task(pi, RESOLVE_AT_BOARD_LEVEL).getDueDate().toInstant();
    assertThat(stage4Due).isEqualTo(london("2026-04-16T17:00")); // 5 WD from entering stage 4 on 9 April
    assertBreach(pi, RESOLVE_AT_BOARD_LEVEL, stage4Due,
        "nssab.police.board-rep@example.org", "nssab.business-manager@example.org");

    // what an auditor reads: each breach is in history, with when it happened
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityType("boundaryTimer").orderByHistoricActivityInstanceStartTime().asc().list())
        .extracting(a -> a.getActivityId() + "@" + a.getStartTime().toInstant())
        .containsExactly(
            STAGE1_DISCUSSION_OVERDUE + "@" + ONE_WD,
            STAGE1_LINE_MANAGERS_OVERDUE + "@" + lineManagersDue,
            STAGE2_OVERDUE + "@" + london("2026-04-08T17:00"),
            STAGE3_OVERDUE + "@" + THREE_WD,
            STAGE4_OVERDUE + "@" + stage4Due);
  }

  @Test
  void theWholeCaseTimerTellsTheBusinessManagerWhenNotAtStage4Within5WorkingDays() {
    ProcessInstance pi = start(standardCase());
    Job caseTimer = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(CASE_OVERDUE).singleResult();
    assertThat(caseTimer.getDuedate().toInstant()).isEqualTo(FIVE_WD);

    ClockUtil.setCurrentTime(Date.from(FIVE_WD.minus(Duration.ofMinutes(1))));
    Jobs.runDue(engine, pi.getId());
    smtp.clear();
    assertThat(pi).hasNotPassed(NOTIFY_CASE_OVERDUE);

    ClockUtil.setCurrentTime(Date.from(FIVE_WD));
    Jobs.runDue(engine, pi.getId());
    assertThat(pi).hasPassed(NOTIFY_CASE_OVERDUE);
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.to(m).equals("nssab.business-manager@example.org"))
        .extracting(m -> subject(m))
        .containsExactly("Case NS-2026-0042: not resolved or escalated to stage 4 within the time limit");
    assertThat(pi).isWaitingAt(DISCUSS_WITH_OTHER_PRACTITIONER); // a reminder, not a decision
  }

  @Test
  void theWholeCaseTimerStaysQuietOnceTheCaseIsAtStage4() {
    ProcessInstance pi = start(immediateCase("4"));
    Jobs.runDue(engine, pi.getId());
    ClockUtil.setCurrentTime(Date.from(FIVE_WD));
    Jobs.runDue(engine, pi.getId());
    assertThat(pi).hasPassed("EndEvent_NoReminderNeeded").hasNotPassed(NOTIFY_CASE_OVERDUE);
  }

  // --- immediate risk --------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({"2, UserTask_ResolveBetweenSecondTierManagers", "3, UserTask_ResolveBetweenSeniorManagers",
      "4, UserTask_ResolveAtBoardLevel"})
  void immediateRiskMayStartAtAHigherStage(String stage, String firstTask) {
    ProcessInstance pi = start(immediateCase(stage));
    assertThat(pi).isWaitingAt(firstTask);
    assertThat(pi).hasNotPassed(DISCUSS_WITH_OTHER_PRACTITIONER);
    assertThat(variable(pi, "currentStage")).isEqualTo(Integer.parseInt(stage));
  }

  @Test
  void immediateRiskNeedsTheEmergencyReferralConfirmed() {
    Map<String, Object> vars = immediateCase("2");
    vars.put("immediateRiskReferralMade", false);
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> start(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("immediateRiskReferralMade");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void aPractitionerCannotRaiseOnBehalfOfAnotherAgency() {
    Map<String, Object> vars = standardCase();
    vars.put("raisingAgency", "health"); // the starter is a police practitioner
    assertThatThrownBy(() -> start(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("raisingAgency: must be your own agency");
  }

  @Test
  void onlyImmediateRiskMayStartAboveStage1() {
    Map<String, Object> vars = standardCase();
    vars.put("startingStage", "3");
    assertThatThrownBy(() -> start(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("startingStage: may be above 1 only when riskLevel is immediate");
  }

  // --- bad input and other agencies -------------------------------------------------------------

  @Test
  void startValuesAreCheckedAgainstTheStartForm() {
    Map<String, Object> vars = standardCase();
    vars.remove("caseReference");
    vars.put("riskLevel", "extreme");
    vars.put("receivingAgency", "la-childrens"); // not an agency of this partnership
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> start(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("caseReference: is required")
        .hasMessageContaining("riskLevel: must be one of immediate, significant-harm, standard")
        .hasMessageContaining("receivingAgency: must be one of");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void theEngineItselfRefusesACompletionThatBreaksTheForm() {
    ProcessInstance pi = start(standardCase());
    String taskId = task(pi, DISCUSS_WITH_OTHER_PRACTITIONER).getId();
    // straight through the Java API, past the HTTP layer's check
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("stageOutcome", "maybe")))
        .hasRootCauseInstanceOf(FormValidationException.class)
        .hasMessageContaining("stageOutcome: must be one of escalate, resolved")
        .hasMessageContaining("contactBetween: is required");
    assertThat(pi).isWaitingAt(DISCUSS_WITH_OTHER_PRACTITIONER);
    assertThat(variable(pi, "stageOutcome")).isNull();
  }

  @Test
  void anotherAgencysManagerNeitherSeesNorCompletesTheStage() {
    ProcessInstance pi = start(standardCase());
    complete(pi, DISCUSS_WITH_OTHER_PRACTITIONER, "nssab.police.practitioner", stageRecord("escalate"));

    String taskId = task(pi, RESOLVE_BETWEEN_LINE_MANAGERS).getId();
    identityService.setAuthentication("nssab.health.line-manager", groupsOf("nssab.health.line-manager"));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    identityService.setAuthentication("nssab.health.line-manager", groupsOf("nssab.health.line-manager"));
    assertThatThrownBy(() -> taskService.complete(taskId, stageRecord("resolved")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(pi).isWaitingAt(RESOLVE_BETWEEN_LINE_MANAGERS);
  }

  // --- helpers ---------------------------------------------------------------------------------

  static Map<String, Object> standardCase() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseReference", "NS-2026-0042");
    vars.put("subjectType", "adult");
    vars.put("raisingAgency", "police");
    vars.put("receivingAgency", "la-adults");
    vars.put("receivingPractitionerName", "Dr Riley Other");
    vars.put("disagreementCategory", "thresholds");
    vars.put("disputeSummary", "Referral closed without contact; we believe the threshold is met.");
    vars.put("riskLevel", "standard");
    return vars;
  }

  static Map<String, Object> immediateCase(String startingStage) {
    Map<String, Object> vars = standardCase();
    vars.put("riskLevel", "immediate");
    vars.put("immediateRiskReferralMade", true);
    vars.put("startingStage", startingStage);
    return vars;
  }

  static Map<String, Object> stageRecord(String outcome) {
    return Map.of("contactType", "phone", "contactBetween", "Practitioners of police and adult social care",
        "discussionSummary", "Discussed the threshold decision", "stageOutcome", outcome);
  }

  static Map<String, Object> monitoringForm(String outcome) {
    Map<String, Object> vars = new HashMap<>(Map.of(
        "adultName", "Ashworth Example", "disputeReasonAllViews", "Police: threshold met. ASC: not met.",
        "agreedOutcomes", "Joint visit", "initiatingManagerName", "I. Manager", "initiatingManagerDesignation", "DI",
        "initiatingManagerAgency", "police", "initiatingManagerDate", "2026-04-08",
        "receivingManagerName", "R. Manager", "receivingManagerDesignation", "Service manager"));
    vars.put("receivingManagerAgency", "la-adults");
    vars.put("receivingManagerDate", "2026-04-08");
    vars.put("stageOutcome", outcome);
    return vars;
  }

  private ProcessInstance start(Map<String, Object> vars) {
    identityService.setAuthentication("nssab.police.practitioner", groupsOf("nssab.police.practitioner"));
    try {
      return runtimeService.startProcessInstanceByKey(NssabEscalationProcess.KEY, (String) vars.get("caseReference"), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Completes the task as {@code user} would: it must be visible to them, they claim it, then submit. */
  private void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> vars) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
      assertThat(task).as("%s sees %s", user, taskKey).isNotNull();
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      validateAndComplete(task.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Autowired uk.safeguarding.escalation.forms.SubmissionValidator validator;

  /** What the REST layer does before the engine: the task form's rules, then completion. */
  private void validateAndComplete(String taskId, Map<String, Object> vars) {
    var violations = validator.checkTask(taskId, vars);
    if (!violations.isEmpty()) {
      throw new FormValidationException("task completion", violations);
    }
    taskService.complete(taskId, vars);
  }

  private void escalateThroughStage1(ProcessInstance pi) {
    complete(pi, DISCUSS_WITH_OTHER_PRACTITIONER, "nssab.police.practitioner", stageRecord("escalate"));
    complete(pi, RESOLVE_BETWEEN_LINE_MANAGERS, "nssab.police.line-manager", stageRecord("escalate"));
    Jobs.runDue(engine, pi.getId());
  }

  private void escalateToStage4(ProcessInstance pi) {
    escalateThroughStage1(pi);
    complete(pi, RESOLVE_BETWEEN_SECOND_TIER_MANAGERS, "nssab.police.second-tier-manager", stageRecord("escalate"));
    complete(pi, RESOLVE_BETWEEN_SENIOR_MANAGERS, "nssab.police.senior-manager", monitoringForm("escalate"));
    Jobs.runDue(engine, pi.getId());
  }

  private void finishWithoutLearning(ProcessInstance pi, String practitioner) {
    Jobs.runDue(engine, pi.getId());
    complete(pi, REFER_LEARNING, practitioner, Map.of("learningIdentified", "no"));
    Jobs.runDue(engine, pi.getId());
  }

  /** The stage's timer is due exactly at {@code due}: nothing a minute before, the breach email at it. */
  private void assertBreach(ProcessInstance pi, String taskKey, Instant due, String... recipients) {
    Task task = task(pi, taskKey);
    assertThat(task.getDueDate().toInstant()).isEqualTo(due);
    // the boundary timer of this stage is due at the same instant as the task
    List<Job> timers = managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
        .filter(j -> !CASE_OVERDUE.equals(activityOf(j))).toList();
    assertThat(timers).extracting(j -> j.getDuedate().toInstant()).containsExactly(due);

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(1))));
    smtp.clear();
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.received()).extracting(m -> subject(m)).noneMatch(s -> s.contains("deadline passed"));

    ClockUtil.setCurrentTime(Date.from(due));
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.received()).filteredOn(m -> subject(m).contains("deadline passed"))
        .extracting(SmtpServer::to).containsExactlyInAnyOrder(recipients);
    assertThat(pi).isWaitingAt(taskKey);
    smtp.clear();
  }

  private String activityOf(Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
  }

  private Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  private Object historicVariable(ProcessInstance pi, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private static String subject(jakarta.mail.internet.MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
