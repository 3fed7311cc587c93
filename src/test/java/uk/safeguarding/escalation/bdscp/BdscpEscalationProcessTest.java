package uk.safeguarding.escalation.bdscp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.when;
import static uk.safeguarding.escalation.bdscp.BdscpEscalationProcess.Elements.*;
import static uk.safeguarding.escalation.support.NelCases.london;

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
import uk.safeguarding.escalation.forms.FormValidationException;
import uk.safeguarding.escalation.support.BdscpCases;
import uk.safeguarding.escalation.support.EscalationScenarioTest;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * The Barking and Dagenham protocol, path by path: by default nobody resolves it until the
 * Independent Scrutineer's meeting; each test changes what happens at one point. The case starts on
 * Thursday 27 August 2026, 10:00: Monday 31 August is the Summer bank holiday, no working day.
 */
class BdscpEscalationProcessTest extends EscalationScenarioTest {

  static final String PRACTITIONER = "bdscp.police.practitioner";
  static final String COLLEAGUE = "bdscp.la-childrens.practitioner";
  static final String LINE_MANAGER = "bdscp.police.line-manager";
  static final String REFERRING_SL = "bdscp.police.safeguarding-lead";
  static final String RECEIVING_SL = "bdscp.la-childrens.safeguarding-lead";
  static final String DIRECTOR = "bdscp.police.director";
  static final String BUSINESS_MANAGER = "bdscp.business-manager";
  static final String SCRUTINEER = "bdscp.independent-chair";
  static final String SUBJECT = "Case BD-2026-0827: ";

  static final Instant OUTSET = BdscpCases.OUTSET;
  /** 2 working days from Thursday 27 August: Friday 28, (bank holiday), Tuesday 1 September, 17:00. */
  static final Instant TWO_WORKING_DAYS = london("2026-09-01T17:00");
  /** 7 working days from 27 August: Tuesday 8 September, 17:00. */
  static final Instant SEVEN_WORKING_DAYS = london("2026-09-08T17:00");
  /** 3 working days from 27 August (a baby is involved): Wednesday 2 September, 17:00. */
  static final Instant THREE_WORKING_DAYS = london("2026-09-02T17:00");
  /** The action plan's latest "by when", 18 September 2026, at close of business. */
  static final Instant ACTION_PLAN_END = london("2026-09-18T17:00");

  @Override
  protected Instant outset() {
    return OUTSET;
  }

  @BeforeEach
  void sendWhatEarlierCasesAskedFor() {
    deliverNotifications();
    smtp.clear();
  }

  @Override
  protected void defaults() {
    when(scenario.waitsAtUserTask(STAGE1_LIAISE)).thenReturn(completeAs(PRACTITIONER, BdscpCases.liaise("phone")));
    when(scenario.waitsAtUserTask(STAGE1_REPLY)).thenReturn(completeAs(COLLEAGUE, BdscpCases.reply()));
    when(scenario.waitsAtUserTask(STAGE1_RECORD)).thenReturn(completeAs(PRACTITIONER, BdscpCases.record("escalate")));
    when(scenario.waitsAtUserTask(STAGE2_REVIEW)).thenReturn(completeAs(LINE_MANAGER, BdscpCases.review("yes", null)));
    when(scenario.waitsAtUserTask(STAGE2_STRATEGY)).thenReturn(completeAs(LINE_MANAGER, BdscpCases.strategy("escalate")));
    when(scenario.waitsAtUserTask(STAGE3_PHONE_CONTACT)).thenReturn(completeAs(REFERRING_SL, BdscpCases.phoneContact()));
    when(scenario.waitsAtUserTask(STAGE3_APPENDIX_A)).thenReturn(
        completeAs(REFERRING_SL, BdscpCases.appendixA(BdscpCases.actionPlan("2026-09-18", "2026-09-14"))));
    when(scenario.waitsAtTimerIntermediateEvent(ACTION_PLAN_DUE)).thenReturn(timer -> {});
    when(scenario.waitsAtUserTask(STAGE3_CONTACT_REFERRING_SL)).thenReturn(completeAs(RECEIVING_SL, BdscpCases.contactReferringSl()));
    when(scenario.waitsAtUserTask(STAGE3_OUTCOME)).thenReturn(completeAs(REFERRING_SL, BdscpCases.outcome("escalate", "no", "no")));
    when(scenario.waitsAtUserTask(STAGE3_SENIOR_ESCALATION)).thenReturn(completeAs(DIRECTOR, BdscpCases.senior("escalate")));
    when(scenario.waitsAtUserTask(STAGE4_MEETING_DATE)).thenReturn(completeAs(BUSINESS_MANAGER, BdscpCases.meetingDate()));
    when(scenario.waitsAtUserTask(STAGE4_SCRUTINEER_MEETING)).thenReturn(completeAs(SCRUTINEER, BdscpCases.meeting()));
    when(scenario.waitsAtUserTask(STAGE4_ACTED_UPON)).thenReturn(completeAs(BUSINESS_MANAGER, BdscpCases.actedUpon()));
    when(scenario.waitsAtUserTask(RECORD_PDL_REFERRAL)).thenReturn(completeAs(BUSINESS_MANAGER, BdscpCases.pdlReferral()));
  }

