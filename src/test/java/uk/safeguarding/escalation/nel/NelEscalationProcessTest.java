package uk.safeguarding.escalation.nel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.when;
import static uk.safeguarding.escalation.nel.NelEscalationProcess.Elements.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safeguarding.escalation.forms.FormValidationException;
import uk.safeguarding.escalation.support.EscalationScenarioTest;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NelCases;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * The North East Lincolnshire procedure, path by path: by default everyone records "not resolved"
 * and the assistant directors agree at stage 4; each test changes what happens at one point. The
 * case starts on Thursday 17 December 2026, before Christmas: Christmas Day (Friday), the
 * substitute Boxing Day holiday (Monday 28 December) and New Year's Day are no working days.
 */
class NelEscalationProcessTest extends EscalationScenarioTest {

  static final String PRACTITIONER = "nel.health.practitioner";
  static final String LINE_MANAGER = "nel.health.line-manager";
  static final String DSL = "nel.health.safeguarding-lead";
  static final String HEAD_OF_SERVICE = "nel.health.senior-manager";
  static final String ASSISTANT_DIRECTOR = "nel.health.director";
  static final String BUSINESS_MANAGER = "nel.business-manager";

  static final Instant OUTSET = NelCases.OUTSET;
  /** 15 working days from 17 December 2026: 12 January 2027, 17:00 (25, 28 December and 1 January are holidays). */
  static final Instant STAGE2_DUE = NelCases.london("2027-01-12T17:00");
  /** 25 working days from the outset: 26 January 2027, 17:00. */
  static final Instant CASE_AIM = NelCases.london("2027-01-26T17:00");

  @Override
  protected Instant outset() {
    return OUTSET;
  }

  /** Cases other tests left open may still have notifications to send: out of the way before this test counts emails. */
  @BeforeEach
  void sendWhatEarlierCasesAskedFor() {
    deliverNotifications();
    smtp.clear();
  }

  @Override
  protected void defaults() {
    when(scenario.waitsAtUserTask(RESOLVE_INFORMALLY)).thenReturn(completeAs(PRACTITIONER, NelCases.informal("escalate")));
    when(scenario.waitsAtUserTask(STAGE1_LINE_MANAGER)).thenReturn(completeAs(LINE_MANAGER, NelCases.stage1("escalate")));
    when(scenario.waitsAtUserTask(STAGE2_LINE_MANAGERS)).thenReturn(completeAs(LINE_MANAGER, NelCases.stage2("escalate")));
    when(scenario.waitsAtUserTask(STAGE3_HEADS_OF_SERVICE)).thenReturn(completeAs(HEAD_OF_SERVICE, NelCases.stage3("escalate", "no")));
    when(scenario.waitsAtUserTask(STAGE4_ASSISTANT_DIRECTORS)).thenReturn(completeAs(ASSISTANT_DIRECTOR, NelCases.stage4("resolved", "no")));
    when(scenario.waitsAtUserTask(PANEL_DECISION)).thenReturn(completeAs(BUSINESS_MANAGER, NelCases.panelDecision()));
    when(scenario.waitsAtUserTask(RECORD_DECISION_RELAYED)).thenReturn(completeAs(ASSISTANT_DIRECTOR, NelCases.decisionRelayed()));
    when(scenario.waitsAtUserTask(ENDORSE_PROCEDURE_CHANGE)).thenReturn(completeAs(BUSINESS_MANAGER, NelCases.boardEndorsement()));
  }

  // --- resolved at each stage ------------------------------------------------------------------

  @Test
  void resolvedInformallyBetweenTheParties() {
    when(scenario.waitsAtUserTask(RESOLVE_INFORMALLY)).thenReturn(task -> {
      assertThat(task.getAssignee()).isEqualTo(PRACTITIONER);
      assertThat(task.getDueDate()).isNull(); // the source sets no time for informal resolution
      completeNow(task.getId(), PRACTITIONER, NelCases.informal("resolved"));
    });

    ProcessInstance pi = run(NelCases.childCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(RECORD_RESOLUTION, CONFIRM_OUTCOME).hasNotPassed(STAGE1_LINE_MANAGER, GATEWAY_WHICH_BOARD);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
    assertThat(historicVariable(pi, "areasOfDispute")).isEqualTo("Whether the threshold for a child in need assessment is met");
    // written confirmation to the parties: the practitioner and both agencies' line managers
    assertThat(smtp.recipients()).containsExactlyInAnyOrder("nel.health.practitioner@example.org",
        "nel.health.line-manager@example.org", "nel.la-childrens.line-manager@example.org");
  }

  @Test
  void resolvedAtStage1ByTheOwnLineManagerOrDsl() {
    when(scenario.waitsAtUserTask(STAGE1_LINE_MANAGER)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactlyInAnyOrder("nel-health-line-manager", "nel-health-safeguarding-lead");
      assertThat(task.getDueDate()).isNull();
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(1);
      deliverNotifications();
      assertThat(smtp.recipients()).containsExactlyInAnyOrder("nel.health.line-manager@example.org", "nel.health.safeguarding-lead@example.org");
      smtp.clear();
      completeNow(task.getId(), DSL, NelCases.stage1("resolved"));
    });

    ProcessInstance pi = run(NelCases.childCase());

    assertThat(pi).isEnded().hasNotPassed(STAGE2_LINE_MANAGERS);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
  }

