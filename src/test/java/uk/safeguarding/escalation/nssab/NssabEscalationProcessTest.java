package uk.safeguarding.escalation.nssab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.when;
import static uk.safeguarding.escalation.nssab.NssabEscalationProcess.Elements.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safeguarding.escalation.casefile.CaseRecord;
import uk.safeguarding.escalation.forms.FormValidationException;
import uk.safeguarding.escalation.support.EscalationScenarioTest;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * The North Somerset procedure, path by path: by default everyone records "escalate" (the panel
 * decides at stage 5) and each test changes what happens at one point. The case starts on
 * Thursday 2 April 2026, before the Easter bank-holiday weekend; time is fast-forwarded.
 */
class NssabEscalationProcessTest extends EscalationScenarioTest {

  static final String PRACTITIONER = "nssab.police.practitioner";
  static final String BUSINESS_MANAGER = "nssab.business-manager";

  static final Instant OUTSET = NssabCases.OUTSET;
  static final Instant ONE_WD = NssabCases.ONE_WD;
  static final Instant TWO_WD = NssabCases.london("2026-04-08T17:00");
  static final Instant THREE_WD = NssabCases.london("2026-04-09T17:00");
  static final Instant FIVE_WD = NssabCases.london("2026-04-13T17:00");

  @Override
  protected Instant outset() {
    return OUTSET;
  }

  @Override
  protected void defaults() {
    when(scenario.waitsAtUserTask(DISCUSS_WITH_OTHER_PRACTITIONER)).thenReturn(completeAs(PRACTITIONER, stageRecord("escalate")));
    when(scenario.waitsAtUserTask(RESOLVE_BETWEEN_LINE_MANAGERS)).thenReturn(completeAs("nssab.police.line-manager", stageRecord("escalate")));
    when(scenario.waitsAtUserTask(RESOLVE_BETWEEN_SECOND_TIER_MANAGERS)).thenReturn(completeAs("nssab.police.second-tier-manager", stageRecord("escalate")));
    when(scenario.waitsAtUserTask(RESOLVE_BETWEEN_SENIOR_MANAGERS)).thenReturn(completeAs("nssab.police.senior-manager", monitoringForm("escalate")));
    when(scenario.waitsAtUserTask(RESOLVE_AT_BOARD_LEVEL)).thenReturn(completeAs("nssab.police.board-rep", monitoringForm("escalate")));
    when(scenario.waitsAtUserTask(DECIDE_MEDIATION_OR_PANEL)).thenReturn(completeAs(BUSINESS_MANAGER,
        Map.of("routeDecision", "panel", "routeDecisionReason", "Complex; mediation unlikely to succeed")));
    when(scenario.waitsAtUserTask(RECORD_PANEL_DECISION)).thenReturn(completeAs(BUSINESS_MANAGER, panelDecision(3)));
    when(scenario.waitsAtUserTask(DISTRIBUTE_MONITORING_FORM)).thenReturn(completeAs(BUSINESS_MANAGER, Map.of("monitoringFormDistributed", true)));
    when(scenario.waitsAtUserTask(REFER_LEARNING)).thenReturn(completeAs(PRACTITIONER, Map.of("learningIdentified", "no")));
  }

  // --- resolved at each stage ------------------------------------------------------------------