  // --- stage 1: three steps, each counted from the one before ------------------------------------

  /** Liaising on Friday afternoon: the reply's 3 working days skip the bank holiday (Thursday 3 September). */
  @Test
  void resolvedAtStage1WithEachStepCountedFromThePreviousOne() {
    Instant friday = london("2026-08-28T16:00");
    Instant replied = london("2026-09-02T11:00");
    when(scenario.waitsAtUserTask(STAGE1_LIAISE)).thenReturn(task -> {
      assertThat(task.getAssignee()).isEqualTo(PRACTITIONER);
      assertThat(task.getDueDate().toInstant()).isEqualTo(TWO_WORKING_DAYS);
      at(friday, PRACTITIONER, BdscpCases.liaise("face-to-face")).execute(task);
    });
    when(scenario.waitsAtUserTask(STAGE1_REPLY)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bdscp-la-childrens-practitioner");
      assertThat(task.getDueDate().toInstant()).isEqualTo(london("2026-09-03T17:00"));
      deliverNotifications();
      assertThat(subjectsTo("bdscp.la-childrens.practitioner@example.org")).contains(SUBJECT + "stage 1 of the escalation is with you");
      at(replied, COLLEAGUE, BdscpCases.reply()).execute(task);
    });
    when(scenario.waitsAtUserTask(STAGE1_RECORD)).thenReturn(task -> {
      assertThat(task.getAssignee()).isEqualTo(PRACTITIONER);
      assertThat(task.getDueDate().toInstant()).isEqualTo(london("2026-09-04T17:00")); // a further 2 working days
      smtp.clear();
      completeNow(task.getId(), PRACTITIONER, BdscpCases.record("resolved"));
    });