  @Test
  void resolvedAtStage2BetweenTheLineManagersOfBothParties() {
    when(scenario.waitsAtUserTask(STAGE2_LINE_MANAGERS)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactlyInAnyOrder("nel-health-line-manager", "nel-health-safeguarding-lead");
      assertThat(task.getDueDate().toInstant()).isEqualTo(STAGE2_DUE);
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(2);
      // a fresh record: stage 1's summary stays in history, not on this form
      assertThat(taskService.getVariable(task.getId(), "discussionSummary")).isNull();
      deliverNotifications();
      // the other party's line management is told of the escalation; the own line managers / DSLs own the stage
      assertThat(subjectsTo("nel.la-childrens.line-manager@example.org")).contains("Case NEL-2026-0117: intention to escalate to the next stage");
      assertThat(subjectsTo("nel.la-childrens.safeguarding-lead@example.org")).contains("Case NEL-2026-0117: intention to escalate to the next stage");
      assertThat(subjectsTo("nel.health.line-manager@example.org")).contains("Case NEL-2026-0117: stage 2 of the escalation is with you");
      completeNow(task.getId(), LINE_MANAGER, NelCases.stage2("resolved"));
    });

    ProcessInstance pi = run(NelCases.childCase());

    assertThat(pi).isEnded().hasNotPassed(STAGE3_HEADS_OF_SERVICE, STAGE2_OVERDUE);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(2);
    assertThat(historicVariable(pi, "agreedTimescale")).isEqualTo("Meet by 8 January");
  }

  @Test
  void resolvedAtStage3ByTheHeadsOfService() {
    when(scenario.waitsAtUserTask(STAGE3_HEADS_OF_SERVICE)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("nel-health-senior-manager");
      assertThat(task.getDueDate()).isNull(); // "in a timely manner": no limit in the source
      deliverNotifications();
      // the parties are informed it goes to heads of service; both heads of service are told
      assertThat(subjectsTo("nel.health.practitioner@example.org")).contains("Case NEL-2026-0117: intention to escalate to the next stage");
      assertThat(subjectsTo("nel.la-childrens.senior-manager@example.org")).contains("Case NEL-2026-0117: stage 3 of the escalation is with you");
      assertThat(subjectsTo("nel.health.senior-manager@example.org")).contains("Case NEL-2026-0117: stage 3 of the escalation is with you");
      completeNow(task.getId(), HEAD_OF_SERVICE, NelCases.stage3("resolved", "no"));
    });

    ProcessInstance pi = run(NelCases.childCase());

    assertThat(pi).isEnded().hasNotPassed(STAGE4_ASSISTANT_DIRECTORS, GATEWAY_WHICH_BOARD);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
  }

  /** Stage 4 agreement is final; the decision goes to both parties' seniors and heads of service on the day. */
  @Test
  void resolvedAtStage4ByTheAssistantDirectorsAndRelayedTheSameDay() {
    Instant decided = NelCases.london("2026-12-22T11:30");
    when(scenario.waitsAtUserTask(STAGE4_ASSISTANT_DIRECTORS)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("nel-health-director");
      deliverNotifications();
      // the stage 2 line managers get the heads of service's feedback; both ADs are told
      assertThat(subjectsTo("nel.la-childrens.line-manager@example.org")).contains("Case NEL-2026-0117: intention to escalate to the next stage");
      assertThat(subjectsTo("nel.la-childrens.director@example.org")).contains("Case NEL-2026-0117: stage 4 of the escalation is with you");
      smtp.clear();
      at(decided, ASSISTANT_DIRECTOR, NelCases.stage4("resolved", "no")).execute(task);
    });
    when(scenario.waitsAtUserTask(RECORD_DECISION_RELAYED)).thenReturn(task -> {
      assertThat(task.getDueDate().toInstant()).isEqualTo(NelCases.london("2026-12-22T17:00")); // on the day
      assertThat(candidateGroups(task)).containsExactly("nel-health-director");
      deliverNotifications();
      assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).equals("Case NEL-2026-0117: outcome recorded at stage 4"))
          .extracting(SmtpServer::to).containsExactlyInAnyOrder(
              "nel.health.line-manager@example.org", "nel.la-childrens.line-manager@example.org",
              "nel.health.senior-manager@example.org", "nel.la-childrens.senior-manager@example.org");
      assertThat(smtp.received()).extracting(m -> m.getSentDate().toInstant()).allMatch(sent -> !sent.isAfter(decided.plusSeconds(1)));
      completeNow(task.getId(), ASSISTANT_DIRECTOR, NelCases.decisionRelayed());
    });

    ProcessInstance pi = run(NelCases.childCase());

    assertThat(pi).isEnded().hasPassed(RELAY_FINAL_DECISION).hasNotPassed(PANEL_DECISION, RELAY_OVERDUE);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(4);
    assertThat(historicVariable(pi, "decisionRelayedTo")).isEqualTo("Heads of service and line managers of health and children's services");
  }

  @Test
  void theAssistantDirectorsReferToAPanelOfIndependentBoardRepresentatives() {
    when(scenario.waitsAtUserTask(STAGE4_ASSISTANT_DIRECTORS)).thenReturn(completeAs(ASSISTANT_DIRECTOR, NelCases.stage4("escalate", "no")));
    when(scenario.waitsAtUserTask(PANEL_DECISION)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("nel-business-manager"); // chaired by LSCB or SAB managers
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(4);
      deliverNotifications();
      assertThat(subjectsTo("nel.business-manager@example.org")).contains("Case NEL-2026-0117: escalation reported to the partnership");
      completeNow(task.getId(), BUSINESS_MANAGER, NelCases.panelDecision());
    });

    ProcessInstance pi = run(NelCases.childCase());

    assertThat(pi).isEnded().hasPassed(NOTIFY_PANEL_CHAIR, PANEL_DECISION, RELAY_FINAL_DECISION, RECORD_DECISION_RELAYED);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(4);
    assertThat(historicVariable(pi, "panelDecisionType")).isEqualTo("endorse");
  }

  // --- procedural change: to the LSCB for a child, the SAB for an adult -------------------------

  @Test
  void aProceduralChangeForAChildGoesToTheLscbWhichNotifiesPartnerAgencies() {
    when(scenario.waitsAtUserTask(STAGE3_HEADS_OF_SERVICE)).thenReturn(completeAs(HEAD_OF_SERVICE, NelCases.stage3("resolved", "yes")));
    when(scenario.waitsAtUserTask(ENDORSE_PROCEDURE_CHANGE)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("nel-business-manager");
      assertThat(taskService.getVariable(task.getId(), "subjectType")).isEqualTo("child");
      deliverNotifications();
      assertThat(subjectsTo("nel.independent-chair@example.org")).containsExactly("Case NEL-2026-0117: learning referred to the Board");
      smtp.clear();
      completeNow(task.getId(), BUSINESS_MANAGER, NelCases.boardEndorsement());
    });

    ProcessInstance pi = run(NelCases.childCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(REFER_TO_LSCB, ENDORSE_PROCEDURE_CHANGE, NOTIFY_PARTNER_AGENCIES).hasNotPassed(REFER_TO_SAB);
    assertThat(smtp.received()).extracting(SmtpServer::to)
        .containsExactlyInAnyOrder("nel.health.board-rep@example.org", "nel.la-childrens.board-rep@example.org");
    assertThat(smtp.received()).extracting(SmtpServer::subject).containsOnly("Case NEL-2026-0117: procedural change endorsed by the Board");
  }

  /** The change may wait for the board beyond the 25-working-day aim: a resolved case needs no reminder. */
  @Test
  void legalRequirementsNotAppliedForAnAdultGoToTheSab() {
    when(scenario.waitsAtUserTask(STAGE4_ASSISTANT_DIRECTORS)).thenReturn(completeAs(ASSISTANT_DIRECTOR, NelCases.stage4("resolved", "yes")));
    when(scenario.waitsAtUserTask(ENDORSE_PROCEDURE_CHANGE)).thenReturn(task -> {
      assertThat(taskService.getVariable(task.getId(), "subjectType")).isEqualTo("adult");
      at(CASE_AIM.plus(Duration.ofDays(7)), BUSINESS_MANAGER, NelCases.boardEndorsement()).execute(task);
    });

    ProcessInstance pi = run(NelCases.adultCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(REFER_TO_SAB, NOTIFY_PARTNER_AGENCIES, END_NO_REMINDER_NEEDED).hasNotPassed(REFER_TO_LSCB, NOTIFY_CASE_OVERDUE);
    assertThat(subjectsTo("nel.la-adults.board-rep@example.org")).contains("Case NEL-2026-0117: procedural change endorsed by the Board");
    assertThat(historicVariable(pi, "boardEndorsementReason")).isEqualTo("legal-requirements");
  }

  // --- deadlines, across Christmas 2026 ---------------------------------------------------------

  /** Stage 2's 15 working days and the case's 25: nothing a minute before, the reminder at the instant; neither decides. */
  @Test
  void stage2AndTheWholeCaseAimRemindAtTheirExactInstantsAcrossChristmas() {
    ProcessInstance pi = startCase(NelCases.childCase());
    completeNow(task(pi, RESOLVE_INFORMALLY).getId(), PRACTITIONER, NelCases.informal("escalate"));
    completeNow(task(pi, STAGE1_LINE_MANAGER).getId(), LINE_MANAGER, NelCases.stage1("escalate"));
    Jobs.runDue(engine, pi.getId());

    assertReminder(pi, STAGE2_DUE, "Case NEL-2026-0117: stage 2 deadline passed",
        "nel.health.line-manager@example.org", "nel.health.safeguarding-lead@example.org", "nel.health.senior-manager@example.org");
    assertThat(task(pi, STAGE2_LINE_MANAGERS).getDueDate().toInstant()).isEqualTo(STAGE2_DUE);

    assertReminder(pi, CASE_AIM, "Case NEL-2026-0117: not resolved within the whole-case time aim", "nel.business-manager@example.org");
    assertThat(pi).isWaitingAt(STAGE2_LINE_MANAGERS); // a reminder, never a block

    // what an auditor reads: each breach is in history, at its instant
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(STAGE2_OVERDUE).singleResult().getStartTime().toInstant()).isEqualTo(STAGE2_DUE);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(NOTIFY_CASE_OVERDUE).singleResult().getStartTime().toInstant()).isEqualTo(CASE_AIM);

    completeNow(task(pi, STAGE2_LINE_MANAGERS).getId(), LINE_MANAGER, NelCases.stage2("resolved"));
    assertThat(pi).isEnded();
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(2);
  }

  @Test
  void theSameDayRelayRemindsAt17OnTheDayOfTheDecision() {
    ProcessInstance pi = startCase(NelCases.adultCase());
    completeNow(task(pi, RESOLVE_INFORMALLY).getId(), PRACTITIONER, NelCases.informal("escalate"));
    completeNow(task(pi, STAGE1_LINE_MANAGER).getId(), LINE_MANAGER, NelCases.stage1("escalate"));
    completeNow(task(pi, STAGE2_LINE_MANAGERS).getId(), LINE_MANAGER, NelCases.stage2("escalate"));
    completeNow(task(pi, STAGE3_HEADS_OF_SERVICE).getId(), HEAD_OF_SERVICE, NelCases.stage3("escalate", "no"));
    // the assistant directors agree on Christmas Eve morning (a working day)
    ClockUtil.setCurrentTime(Date.from(NelCases.london("2026-12-24T09:15")));
    completeNow(task(pi, STAGE4_ASSISTANT_DIRECTORS).getId(), ASSISTANT_DIRECTOR, NelCases.stage4("resolved", "no"));
    Jobs.runDue(engine, pi.getId());
    Instant endOfDay = NelCases.london("2026-12-24T17:00");

    assertReminder(pi, endOfDay, "Case NEL-2026-0117: stage 4 deadline passed",
        "nel.health.director@example.org", "nel.business-manager@example.org");
    assertThat(task(pi, RECORD_DECISION_RELAYED).getDueDate().toInstant()).isEqualTo(endOfDay);
    assertThat(pi).isWaitingAt(RECORD_DECISION_RELAYED);
  }

  // --- immediate risk and the start -------------------------------------------------------------

  /** Recorded, never a condition: the dispute may be with the very service one would call. */
  @ParameterizedTest
  @CsvSource({"child, yes", "child, no", "adult, not-applicable"})
  void whatWasDoneAboutAnImmediateRiskIsRecordedNotRequired(String subjectType, String action) {
    Map<String, Object> vars = "child".equals(subjectType) ? NelCases.childCase() : NelCases.adultCase();
    vars.put("riskLevel", "immediate");
    vars.put("immediateRiskAction", action);
    ProcessInstance pi = startCase(vars);
    assertThat(pi).isWaitingAt(RESOLVE_INFORMALLY);
    assertThat(runtimeService.getVariable(pi.getId(), "immediateRiskAction")).isEqualTo(action);
  }

  @Test
  void anImmediateRiskNeedsARecordOfWhatWasDone() {
    Map<String, Object> vars = NelCases.childCase();
    vars.put("riskLevel", "immediate");
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("immediateRiskAction: is required when riskLevel is immediate");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void everyCaseStartsWithInformalResolution() {
    Map<String, Object> vars = NelCases.childCase();
    vars.put("startingStage", "3");
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("startingStage: must be 1");
  }

  @Test
  void startValuesAreCheckedAgainstTheStartForm() {
    Map<String, Object> vars = NelCases.childCase();
    vars.put("subjectType", "family");
    vars.put("conflictFramework", "other");
    vars.remove("caseReference");
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("caseReference: is required")
        .hasMessageContaining("subjectType: must be one of")
        .hasMessageContaining("conflictFrameworkOther: is required when conflictFramework is other");
  }

  @Test
  void stage3RecordsTheDirectorsItIsEscalatedTo() {
    when(scenario.waitsAtUserTask(STAGE3_HEADS_OF_SERVICE)).thenReturn(task -> {
      Map<String, Object> values = new HashMap<>(NelCases.stage3("escalate", "no"));
      values.remove("directorsEscalatedTo");
      assertThatThrownBy(() -> completeNow(task.getId(), HEAD_OF_SERVICE, values)).isInstanceOf(FormValidationException.class)
          .hasMessageContaining("directorsEscalatedTo: is required when stage 3 escalates");
      Map<String, Object> flagged = new HashMap<>(NelCases.stage3("resolved", "yes"));
      flagged.remove("boardEndorsementReason");
      assertThatThrownBy(() -> completeNow(task.getId(), HEAD_OF_SERVICE, flagged)).isInstanceOf(FormValidationException.class)
          .hasMessageContaining("boardEndorsementReason: is required when boardEndorsementNeeded is yes");
      completeNow(task.getId(), HEAD_OF_SERVICE, NelCases.stage3("escalate", "no"));
    });

    ProcessInstance pi = run(NelCases.childCase());

    assertThat(pi).isEnded();
    assertThat(historicVariable(pi, "directorsEscalatedTo")).isEqualTo("Assistant directors of health and children's services");
  }

  @Test
  void anotherAgencysManagerNeitherSeesNorCompletesStage1() {
    ProcessInstance pi = startCase(NelCases.childCase());
    completeNow(task(pi, RESOLVE_INFORMALLY).getId(), PRACTITIONER, NelCases.informal("escalate"));
    String taskId = task(pi, STAGE1_LINE_MANAGER).getId();

    assertThat(as("nel.la-adults.line-manager", () -> taskService.createTaskQuery().processInstanceId(pi.getId()).count())).isZero();
    assertThatThrownBy(() -> as("nel.la-adults.line-manager", () -> {
      taskService.complete(taskId, NelCases.stage1("resolved"));
      return null;
    })).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(pi).isWaitingAt(STAGE1_LINE_MANAGER);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ProcessInstance run(Map<String, Object> startVariables) {
    return run(NelEscalationProcess.KEY, PRACTITIONER, startVariables);
  }

  private ProcessInstance startCase(Map<String, Object> vars) {
    return startCase(NelEscalationProcess.KEY, PRACTITIONER, vars);
  }

  /** A timer of the case is due exactly at {@code due}: nothing a minute before, the email at it. */
  private void assertReminder(ProcessInstance pi, Instant due, String subject, String... recipients) {
    List<Job> timers = managementService.createJobQuery().processInstanceId(pi.getId()).timers().list();
    assertThat(timers).extracting(j -> j.getDuedate().toInstant()).contains(due);

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(1))));
    smtp.clear();
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.received()).extracting(SmtpServer::subject).doesNotContain(subject);

    ClockUtil.setCurrentTime(Date.from(due));
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).equals(subject))
        .extracting(SmtpServer::to).containsExactlyInAnyOrder(recipients);
    smtp.clear();
  }
}