  @Test
  void resolvedBetweenPractitionersAtStage1() {
    when(scenario.waitsAtUserTask(DISCUSS_WITH_OTHER_PRACTITIONER)).thenReturn(task -> {
      assertThat(task.getAssignee()).isEqualTo(PRACTITIONER);
      assertThat(task.getDueDate().toInstant()).isEqualTo(ONE_WD);
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(1);
      completeNow(task.getId(), PRACTITIONER, stageRecord("resolved"));
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).isEnded().hasPassed(RECORD_RESOLUTION, CONFIRM_OUTCOME).hasNotPassed(SEND_MONITORING_FORM);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
    assertThat(historicVariable(pi, "daysToResolution")).isEqualTo(0L);
  }

  @Test
  void resolvedBetweenLineManagersAtStage1() {
    when(scenario.waitsAtUserTask(RESOLVE_BETWEEN_LINE_MANAGERS)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("nssab-police-line-manager");
      assertThat(task.getDueDate().toInstant()).isEqualTo(ONE_WD); // 1 WD from being told
      // the line managers record their own contact on an empty form; the practitioners' record stays in history
      assertThat(taskService.getVariable(task.getId(), "discussionSummary")).isNull();
      assertThat(taskService.getVariable(task.getId(), "disputeSummary")).isNotNull();
      assertThat(recordedValues(task.getProcessInstanceId(), "discussionSummary"))
          .containsExactly("Discussed the threshold decision", null); // recorded, then cleared for the next stage
      // told: the raising agency's line managers (stage started) and the receiving agency's (intention to escalate)
      deliverNotifications();
      assertThat(smtp.recipients()).containsExactlyInAnyOrder(
          "nssab.police.line-manager@example.org", "nssab.la-adults.line-manager@example.org");
      smtp.clear();
      completeNow(task.getId(), "nssab.police.line-manager", stageRecord("resolved"));
    });

    ProcessInstance pi = run(standardCase());

    // written confirmation to all parties
    assertThat(smtp.recipients()).containsExactlyInAnyOrder("nssab.police.practitioner@example.org",
        "nssab.police.line-manager@example.org", "nssab.la-adults.line-manager@example.org");
    assertThat(SmtpServer.subject(smtp.received().get(0))).isEqualTo("Case NS-2026-0042: outcome recorded at stage 1");
    assertThat(pi).isEnded();
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
  }

  @Test
  void resolvedBetweenSecondTierManagersAtStage2() {
    when(scenario.waitsAtUserTask(RESOLVE_BETWEEN_SECOND_TIER_MANAGERS)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactlyInAnyOrder("nssab-police-second-tier-manager", "nssab-police-safeguarding-lead");
      assertThat(task.getDueDate().toInstant()).isEqualTo(TWO_WD); // counted from the outset
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(2);
      // told of the stage that starts, not of the one before it
      deliverNotifications();
      assertThat(subjectsTo("nssab.police.safeguarding-lead@example.org"))
          .contains("Case NS-2026-0042: stage 2 of the escalation is with you");
      completeNow(task.getId(), "nssab.police.safeguarding-lead", stageRecord("resolved"));
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).isEnded().hasNotPassed(SEND_MONITORING_FORM);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(2);
  }

  @Test
  void theStage2ManagerReadsTheCaseSoFarUnderTheFormsLabels() {
    when(scenario.waitsAtUserTask(RESOLVE_BETWEEN_SECOND_TIER_MANAGERS)).thenReturn(task -> {
      // what Tasklist shows above the form, read as the manager reads it: through their task
      String json = as("nssab.police.second-tier-manager", () -> taskService
          .<org.camunda.bpm.engine.variable.value.SerializableValue>getVariableTyped(task.getId(), "caseRecord", false)
          .getValueSerialized());
      List<CaseRecord.Entry> record = CaseRecord.entries(json);
      assertThat(record).extracting(CaseRecord.Entry::title).containsExactly("Case raised",
          "Discuss concern with the other practitioner", "Resolve concern between line managers");
      assertThat(record.get(0).by()).endsWith(" (nssab.police.practitioner)");
      assertThat(record.get(0).at()).isEqualTo("Thu 02/04/2026 10:00");
      assertThat(record.get(0).lines()).contains(new CaseRecord.Line("Your agency (raising)", "Police"),
          new CaseRecord.Line("What the disagreement is about", "Thresholds"),
          new CaseRecord.Line("Risk to the adult", "Standard"));
      assertThat(record.get(1).stage()).isEqualTo(1);
      assertThat(record.get(1).lines()).contains(new CaseRecord.Line("Type of contact", "Telephone"),
          new CaseRecord.Line("Summary of the discussion", "Discussed the threshold decision"),
          new CaseRecord.Line("Outcome of this stage", "Not resolved: escalate to the next stage"));
      assertThat(record.get(2).by()).endsWith("(nssab.police.line-manager)");
      completeNow(task.getId(), "nssab.police.safeguarding-lead", stageRecord("resolved"));
    });

    ProcessInstance pi = run(standardCase());

    // the record ends with the stage that resolved it, and nobody may submit a record of their own
    assertThat(pi).isEnded();
    assertThatThrownBy(() -> startCase(NssabEscalationProcess.KEY, PRACTITIONER, withRecord(standardCase())))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("caseRecord: is");
  }