    ProcessInstance pi = run(BdscpCases.childCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(RECORD_RESOLUTION, CONFIRM_OUTCOME, END_RESOLVED)
        .hasNotPassed(STAGE2_REVIEW, NOTIFY_ON_CALL, STAGE1_LIAISE_OVERDUE);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
    assertThat(historicVariable(pi, "agreedSolution")).isEqualTo("None agreed");
    // 3.6: written confirmation to the referring practitioner and both line managers
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).equals(SUBJECT + "outcome recorded at stage 1"))
        .extracting(SmtpServer::to).containsExactlyInAnyOrder("bdscp.police.practitioner@example.org",
            "bdscp.police.line-manager@example.org", "bdscp.la-childrens.line-manager@example.org");
  }

  /** Each step breached at its exact instant; the next step counts from when the previous one was done. */
  @Test
  void eachStage1StepIsRemindedAtItsExactInstantAcrossTheBankHoliday() {
    ProcessInstance pi = startCase(BdscpCases.childCase());
    Jobs.runDue(engine, pi.getId());

    assertReminder(pi, TWO_WORKING_DAYS, SUBJECT + "stage 1 deadline passed",
        "bdscp.police.practitioner@example.org", "bdscp.police.line-manager@example.org");
    ClockUtil.setCurrentTime(Date.from(london("2026-09-01T17:30")));
    completeNow(task(pi, STAGE1_LIAISE).getId(), PRACTITIONER, BdscpCases.liaise("phone"));
    // 3 working days from Tuesday 1 September: Friday 4 September
    assertReminder(pi, london("2026-09-04T17:00"), SUBJECT + "stage 1 deadline passed",
        "bdscp.la-childrens.practitioner@example.org", "bdscp.la-childrens.line-manager@example.org");
    ClockUtil.setCurrentTime(Date.from(london("2026-09-07T09:00")));
    completeNow(task(pi, STAGE1_REPLY).getId(), COLLEAGUE, BdscpCases.reply());
    // a further 2 working days from Monday 7 September: Wednesday 9 September
    assertReminder(pi, london("2026-09-09T17:00"), SUBJECT + "stage 1 deadline passed",
        "bdscp.police.practitioner@example.org", "bdscp.police.line-manager@example.org");
    assertThat(pi).isWaitingAt(STAGE1_RECORD); // reminders never decide

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(STAGE1_REPLY_OVERDUE).singleResult().getStartTime().toInstant()).isEqualTo(london("2026-09-04T17:00"));
    completeNow(task(pi, STAGE1_RECORD).getId(), PRACTITIONER, BdscpCases.record("resolved"));
    assertThat(pi).isEnded().hasPassed(STAGE1_LIAISE_OVERDUE, STAGE1_REPLY_OVERDUE, STAGE1_RECORD_OVERDUE);
  }

  /** "Should therefore not take place by email": refused server-side, with the protocol's words. */
  @Test
  void emailContactIsRefusedWithTheProtocolsWords() {
    ProcessInstance pi = startCase(BdscpCases.childCase());
    String taskId = task(pi, STAGE1_LIAISE).getId();

    assertThatThrownBy(() -> completeNow(taskId, PRACTITIONER, BdscpCases.liaise("email")))
        .isInstanceOf(FormValidationException.class)
        .hasMessageContaining("contactType: must not be email")
        .hasMessageContaining("should therefore not take place by email");
    assertThat(pi).isWaitingAt(STAGE1_LIAISE);
  }

  // --- stage 2 --------------------------------------------------------------------------------

  @Test
  void resolvedAtStage2WithinSevenWorkingDays() {
    when(scenario.waitsAtUserTask(STAGE2_REVIEW)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bdscp-police-line-manager");
      assertThat(task.getDueDate().toInstant()).isEqualTo(SEVEN_WORKING_DAYS);
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(2);
      deliverNotifications();
      // 4.1.4: the colleague is told the practitioner is taking it to their manager
      assertThat(subjectsTo("bdscp.la-childrens.practitioner@example.org")).contains(SUBJECT + "intention to escalate to the next stage");
      assertThat(subjectsTo("bdscp.police.line-manager@example.org")).contains(SUBJECT + "stage 2 of the escalation is with you");
      completeNow(task.getId(), LINE_MANAGER, BdscpCases.review("yes", null));
    });
    when(scenario.waitsAtUserTask(STAGE2_STRATEGY)).thenReturn(task -> {
      assertThat(task.getDueDate().toInstant()).isEqualTo(SEVEN_WORKING_DAYS); // 7 working days from the start of stage 2
      completeNow(task.getId(), LINE_MANAGER, BdscpCases.strategy("resolved"));
    });

    ProcessInstance pi = run(BdscpCases.childCase());

    assertThat(pi).isEnded().hasNotPassed(STAGE3_PHONE_CONTACT, STAGE2_STRATEGY_OVERDUE);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(2);
    assertThat(historicVariable(pi, "conflictResolutionStrategy")).isEqualTo("Joint review of the referral by both teams");
  }

  /** A baby: 3 working days; an earlier date set by the line manager wins and is reminded at that instant. */
  @Test
  void aBabyShortensStage2AndTheLineManagersEarlierDateIsTheDeadline() {
    Map<String, Object> baby = BdscpCases.childCase();
    baby.put("babyInvolved", "yes");
    ProcessInstance pi = startCase(baby);
    completeNow(task(pi, STAGE1_LIAISE).getId(), PRACTITIONER, BdscpCases.liaise("phone"));
    completeNow(task(pi, STAGE1_REPLY).getId(), COLLEAGUE, BdscpCases.reply());
    completeNow(task(pi, STAGE1_RECORD).getId(), PRACTITIONER, BdscpCases.record("escalate"));
    assertThat(task(pi, STAGE2_REVIEW).getDueDate().toInstant()).isEqualTo(THREE_WORKING_DAYS);

    completeNow(task(pi, STAGE2_REVIEW).getId(), LINE_MANAGER, BdscpCases.review("yes", "2026-09-01"));
    Instant earlier = london("2026-09-01T17:00");
    assertThat(task(pi, STAGE2_STRATEGY).getDueDate().toInstant()).isEqualTo(earlier);
    assertReminder(pi, earlier, SUBJECT + "stage 2 deadline passed",
        "bdscp.police.line-manager@example.org", "bdscp.police.safeguarding-lead@example.org");

    completeNow(task(pi, STAGE2_STRATEGY).getId(), LINE_MANAGER, BdscpCases.strategy("resolved"));
    assertThat(pi).isEnded().hasPassed(STAGE2_STRATEGY_OVERDUE);
  }

  /** Without a baby or an earlier date, both stage-2 steps are due 7 working days after stage 2 began. */
  @Test
  void stage2IsRemindedSevenWorkingDaysAfterItBegan() {
    ProcessInstance pi = startCase(BdscpCases.childCase());
    completeNow(task(pi, STAGE1_LIAISE).getId(), PRACTITIONER, BdscpCases.liaise("phone"));
    completeNow(task(pi, STAGE1_REPLY).getId(), COLLEAGUE, BdscpCases.reply());
    completeNow(task(pi, STAGE1_RECORD).getId(), PRACTITIONER, BdscpCases.record("escalate"));
    assertReminder(pi, SEVEN_WORKING_DAYS, SUBJECT + "stage 2 deadline passed",
        "bdscp.police.line-manager@example.org", "bdscp.police.safeguarding-lead@example.org");

    // reviewed late: the strategy is already overdue (stage 2 began on 27 August), its reminder goes at once
    ClockUtil.setCurrentTime(Date.from(london("2026-09-09T10:00")));
    completeNow(task(pi, STAGE2_REVIEW).getId(), LINE_MANAGER, BdscpCases.review("yes", null));
    assertThat(task(pi, STAGE2_STRATEGY).getDueDate().toInstant()).isEqualTo(SEVEN_WORKING_DAYS);
    Jobs.runDue(engine, pi.getId());
    assertThat(pi).hasPassed(STAGE2_REVIEW_OVERDUE, STAGE2_STRATEGY_OVERDUE).isWaitingAt(STAGE2_STRATEGY);
  }

  /** 3.7a: not for complaints about a specific professional; the practitioner is told and the case ends. */
  @Test
  void aConcernOutsideThePurposeOfTheProcedureEndsAtStage2() {
    when(scenario.waitsAtUserTask(STAGE2_REVIEW)).thenReturn(task -> {
      Map<String, Object> noReason = new HashMap<>(BdscpCases.review("no", null));
      noReason.remove("fitsProcedureReason");
      assertThatThrownBy(() -> completeNow(task.getId(), LINE_MANAGER, noReason)).isInstanceOf(FormValidationException.class)
          .hasMessageContaining("fitsProcedureReason: is required");
      completeNow(task.getId(), LINE_MANAGER, BdscpCases.review("no", null));
    });

    ProcessInstance pi = run(BdscpCases.childCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(TELL_NOT_FOR_PROCEDURE, END_NOT_FOR_PROCEDURE).hasNotPassed(STAGE2_STRATEGY, RECORD_RESOLUTION);
    assertThat(subjectsTo("bdscp.police.practitioner@example.org")).contains(SUBJECT + "outcome recorded at stage 2");
  }

  // --- stage 3: Safeguarding Leads, Appendix A -------------------------------------------------

  /** The plan's latest "by when" brings the receiving SL's task; resolved, the heads of service told, the learning to the PDL. */
  @Test
  void resolvedAtStage3AfterTheActionPlansLatestDateWithLearningForThePdlSubgroup() {
    when(scenario.waitsAtUserTask(STAGE3_PHONE_CONTACT)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bdscp-police-safeguarding-lead");
      assertThat(task.getDueDate().toInstant()).isEqualTo(TWO_WORKING_DAYS);
      deliverNotifications();
      // 4.2.1: the colleague and their line manager are told of the referral to the SL
      assertThat(subjectsTo("bdscp.la-childrens.line-manager@example.org")).contains(SUBJECT + "intention to escalate to the next stage");
      // 3.6: the referring practitioner is kept informed of the progress of their concern
      assertThat(subjectsTo("bdscp.police.practitioner@example.org")).contains(SUBJECT + "intention to escalate to the next stage");
      completeNow(task.getId(), REFERRING_SL, BdscpCases.phoneContact());
    });
    when(scenario.waitsAtUserTask(STAGE3_CONTACT_REFERRING_SL)).thenReturn(task -> {
      assertThat(ClockUtil.getCurrentTime().toInstant()).isBetween(ACTION_PLAN_END, ACTION_PLAN_END.plusSeconds(1));
      assertThat(candidateGroups(task)).containsExactly("bdscp-la-childrens-safeguarding-lead");
      deliverNotifications();
      assertThat(subjectsTo("bdscp.la-childrens.safeguarding-lead@example.org")).contains(SUBJECT + "stage 3 of the escalation is with you");
      smtp.clear();
      completeNow(task.getId(), RECEIVING_SL, BdscpCases.contactReferringSl());
    });
    when(scenario.waitsAtTimerIntermediateEvent(ACTION_PLAN_DUE)).thenReturn(timer -> assertThat(managementService.createJobQuery()
        .processInstanceId(timer.getProcessInstanceId()).activityId(ACTION_PLAN_DUE).singleResult().getDuedate().toInstant())
        .isEqualTo(ACTION_PLAN_END)); // the latest "by when" (18 September), not the first row's
    when(scenario.waitsAtUserTask(STAGE3_OUTCOME)).thenReturn(completeAs(REFERRING_SL, BdscpCases.outcome("resolved", "yes", "yes")));
    when(scenario.waitsAtUserTask(RECORD_PDL_REFERRAL)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bdscp-business-manager");
      deliverNotifications();
      assertThat(subjectsTo("bdscp.business-manager@example.org")).contains(SUBJECT + "learning referred to the Board");
      completeNow(task.getId(), BUSINESS_MANAGER, BdscpCases.pdlReferral());
    });

    ProcessInstance pi = run(BdscpCases.childCase());

    assertThat(pi).isEnded().hasPassed(SHARE_ACTION_PLAN, ACTION_PLAN_DUE, NOTIFY_HEAD_OF_SERVICE, REFER_TO_PDL, END_LEARNING_REFERRED)
        .hasNotPassed(STAGE3_SENIOR_ESCALATION);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
    assertThat(historicVariable(pi, "pdlMeetingDate")).isEqualTo("2026-10-14");
    assertThat(historicVariable(pi, "whoCalled")).isEqualTo("sl-called-practitioner");
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).equals(SUBJECT + "outcome recorded at stage 3"))
        .extracting(SmtpServer::to).contains("bdscp.police.senior-manager@example.org", "bdscp.la-childrens.senior-manager@example.org");
  }

  /** Section B is a table: each row needs an agreed action, who does it and by when (server-side). */
  @Test
  void eachActionOfSectionBNeedsAnActionAnOwnerAndADate() {
    when(scenario.waitsAtUserTask(STAGE3_APPENDIX_A)).thenReturn(task -> {
      String incomplete = "[{\"issue\":\"Threshold\",\"agreedAction\":\"Strategy discussion\",\"byWhom\":\"\",\"byWhen\":\"2026-09-18\"},"
          + "{\"issue\":\"Records\",\"agreedAction\":\"\",\"byWhom\":\"Police SL\",\"byWhen\":\"soon\"}]";
      assertThatThrownBy(() -> completeNow(task.getId(), REFERRING_SL, BdscpCases.appendixA(incomplete)))
          .isInstanceOf(FormValidationException.class)
          .hasMessageContaining("actionPlan[1].byWhom: is required")
          .hasMessageContaining("actionPlan[2].agreedAction: is required")
          .hasMessageContaining("actionPlan[2].byWhen: must be a date");
      assertThatThrownBy(() -> completeNow(task.getId(), REFERRING_SL, BdscpCases.appendixA("[]")))
          .isInstanceOf(FormValidationException.class).hasMessageContaining("actionPlan: needs at least one agreed action");
      completeNow(task.getId(), REFERRING_SL, BdscpCases.appendixA(BdscpCases.actionPlan("2026-09-18")));
    });
    when(scenario.waitsAtUserTask(STAGE3_OUTCOME)).thenReturn(completeAs(REFERRING_SL, BdscpCases.outcome("resolved", "no", "no")));

    ProcessInstance pi = run(BdscpCases.childCase());

    assertThat(pi).isEnded().hasNotPassed(NOTIFY_HEAD_OF_SERVICE, REFER_TO_PDL);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
  }

  @Test
  void theSafeguardingLeadsPhoneContactIsRemindedAfterTwoWorkingDays() {
    ProcessInstance pi = startCase(BdscpCases.childCase());
    completeNow(task(pi, STAGE1_LIAISE).getId(), PRACTITIONER, BdscpCases.liaise("phone"));
    completeNow(task(pi, STAGE1_REPLY).getId(), COLLEAGUE, BdscpCases.reply());
    completeNow(task(pi, STAGE1_RECORD).getId(), PRACTITIONER, BdscpCases.record("escalate"));
    completeNow(task(pi, STAGE2_REVIEW).getId(), LINE_MANAGER, BdscpCases.review("yes", null));
    completeNow(task(pi, STAGE2_STRATEGY).getId(), LINE_MANAGER, BdscpCases.strategy("escalate"));
    assertThat(runtimeService.getVariable(pi.getId(), "currentStage")).isEqualTo(3);

    assertReminder(pi, TWO_WORKING_DAYS, SUBJECT + "stage 3 deadline passed",
        "bdscp.police.safeguarding-lead@example.org", "bdscp.police.director@example.org");
    assertThat(pi).isWaitingAt(STAGE3_PHONE_CONTACT).hasPassed(STAGE3_PHONE_CONTACT_OVERDUE);
  }

  @Test
  void resolvedAtSeniorLevelWithThePartnershipMembers() {
    when(scenario.waitsAtUserTask(STAGE3_SENIOR_ESCALATION)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bdscp-police-director");
      deliverNotifications();
      assertThat(subjectsTo("bdscp.la-childrens.director@example.org")).contains(SUBJECT + "intention to escalate to the next stage");
      assertThat(subjectsTo("bdscp.police.board-rep@example.org")).contains(SUBJECT + "intention to escalate to the next stage");
      completeNow(task.getId(), DIRECTOR, BdscpCases.senior("resolved"));
    });

    ProcessInstance pi = run(BdscpCases.childCase());

    assertThat(pi).isEnded().hasPassed(NOTIFY_SENIOR_LEVELS).hasNotPassed(REFER_TO_BUSINESS_MANAGER);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
    assertThat(historicVariable(pi, "partnershipMemberEngaged")).isEqualTo("yes");
  }

  // --- stage 4(a): the Independent Scrutineer --------------------------------------------------

  /** The meeting date is set within 24 hours (calendar) of the referral; late, the scrutineer is told at that instant. */
  @Test
  void theScrutineerMeetingDateIsDueWithin24HoursAndTheRecommendationsFateIsRecorded() {
    Instant[] referred = new Instant[1];
    when(scenario.waitsAtUserTask(STAGE4_MEETING_DATE)).thenReturn(task -> {
      referred[0] = ClockUtil.getCurrentTime().toInstant();
      assertThat(candidateGroups(task)).containsExactly("bdscp-business-manager");
      assertThat(task.getDueDate().toInstant()).isEqualTo(referred[0].plus(Duration.ofHours(24)));
      deliverNotifications();
      assertThat(subjectsTo("bdscp.business-manager@example.org")).contains(SUBJECT + "escalation reported to the partnership");
      at(referred[0].plus(Duration.ofHours(26)), BUSINESS_MANAGER, BdscpCases.meetingDate()).execute(task);
    });
    when(scenario.waitsAtUserTask(STAGE4_SCRUTINEER_MEETING)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bdscp-independent-chair");
      deliverNotifications();
      assertThat(subjectsTo("bdscp.independent-chair@example.org")).contains(SUBJECT + "stage 4 deadline passed");
      Map<String, Object> unminuted = new HashMap<>(BdscpCases.meeting());
      unminuted.put("meetingMinuted", false);
      assertThatThrownBy(() -> completeNow(task.getId(), SCRUTINEER, unminuted)).isInstanceOf(FormValidationException.class)
          .hasMessageContaining("meetingMinuted: must be confirmed");
      completeNow(task.getId(), SCRUTINEER, BdscpCases.meeting());
    });

    ProcessInstance pi = run(BdscpCases.childCase());

    assertThat(pi).isEnded().hasPassed(STAGE4_MEETING_DATE_OVERDUE, RECORD_SCRUTINEER_RESOLUTION, CONFIRM_SCRUTINEER_OUTCOME,
        STAGE4_ACTED_UPON, END_RESOLVED);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(STAGE4_MEETING_DATE_OVERDUE).singleResult().getStartTime().toInstant())
        .isEqualTo(referred[0].plus(Duration.ofHours(24)));
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(4);
    assertThat(historicVariable(pi, "recommendationActedUpon")).isEqualTo("yes");
  }

  // --- the start: out of hours, imminent risk ----------------------------------------------------

  /** Urgent on the Summer bank holiday: the on-call advice applies and the police's on-call managers are told. */
  @Test
  void anUrgentCaseRaisedOutOfHoursNotifiesTheAgencysOnCallManagers() {
    ClockUtil.setCurrentTime(Date.from(london("2026-08-31T10:00")));
    Map<String, Object> urgent = BdscpCases.childCase();
    urgent.put("urgentResolution", "yes");
    ProcessInstance pi = startCase(urgent);

    deliverNotifications();
    assertThat(pi).hasPassed(NOTIFY_ON_CALL).isWaitingAt(STAGE1_LIAISE);
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).equals(SUBJECT + "urgent escalation raised out of hours"))
        .extracting(SmtpServer::to).containsExactlyInAnyOrder("bdscp.police.senior-manager@example.org", "bdscp.police.director@example.org");
  }

  /** 09:00 to 17:00 on a working day is office hours: no on-call; 17:00 itself is out of hours. */
  @Test
  void anUrgentCaseInOfficeHoursGoesNoWhereElse() {
    Map<String, Object> urgent = BdscpCases.childCase();
    urgent.put("urgentResolution", "yes");
    ProcessInstance inHours = startCase(urgent);
    ClockUtil.setCurrentTime(Date.from(london("2026-08-27T17:00")));
    ProcessInstance atFive = startCase(urgent);

    assertThat(inHours).hasNotPassed(NOTIFY_ON_CALL).isWaitingAt(STAGE1_LIAISE);
    assertThat(atFive).hasPassed(NOTIFY_ON_CALL);
  }

  @Test
  void anImminentRiskNeedsARecordOfTheReferralToTheMashOrPolice() {
    Map<String, Object> vars = BdscpCases.childCase();
    vars.put("riskLevel", "immediate");
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("immediateRiskAction: is required when riskLevel is immediate");
    vars.put("immediateRiskAction", "yes");
    vars.put("startingStage", "3");
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("startingStage: must be 1");
    vars.remove("startingStage");
    assertThat(startCase(vars)).isWaitingAt(STAGE1_LIAISE);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ProcessInstance run(Map<String, Object> startVariables) {
    return run(BdscpEscalationProcess.KEY, PRACTITIONER, startVariables);
  }

  private ProcessInstance startCase(Map<String, Object> vars) {
    return startCase(BdscpEscalationProcess.KEY, PRACTITIONER, vars);
  }

  /** A timer of the case is due exactly at {@code due}: nothing a minute before, the email at it. */
  private void assertReminder(ProcessInstance pi, Instant due, String subject, String... recipients) {
    List<Job> timers = managementService.createJobQuery().processInstanceId(pi.getId()).timers().list();
    assertThat(timers).extracting(j -> j.getDuedate().toInstant()).contains(due);

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(1))));
    deliverNotifications();
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