  static Map<String, Object> withRecord(Map<String, Object> vars) {
    vars.put("caseRecord", "[]");
    return vars;
  }

  @Test
  void resolvedBetweenSeniorManagersAtStage3SendsTheMonitoringForm() {
    when(scenario.waitsAtUserTask(RESOLVE_BETWEEN_SENIOR_MANAGERS)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("nssab-police-senior-manager");
      assertThat(task.getDueDate().toInstant()).isEqualTo(THREE_WD);
      assertThat(formService().getTaskFormData(task.getId()).getCamundaFormRef().getKey()).isEqualTo("nssab-monitoring");
      at(NssabCases.london("2026-04-08T11:00"), "nssab.police.senior-manager", monitoringForm("resolved")).execute(task);
    });
    when(scenario.waitsAtUserTask(DISTRIBUTE_MONITORING_FORM)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("nssab-business-manager");
      deliverNotifications();
      // the Monitoring Form goes to the raising agency's stage-4 representative and the Business Manager
      assertThat(subjectsTo("nssab.police.board-rep@example.org")).contains("Case NS-2026-0042: Monitoring Form completed (resolved at stage 3)");
      assertThat(subjectsTo("nssab.business-manager@example.org")).contains("Case NS-2026-0042: Monitoring Form completed (resolved at stage 3)");
      // and to the resolution audit manager, as Appendix 2 asks (the partnership's auditor role)
      assertThat(subjectsTo("nssab.auditor@example.org")).contains("Case NS-2026-0042: Monitoring Form completed (resolved at stage 3)");
      completeNow(task.getId(), BUSINESS_MANAGER, Map.of("monitoringFormDistributed", true));
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).isEnded().hasPassed(SEND_MONITORING_FORM, DISTRIBUTE_MONITORING_FORM);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
    assertThat(historicVariable(pi, "daysToResolution")).isEqualTo(6L);
    // 2 to 8 April 2026: Good Friday and Easter Monday are no working days
    assertThat(historicVariable(pi, "workingDaysToResolution")).isEqualTo(2L);
  }

  @Test
  void resolvedAtBoardLevelAtStage4AndLearningReferredToTheBoard() {
    when(scenario.waitsAtUserTask(RESOLVE_AT_BOARD_LEVEL)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("nssab-police-board-rep");
      // the Monitoring Form carries over from stage 3 (one form for stages 3 and 4)
      assertThat(taskService.getVariable(task.getId(), "adultName")).isEqualTo("Ashworth Example");
      // ... but stage 4 records its own contact: "disagreements should continue to be recorded"
      assertThat(taskService.getVariable(task.getId(), "contactBetween")).isNull();
      assertThat(recordedValues(task.getProcessInstanceId(), "contactBetween")).contains("Senior managers of police and adult social care");
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(4);
      completeNow(task.getId(), "nssab.police.board-rep", monitoringForm("resolved"));
    });
    when(scenario.waitsAtUserTask(REFER_LEARNING)).thenReturn(task -> {
      deliverNotifications();
      smtp.clear();
      completeNow(task.getId(), PRACTITIONER,
          Map.of("learningIdentified", "yes", "learningSummary", "Thresholds guidance unclear for self-neglect"));
    });

    ProcessInstance pi = run(standardCase());

    deliverNotifications();
    assertThat(smtp.recipients()).containsExactlyInAnyOrder("nssab.police.board-rep@example.org", "nssab.business-manager@example.org");
    assertThat(pi).isEnded().hasPassed(NOTIFY_BOARD_OF_LEARNING);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(4);
  }

  @Test
  void decidedByTheMediationPanelAtStage5() {
    when(scenario.waitsAtUserTask(DECIDE_MEDIATION_OR_PANEL)).thenReturn(task -> {
      deliverNotifications();
      assertThat(subjectsTo("nssab.business-manager@example.org")).isNotEmpty(); // told the board level did not resolve it
      completeNow(task.getId(), BUSINESS_MANAGER, Map.of("routeDecision", "panel", "routeDecisionReason", "Complex"));
    });
    when(scenario.waitsAtUserTask(RECORD_PANEL_DECISION)).thenReturn(task -> {
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(5);
      completeNow(task.getId(), BUSINESS_MANAGER, panelDecision(3));
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).isEnded().hasPassed(NOTIFY_BUSINESS_MANAGER, RECORD_PANEL_DECISION);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(5);
  }

  @Test
  void mediationMaySettleItAtStage4() {
    when(scenario.waitsAtUserTask(DECIDE_MEDIATION_OR_PANEL)).thenReturn(completeAs(BUSINESS_MANAGER,
        Map.of("routeDecision", "mediation", "routeDecisionReason", "Both agencies willing to meet")));
    when(scenario.waitsAtUserTask(RECORD_MEDIATION_OUTCOME)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("nssab-business-manager");
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(4);
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "stageOutcome")).isNull(); // the board level's "escalate" is not taken for mediation's
      completeNow(task.getId(), BUSINESS_MANAGER, mediationOutcome("resolved"));
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).isEnded().hasPassed(RECORD_MEDIATION_OUTCOME).hasNotPassed(RECORD_PANEL_DECISION, NOTIFY_PANEL_DECISION);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(4);
  }

  @Test
  void mediationThatDoesNotSettleItGoesToThePanelWhoseDecisionGoesToAllOrganisations() {
    when(scenario.waitsAtUserTask(DECIDE_MEDIATION_OR_PANEL)).thenReturn(completeAs(BUSINESS_MANAGER,
        Map.of("routeDecision", "mediation", "routeDecisionReason", "Worth a try")));
    when(scenario.waitsAtUserTask(RECORD_MEDIATION_OUTCOME)).thenReturn(completeAs(BUSINESS_MANAGER, mediationOutcome("escalate")));

    ProcessInstance pi = run(standardCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(RECORD_MEDIATION_OUTCOME, RECORD_PANEL_DECISION, NOTIFY_PANEL_DECISION);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(5);
    assertThat(historicVariable(pi, "panelRepresentation")).isEqualTo("Both agencies presented their views");
    // final and binding on all organisations involved: each agency's board representative and senior managers
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).contains("Mediation Panel's decision"))
        .extracting(SmtpServer::to).containsExactlyInAnyOrder(
            "nssab.police.board-rep@example.org", "nssab.la-adults.board-rep@example.org",
            "nssab.police.senior-manager@example.org", "nssab.la-adults.senior-manager@example.org");
  }

  @Test
  void aPanelNeedsAtLeastThreeStatutoryMembers() {
    when(scenario.waitsAtUserTask(RECORD_PANEL_DECISION)).thenReturn(task -> {
      assertThatThrownBy(() -> completeNow(task.getId(), BUSINESS_MANAGER, panelDecision(2)))
          .isInstanceOf(FormValidationException.class).hasMessageContaining("panelStatutoryMembers: must be at least 3");
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1); // still open
      completeNow(task.getId(), BUSINESS_MANAGER, panelDecision(3));
    });

    assertThat(run(standardCase())).isEnded();
  }

  // --- deadlines -------------------------------------------------------------------------------

  @Test
  void theWholeCaseTimerTellsTheBusinessManagerWhenNotAtStage4Within5WorkingDays() {
    when(scenario.waitsAtUserTask(DISCUSS_WITH_OTHER_PRACTITIONER)).thenReturn(task -> {
      Job caseTimer = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).activityId(CASE_OVERDUE).singleResult();
      assertThat(caseTimer.getDuedate().toInstant()).isEqualTo(FIVE_WD);
      // the practitioner only acts a minute after the whole-case limit
      at(FIVE_WD.plus(Duration.ofMinutes(1)), PRACTITIONER, stageRecord("resolved")).execute(task);
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).hasPassed(NOTIFY_CASE_OVERDUE, STAGE1_DISCUSSION_OVERDUE);
    assertThat(subjectsTo("nssab.business-manager@example.org"))
        .containsExactly("Case NS-2026-0042: not resolved or escalated to stage 4 within the time limit");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(CASE_OVERDUE)
        .singleResult().getStartTime().toInstant()) // at the limit (the runner fires timers half a second after their due time)
        .isBetween(FIVE_WD, FIVE_WD.plusSeconds(1));
  }

  @Test
  void theWholeCaseTimerStaysQuietOnceTheCaseIsAtStage4() {
    when(scenario.waitsAtUserTask(RESOLVE_AT_BOARD_LEVEL)).thenReturn(
        at(FIVE_WD.plus(Duration.ofMinutes(1)), "nssab.police.board-rep", monitoringForm("resolved")));

    ProcessInstance pi = run(immediateCase("4"));

    assertThat(pi).hasPassed("EndEvent_NoReminderNeeded").hasNotPassed(NOTIFY_CASE_OVERDUE);
  }

  /** Each stage waits until its deadline: nothing a minute before, the breach email at it, to owner and next level up. */
  @Test
  void eachStageTimerFiresAtItsDeadlineNotAMinuteBeforeAndTellsTheNextLevelUp() {
    ProcessInstance pi = startCase(standardCase());
    assertBreach(pi, DISCUSS_WITH_OTHER_PRACTITIONER, ONE_WD, "nssab.police.practitioner@example.org", "nssab.police.line-manager@example.org");

    completeNow(task(pi, DISCUSS_WITH_OTHER_PRACTITIONER).getId(), PRACTITIONER, stageRecord("escalate"));
    Instant lineManagersDue = task(pi, RESOLVE_BETWEEN_LINE_MANAGERS).getDueDate().toInstant();
    assertThat(lineManagersDue).isEqualTo(NssabCases.london("2026-04-08T17:00")); // told on 7 April after 17:00: 1 WD later
    assertBreach(pi, RESOLVE_BETWEEN_LINE_MANAGERS, lineManagersDue,
        "nssab.police.line-manager@example.org", "nssab.police.second-tier-manager@example.org");

    completeNow(task(pi, RESOLVE_BETWEEN_LINE_MANAGERS).getId(), "nssab.police.line-manager", stageRecord("escalate"));
    Jobs.runDue(engine, pi.getId());
    // stage 2's milestone (2 WD from the outset) has passed already: its reminder goes at once
    assertThat(smtp.received()).extracting(SmtpServer::subject).contains("Case NS-2026-0042: stage 2 deadline passed");
    assertThat(smtp.recipients()).contains("nssab.police.senior-manager@example.org");
    assertThat(pi).isWaitingAt(RESOLVE_BETWEEN_SECOND_TIER_MANAGERS);

    completeNow(task(pi, RESOLVE_BETWEEN_SECOND_TIER_MANAGERS).getId(), "nssab.police.second-tier-manager", stageRecord("escalate"));
    smtp.clear();
    ClockUtil.setCurrentTime(Date.from(NssabCases.london("2026-04-08T17:05")));
    Jobs.runDue(engine, pi.getId());
    assertBreach(pi, RESOLVE_BETWEEN_SENIOR_MANAGERS, THREE_WD,
        "nssab.police.senior-manager@example.org", "nssab.police.board-rep@example.org");

    completeNow(task(pi, RESOLVE_BETWEEN_SENIOR_MANAGERS).getId(), "nssab.police.senior-manager", monitoringForm("escalate"));
    Jobs.runDue(engine, pi.getId());
    Instant stage4Due = task(pi, RESOLVE_AT_BOARD_LEVEL).getDueDate().toInstant();
    assertThat(stage4Due).isEqualTo(NssabCases.london("2026-04-16T17:00")); // 5 WD from entering stage 4 on 9 April
    assertBreach(pi, RESOLVE_AT_BOARD_LEVEL, stage4Due, "nssab.police.board-rep@example.org", "nssab.business-manager@example.org");

    // what an auditor reads: each breach is in history, with when it happened
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityType("boundaryTimer").orderByHistoricActivityInstanceStartTime().asc().list())
        .extracting(a -> a.getActivityId() + "@" + a.getStartTime().toInstant())
        .containsExactly(
            STAGE1_DISCUSSION_OVERDUE + "@" + ONE_WD,
            STAGE1_LINE_MANAGERS_OVERDUE + "@" + lineManagersDue,
            STAGE2_OVERDUE + "@" + TWO_WD,
            STAGE3_OVERDUE + "@" + THREE_WD,
            STAGE4_OVERDUE + "@" + stage4Due);
  }

  // --- immediate risk --------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({"2, UserTask_ResolveBetweenSecondTierManagers", "3, UserTask_ResolveBetweenSeniorManagers",
      "4, UserTask_ResolveAtBoardLevel"})
  void immediateRiskMayStartAtAHigherStage(int stage, String firstTask) {
    ProcessInstance pi = startCase(immediateCase(String.valueOf(stage)));
    assertThat(pi).isWaitingAt(firstTask).hasNotPassed(DISCUSS_WITH_OTHER_PRACTITIONER);
    assertThat(runtimeService.getVariable(pi.getId(), "currentStage")).isEqualTo(stage);
  }

  /** Recorded, never a condition: the dispute may be with the very service one would call. */
  @ParameterizedTest
  @CsvSource({"yes", "no", "not-applicable"})
  void whatWasDoneAboutAnImmediateRiskIsRecordedNotRequired(String action) {
    Map<String, Object> vars = immediateCase("3");
    vars.put("immediateRiskAction", action);
    ProcessInstance pi = startCase(vars);
    assertThat(pi).isWaitingAt(RESOLVE_BETWEEN_SENIOR_MANAGERS);
    assertThat(runtimeService.getVariable(pi.getId(), "immediateRiskAction")).isEqualTo(action);
  }

  @Test
  void anImmediateRiskNeedsARecordOfWhatWasDone() {
    Map<String, Object> vars = immediateCase("2");
    vars.remove("immediateRiskAction");
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("immediateRiskAction: is required when riskLevel is immediate");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void theContractsBooleanIsStillAcceptedAsThatRecord() {
    Map<String, Object> vars = immediateCase("2");
    vars.remove("immediateRiskAction");
    vars.put("immediateRiskReferralMade", false);
    assertThat(startCase(vars)).isWaitingAt(RESOLVE_BETWEEN_SECOND_TIER_MANAGERS);
  }

  @Test
  void aPractitionerCannotRaiseOnBehalfOfAnotherAgency() {
    Map<String, Object> vars = standardCase();
    vars.put("raisingAgency", "health"); // the starter is a police practitioner
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("raisingAgency: must be your own agency");
  }

  @Test
  void onlyImmediateRiskMayStartAboveStage1() {
    Map<String, Object> vars = standardCase();
    vars.put("startingStage", "3");
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
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
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("caseReference: is required")
        .hasMessageContaining("riskLevel: must be one of immediate, significant-harm, standard")
        .hasMessageContaining("receivingAgency: must be one of");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void theEngineItselfRefusesACompletionThatBreaksTheForm() {
    ProcessInstance pi = startCase(standardCase());
    String taskId = task(pi, DISCUSS_WITH_OTHER_PRACTITIONER).getId();
    // straight through the Java API, past the HTTP layer's check
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("stageOutcome", "maybe")))
        .hasRootCauseInstanceOf(FormValidationException.class)
        .hasMessageContaining("stageOutcome: must be one of escalate, resolved")
        .hasMessageContaining("contactBetween: is required");
    assertThat(pi).isWaitingAt(DISCUSS_WITH_OTHER_PRACTITIONER);
    assertThat(runtimeService.getVariable(pi.getId(), "stageOutcome")).isNull();
  }

  @Test
  void anotherAgencysManagerNeitherSeesNorCompletesTheStage() {
    ProcessInstance pi = startCase(standardCase());
    completeNow(task(pi, DISCUSS_WITH_OTHER_PRACTITIONER).getId(), PRACTITIONER, stageRecord("escalate"));
    String taskId = task(pi, RESOLVE_BETWEEN_LINE_MANAGERS).getId();

    assertThat(as("nssab.health.line-manager", () -> taskService.createTaskQuery().processInstanceId(pi.getId()).count())).isZero();
    assertThatThrownBy(() -> as("nssab.health.line-manager", () -> {
      taskService.complete(taskId, stageRecord("resolved"));
      return null;
    })).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(pi).isWaitingAt(RESOLVE_BETWEEN_LINE_MANAGERS);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ProcessInstance run(Map<String, Object> startVariables) {
    return run(NssabEscalationProcess.KEY, PRACTITIONER, startVariables);
  }

  /** Starts a case without running the scenario: the test takes each step itself. */
  private ProcessInstance startCase(Map<String, Object> vars) {
    return startCase(NssabEscalationProcess.KEY, PRACTITIONER, vars);
  }

  /** The stage's timer is due exactly at {@code due}: nothing a minute before, the breach email at it. */
  private void assertBreach(ProcessInstance pi, String taskKey, Instant due, String... recipients) {
    Task task = task(pi, taskKey);
    assertThat(task.getDueDate().toInstant()).isEqualTo(due);
    List<Job> timers = managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
        .filter(j -> !CASE_OVERDUE.equals(activityOf(j))).toList();
    assertThat(timers).extracting(j -> j.getDuedate().toInstant()).containsExactly(due);

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(1))));
    smtp.clear();
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.received()).extracting(SmtpServer::subject).noneMatch(s -> s.contains("deadline passed"));

    ClockUtil.setCurrentTime(Date.from(due));
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).contains("deadline passed"))
        .extracting(SmtpServer::to).containsExactlyInAnyOrder(recipients);
    assertThat(pi).isWaitingAt(taskKey);
    smtp.clear();
  }

  private String activityOf(Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
  }

  private List<Object> recordedValues(String processInstanceId, String variable) {
    return historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list().stream()
        .map(d -> (HistoricVariableUpdate) d).filter(d -> d.getVariableName().equals(variable))
        .map(HistoricVariableUpdate::getValue).toList();
  }

  private org.camunda.bpm.engine.FormService formService() {
    return engine.getFormService();
  }

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
    vars.put("immediateRiskAction", "yes");
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
    vars.put("contactType", "face-to-face");
    vars.put("contactBetween", "Senior managers of police and adult social care");
    vars.put("discussionSummary", "Reviewed the threshold decision together");
    vars.put("policyEffectiveness", "Clear; the timescales helped");
    vars.put("receivingManagerAgency", "la-adults");
    vars.put("receivingManagerDate", "2026-04-08");
    vars.put("stageOutcome", outcome);
    return vars;
  }

  static Map<String, Object> panelDecision(int statutoryMembers) {
    return Map.of("panelDate", "2026-04-20", "panelStatutoryMembers", statutoryMembers,
        "panelMembers", "Police, health, adult social care", "panelRepresentation", "Both agencies presented their views",
        "panelDecision", "Joint assessment within 5 days", "stageOutcome", "resolved");
  }

  static Map<String, Object> mediationOutcome(String outcome) {
    return Map.of("mediationDate", "2026-04-17", "mediationParticipants", "Police and adult social care managers",
        "mediationOutcome", "Discussed with a mediator", "stageOutcome", outcome);
  }
}
