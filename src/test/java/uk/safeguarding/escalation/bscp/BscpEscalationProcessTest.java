package uk.safeguarding.escalation.bscp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.when;
import static uk.safeguarding.escalation.bscp.BscpEscalationProcess.Elements.*;

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
import org.junit.jupiter.params.provider.ValueSource;
import uk.safeguarding.escalation.forms.FormValidationException;
import uk.safeguarding.escalation.support.BscpCases;
import uk.safeguarding.escalation.support.EscalationScenarioTest;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NelCases;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * The Buckinghamshire procedure, route by route: education raises a disagreement with children's
 * services. By default everyone escalates until the senior officers resolve it at stage 3; each test
 * changes what happens at one point. The case starts on Wednesday 19 May 2027; the spring bank
 * holiday (Monday 31 May 2027) is no working day.
 */
class BscpEscalationProcessTest extends EscalationScenarioTest {

  static final String PRACTITIONER = "bscp.education.practitioner";
  static final String DESIGNATED_PERSON = "bscp.education.safeguarding-lead";
  static final String SENIOR_OFFICER = "bscp.education.senior-manager";
  static final String DIRECTOR = "bscp.education.director";
  static final String PARTNERSHIP_REPRESENTATIVE = "bscp.education.board-rep";
  /** The Child Protection Reviewing Service Manager: children's services' head of service role. */
  static final String REVIEWING_SERVICE_MANAGER = "bscp.la-childrens.senior-manager";
  static final String REF = BscpCases.REFERENCE;

  static final Instant OUTSET = BscpCases.OUTSET;
  /** 5 working days from Wednesday 19 May 2027: Wednesday 26 May, 17:00. */
  static final Instant STAGE1_DUE = NelCases.london("2027-05-26T17:00");
  /** Stage 2 begun on Thursday 27 May, 09:00: 5 working days skip the spring bank holiday, Friday 4 June, 17:00. */
  static final Instant STAGE2_STARTS = NelCases.london("2027-05-27T09:00");
  static final Instant STAGE2_DUE = NelCases.london("2027-06-04T17:00");
  /** Stage 3 begun on Monday 7 June, 09:00: Monday 14 June, 17:00. */
  static final Instant STAGE3_STARTS = NelCases.london("2027-06-07T09:00");
  static final Instant STAGE3_DUE = NelCases.london("2027-06-14T17:00");
  /** "15 days maximum": 15 working days from the outset, Thursday 10 June 2027, 17:00. */
  static final Instant CASE_MAXIMUM = NelCases.london("2027-06-10T17:00");

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
    when(scenario.waitsAtUserTask(STAGE1_PRACTITIONERS)).thenReturn(completeAs(PRACTITIONER, BscpCases.stage("escalate")));
    when(scenario.waitsAtUserTask(STAGE2_DESIGNATED_PERSON)).thenReturn(completeAs(DESIGNATED_PERSON, BscpCases.stage("escalate")));
    when(scenario.waitsAtUserTask(STAGE3_SENIOR_OFFICERS)).thenReturn(completeAs(SENIOR_OFFICER, BscpCases.stage("resolved")));
    when(scenario.waitsAtUserTask(INFORM_BSCP_TEAM)).thenReturn(completeAs(PARTNERSHIP_REPRESENTATIVE, BscpCases.bscpInformed()));
    when(scenario.waitsAtUserTask(SEEK_LEGAL_ADVICE)).thenReturn(completeAs(SENIOR_OFFICER, BscpCases.legalAdvice("agreed")));
    when(scenario.waitsAtUserTask(CP_DECIDE_CHALLENGE)).thenReturn(completeAs(PRACTITIONER, BscpCases.cpChallenge("escalate")));
    when(scenario.waitsAtUserTask(CP_DESIGNATED_PERSON)).thenReturn(completeAs(DESIGNATED_PERSON, BscpCases.cpDesignatedPerson("escalate")));
    when(scenario.waitsAtUserTask(CP_DETERMINATION)).thenReturn(completeAs(REVIEWING_SERVICE_MANAGER, BscpCases.cpDetermination()));
    when(scenario.waitsAtUserTask(LADO_CONSULT)).thenReturn(completeAs(SENIOR_OFFICER, BscpCases.ladoConsult("escalate")));
    when(scenario.waitsAtUserTask(LADO_DIRECT_CONTACT)).thenReturn(completeAs(PRACTITIONER, BscpCases.ladoDirectContact("escalate")));
    when(scenario.waitsAtUserTask(NAMED_SENIOR_OFFICER)).thenReturn(completeAs(DIRECTOR, BscpCases.namedSeniorOfficer("resolved")));
  }

  // --- the standard ladder: resolved at each stage ----------------------------------------------

  @Test
  void resolvedBetweenPractitionersAMinuteBeforeStage1sDeadline() {
    when(scenario.waitsAtUserTask(STAGE1_PRACTITIONERS)).thenReturn(task -> {
      assertThat(task.getAssignee()).isEqualTo(PRACTITIONER);
      assertThat(task.getDueDate().toInstant()).isEqualTo(STAGE1_DUE);
      at(STAGE1_DUE.minus(Duration.ofMinutes(1)), PRACTITIONER, BscpCases.stage("resolved")).execute(task);
    });

    ProcessInstance pi = run(BscpCases.standardCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(RECORD_RESOLUTION, CONFIRM_OUTCOME, END_RESOLVED).hasNotPassed(STAGE1_OVERDUE, STAGE2_DESIGNATED_PERSON);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
    assertThat(historicVariable(pi, "agreedOutcome")).isEqualTo("An assessment will start this week");
    // the written record goes to the practitioner and both agencies' Designated Persons
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).equals("Case " + REF + ": outcome recorded at stage 1"))
        .extracting(SmtpServer::to).containsExactlyInAnyOrder("bscp.education.practitioner@example.org",
            "bscp.education.safeguarding-lead@example.org", "bscp.la-childrens.safeguarding-lead@example.org");
  }

  /** Stage 2: the Designated Person / Operations Manager / DI; the form shows both agencies' named officers (Appendix B). */
  @Test
  void resolvedAtStage2ByTheDesignatedPersonsWithTheNamedOfficersShown() {
    when(scenario.waitsAtUserTask(STAGE2_DESIGNATED_PERSON)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bscp-education-safeguarding-lead");
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(2);
      assertThat((String) taskService.getVariable(task.getId(), "raisingAgencyNamedOfficers"))
          .startsWith("Education: Designated Person for Child Protection: the school's Designated Safeguarding Lead");
      assertThat((String) taskService.getVariable(task.getId(), "receivingAgencyNamedOfficers"))
          .startsWith("Local authority children's services: Designated Person / Operations Manager");
      assertThat(taskService.getVariable(task.getId(), "discussionSummary")).isNull(); // each stage its own record
      deliverNotifications();
      assertThat(subjectsTo("bscp.la-childrens.safeguarding-lead@example.org")).contains("Case " + REF + ": intention to escalate to the next stage");
      assertThat(subjectsTo("bscp.education.safeguarding-lead@example.org")).contains("Case " + REF + ": stage 2 of the escalation is with you");
      completeNow(task.getId(), DESIGNATED_PERSON, BscpCases.stage("resolved"));
    });

    ProcessInstance pi = run(BscpCases.standardCase());

    assertThat(pi).isEnded().hasPassed(NOTIFY_RECEIVING_DESIGNATED_PERSON, NOTIFY_STAGE2_OWNERS).hasNotPassed(STAGE3_SENIOR_OFFICERS, STAGE2_OVERDUE);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(2);
  }

  /**
   * Senior officers involved (2.4.24): the other organisation is advised first, the agency's
   * Partnership representative makes the BSCP team aware and records it; in a flat structure the
   * same manager acts at stages 2 and 3.
   */
  @Test
  void seniorOfficersResolveAtStage3AndTheBscpTeamIsMadeAwareViaThePartnershipRepresentative() {
    identityService.createMembership(DESIGNATED_PERSON, "bscp-education-senior-manager"); // a flat management structure
    try {
      when(scenario.waitsAtUserTask(STAGE3_SENIOR_OFFICERS)).thenReturn(task -> {
        assertThat(candidateGroups(task)).containsExactly("bscp-education-senior-manager");
        assertThat(task.getDueDate().toInstant()).isEqualTo(NelCases.london("2027-05-26T17:00"));
        deliverNotifications();
        // the other organisation is told of the intention before the BSCP is
        assertThat(subjectsTo("bscp.la-childrens.senior-manager@example.org")).contains("Case " + REF + ": intention to escalate to the next stage");
        assertThat(subjectsTo("bscp.la-childrens.board-rep@example.org")).contains("Case " + REF + ": intention to escalate to the next stage");
        assertThat(subjectsTo("bscp.education.board-rep@example.org")).contains("Case " + REF + ": stage 3 of the escalation is with you");
        assertThat(subjectsTo("bscp.business-manager@example.org")).isEmpty();
        completeNow(task.getId(), DESIGNATED_PERSON, BscpCases.stage("resolved")); // the same person as at stage 2
      });
      when(scenario.waitsAtUserTask(INFORM_BSCP_TEAM)).thenReturn(task -> {
        assertThat(candidateGroups(task)).containsExactly("bscp-education-board-rep");
        completeNow(task.getId(), PARTNERSHIP_REPRESENTATIVE, BscpCases.bscpInformed());
      });

      ProcessInstance pi = run(BscpCases.standardCase());

      deliverNotifications();
      assertThat(pi).isEnded().hasPassed(ADVISE_OTHER_ORGANISATION, GATEWAY_SENIOR_OFFICERS_INVOLVED, INFORM_BSCP_TEAM,
          BSCP_TEAM_NOTIFIED, END_BSCP_TEAM_MADE_AWARE, END_RESOLVED);
      assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
      assertThat(historicVariable(pi, "bscpTeamInformedOn")).isEqualTo("2027-06-01");
      assertThat(subjectsTo("bscp.business-manager@example.org")).contains("Case " + REF + ": escalation reported to the partnership");
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
          .taskDefinitionKeyIn(STAGE2_DESIGNATED_PERSON, STAGE3_SENIOR_OFFICERS).list())
          .extracting(t -> t.getAssignee()).containsOnly(DESIGNATED_PERSON);
    } finally {
      identityService.deleteMembership(DESIGNATED_PERSON, "bscp-education-senior-manager");
    }
  }

  @Test
  void unresolvedBySeniorOfficersIsReferredToTheBscp() {
    when(scenario.waitsAtUserTask(STAGE3_SENIOR_OFFICERS)).thenReturn(completeAs(SENIOR_OFFICER, BscpCases.stage("escalate")));

    ProcessInstance pi = run(BscpCases.standardCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(REFER_TO_BSCP, END_REFERRED_TO_BSCP).hasNotPassed(SEEK_LEGAL_ADVICE, RECORD_RESOLUTION);
    assertThat(subjectsTo("bscp.independent-chair@example.org")).contains("Case " + REF + ": escalation reported to the partnership");
  }

  // --- resolved through the natural turn of events (2.4.11) -------------------------------------

  /** Closing instead of seeing it through is allowed, with the reason recorded and the BSCP told. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void closedAfterTheNaturalTurnOfEventsWithTheReasonRecorded(int stage) {
    String[] tasks = {STAGE1_PRACTITIONERS, STAGE2_DESIGNATED_PERSON, STAGE3_SENIOR_OFFICERS};
    String[] owners = {PRACTITIONER, DESIGNATED_PERSON, SENIOR_OFFICER};
    when(scenario.waitsAtUserTask(tasks[stage - 1])).thenReturn(task -> {
      Map<String, Object> withoutReason = new HashMap<>(BscpCases.stage("natural-turn"));
      withoutReason.remove("closureReason");
      assertThatThrownBy(() -> completeNow(task.getId(), owners[stage - 1], withoutReason)).isInstanceOf(FormValidationException.class)
          .hasMessageContaining("closureReason: is required when the case is closed after the natural turn of events");
      completeNow(task.getId(), owners[stage - 1], BscpCases.stage("natural-turn"));
    });

    ProcessInstance pi = run(BscpCases.standardCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(RECORD_NATURAL_TURN_CLOSURE, CONFIRM_NATURAL_TURN_CLOSURE, END_CLOSED_BY_NATURAL_TURN)
        .hasNotPassed(END_RESOLVED);
    assertThat(historicVariable(pi, "closureReason")).isEqualTo("The family moved out of the county; no policy issue was identified.");
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(stage);
    assertThat(subjectsTo("bscp.business-manager@example.org")).contains("Case " + REF + ": outcome recorded at stage " + stage);
  }

  /** The recommended course: overtaken by events, the escalation is still seen through to the end. */
  @Test
  void overtakenByEventsTheEscalationIsSeenThrough() {
    Map<String, Object> seenThrough = new HashMap<>(BscpCases.stage("escalate"));
    seenThrough.put("resolvedByEvents", "yes");
    when(scenario.waitsAtUserTask(STAGE1_PRACTITIONERS)).thenReturn(completeAs(PRACTITIONER, seenThrough));

    ProcessInstance pi = run(BscpCases.standardCase());

    assertThat(pi).isEnded().hasPassed(STAGE2_DESIGNATED_PERSON, STAGE3_SENIOR_OFFICERS, END_RESOLVED).hasNotPassed(END_CLOSED_BY_NATURAL_TURN);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
  }

  // --- deadlines: each stage 5 working days, 15 days maximum ------------------------------------

  /** Nothing a minute before, the reminder at the instant; reminders never decide. */
  @Test
  void eachStageAndTheFifteenDayMaximumRemindAtTheirExactInstants() {
    ProcessInstance pi = startCase(BscpCases.standardCase());
    assertThat(task(pi, STAGE1_PRACTITIONERS).getDueDate().toInstant()).isEqualTo(STAGE1_DUE);
    assertReminder(pi, STAGE1_DUE, "Case " + REF + ": stage 1 deadline passed",
        "bscp.education.practitioner@example.org", "bscp.education.safeguarding-lead@example.org");

    at(pi, STAGE2_STARTS);
    completeNow(task(pi, STAGE1_PRACTITIONERS).getId(), PRACTITIONER, BscpCases.stage("escalate"));
    assertThat(task(pi, STAGE2_DESIGNATED_PERSON).getDueDate().toInstant()).isEqualTo(STAGE2_DUE);
    assertReminder(pi, STAGE2_DUE, "Case " + REF + ": stage 2 deadline passed",
        "bscp.education.safeguarding-lead@example.org", "bscp.education.senior-manager@example.org");

    at(pi, STAGE3_STARTS);
    completeNow(task(pi, STAGE2_DESIGNATED_PERSON).getId(), DESIGNATED_PERSON, BscpCases.stage("escalate"));
    assertThat(task(pi, STAGE3_SENIOR_OFFICERS).getDueDate().toInstant()).isEqualTo(STAGE3_DUE);
    assertReminder(pi, CASE_MAXIMUM, "Case " + REF + ": not resolved within the whole-case time aim",
        "bscp.business-manager@example.org", "bscp.education.senior-manager@example.org");
    assertReminder(pi, STAGE3_DUE, "Case " + REF + ": stage 3 deadline passed",
        "bscp.education.senior-manager@example.org", "bscp.education.director@example.org");
    assertThat(pi).isWaitingAt(STAGE3_SENIOR_OFFICERS, INFORM_BSCP_TEAM);

    // what an auditor reads: each breach is in history, at its instant
    assertThat(startOf(pi, STAGE1_OVERDUE)).isEqualTo(STAGE1_DUE);
    assertThat(startOf(pi, STAGE2_OVERDUE)).isEqualTo(STAGE2_DUE);
    assertThat(startOf(pi, STAGE3_OVERDUE)).isEqualTo(STAGE3_DUE);
    assertThat(startOf(pi, NOTIFY_CASE_MAXIMUM_EXCEEDED)).isEqualTo(CASE_MAXIMUM);

    completeNow(task(pi, STAGE3_SENIOR_OFFICERS).getId(), SENIOR_OFFICER, BscpCases.stage("resolved"));
    completeNow(task(pi, INFORM_BSCP_TEAM).getId(), PARTNERSHIP_REPRESENTATIVE, BscpCases.bscpInformed());
    assertThat(pi).isEnded();
    assertThat(historicVariable(pi, "workingDaysToResolution")).isEqualTo(17L);
  }

  /** Resolved in time, the case waits only for the representative's record: no reminder at the maximum. */
  @Test
  void aResolvedCaseWaitingForThePartnershipRepresentativeIsNotRemindedAtTheMaximum() {
    when(scenario.waitsAtUserTask(INFORM_BSCP_TEAM)).thenReturn(task ->
        at(CASE_MAXIMUM.plus(Duration.ofDays(1)), PARTNERSHIP_REPRESENTATIVE, BscpCases.bscpInformed()).execute(task));

    ProcessInstance pi = run(BscpCases.standardCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(END_NO_MAXIMUM_REMINDER_NEEDED).hasNotPassed(NOTIFY_CASE_MAXIMUM_EXCEEDED);
    assertThat(subjectsTo("bscp.business-manager@example.org")).doesNotContain("Case " + REF + ": not resolved within the whole-case time aim");
  }

  // --- 16-17-year-olds who may lack capacity (2.4.12) -------------------------------------------

  @Test
  void mentalCapacityLegalAdviceOnlyAfterNoAgreementThenACourtReferralIsRecorded() {
    when(scenario.waitsAtUserTask(STAGE2_DESIGNATED_PERSON)).thenReturn(task -> {
      assertThat(taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(SEEK_LEGAL_ADVICE).count())
          .isZero(); // not while the escalation may still agree
      completeNow(task.getId(), DESIGNATED_PERSON, BscpCases.stage("escalate"));
    });
    when(scenario.waitsAtUserTask(STAGE3_SENIOR_OFFICERS)).thenReturn(completeAs(SENIOR_OFFICER, BscpCases.stage("escalate")));
    when(scenario.waitsAtUserTask(SEEK_LEGAL_ADVICE)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bscp-education-senior-manager");
      Map<String, Object> noCourt = new HashMap<>(BscpCases.legalAdvice("court-referral"));
      noCourt.remove("courtReferral");
      assertThatThrownBy(() -> completeNow(task.getId(), SENIOR_OFFICER, noCourt)).isInstanceOf(FormValidationException.class)
          .hasMessageContaining("courtReferral: is required when the case is referred to a court");
      completeNow(task.getId(), SENIOR_OFFICER, BscpCases.legalAdvice("court-referral"));
    });

    ProcessInstance pi = run(BscpCases.onRoute("mental-capacity"));

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(SEEK_LEGAL_ADVICE, CONFIRM_COURT_REFERRAL, END_REFERRED_TO_COURT).hasNotPassed(REFER_TO_BSCP);
    assertThat(historicVariable(pi, "courtReferral")).isEqualTo("court-of-protection");
    assertThat(subjectsTo("bscp.education.practitioner@example.org")).contains("Case " + REF + ": outcome recorded at stage 3");
  }

  @Test
  void mentalCapacityAgreementReachedOnLegalAdvice() {
    when(scenario.waitsAtUserTask(STAGE3_SENIOR_OFFICERS)).thenReturn(completeAs(SENIOR_OFFICER, BscpCases.stage("escalate")));

    ProcessInstance pi = run(BscpCases.onRoute("mental-capacity"));

    assertThat(pi).isEnded().hasPassed(SEEK_LEGAL_ADVICE, RECORD_RESOLUTION).hasNotPassed(END_REFERRED_TO_COURT);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
  }

  @Test
  void aMentalCapacityCaseResolvedOnTheLadderNeedsNoLegalAdvice() {
    when(scenario.waitsAtUserTask(STAGE1_PRACTITIONERS)).thenReturn(completeAs(PRACTITIONER, BscpCases.stage("resolved")));

    ProcessInstance pi = run(BscpCases.onRoute("mental-capacity"));

    assertThat(pi).isEnded().hasNotPassed(SEEK_LEGAL_ADVICE);
  }

  // --- life-threatening situations (2.4.25) -----------------------------------------------------

  @Test
  void lifeThreateningWithADisputedNonInvolvementTellsTheBscpAtOnce() {
    when(scenario.waitsAtUserTask(STAGE1_PRACTITIONERS)).thenReturn(task -> {
      deliverNotifications();
      assertThat(subjectsTo("bscp.business-manager@example.org")).containsExactly("Case " + REF + ": escalation reported to the partnership");
      completeNow(task.getId(), PRACTITIONER, BscpCases.stage("resolved"));
    });

    ProcessInstance pi = run(BscpCases.onRoute("life-threatening"));

    assertThat(pi).isEnded().hasPassed(INFORM_BSCP_ASAP);
    assertThat(historicVariable(pi, "immediateActionTaken")).isEqualTo("Police welfare check requested; the school nurse stays with the young person.");
  }

  @Test
  void lifeThreateningWithoutANonInvolvementDisputeRunsTheLadder() {
    Map<String, Object> vars = BscpCases.onRoute("life-threatening");
    vars.put("nonInvolvementDisputed", "no");
    when(scenario.waitsAtUserTask(STAGE1_PRACTITIONERS)).thenReturn(completeAs(PRACTITIONER, BscpCases.stage("resolved")));

    ProcessInstance pi = run(vars);

    assertThat(pi).isEnded().hasNotPassed(INFORM_BSCP_ASAP);
  }

  @Test
  void theLifeThreateningRouteRecordsTheImmediateAction() {
    Map<String, Object> vars = BscpCases.onRoute("life-threatening");
    vars.remove("immediateActionTaken");
    vars.remove("nonInvolvementDisputed");
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("immediateActionTaken: is required on the life-threatening route")
        .hasMessageContaining("nonInvolvementDisputed: is required on the life-threatening route");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  // --- Child Protection Conference chair's decision (2.4.13-2.4.17) -----------------------------

  @Test
  void cpConferenceDecisionAccepted() {
    when(scenario.waitsAtUserTask(CP_DECIDE_CHALLENGE)).thenReturn(task -> {
      assertThat(task.getAssignee()).isEqualTo(PRACTITIONER);
      assertThat(task.getDueDate().toInstant()).isEqualTo(STAGE1_DUE);
      completeNow(task.getId(), PRACTITIONER, BscpCases.cpChallenge("resolved"));
    });

    ProcessInstance pi = run(BscpCases.onRoute("cp-conference"));

    assertThat(pi).isEnded().hasNotPassed(CP_DESIGNATED_PERSON, STAGE1_PRACTITIONERS);
    assertThat(historicVariable(pi, "dissentMinuted")).isEqualTo("yes");
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
  }

  /** The Designated Person concurs: the Reviewing Service Manager is alerted at once and determines by 17:00 the same working day. */
  @Test
  void cpConferenceSignificantHarmTheDesignatedPersonConcursAndTheReviewingServiceManagerDetermines() {
    Instant concurred = NelCases.london("2027-05-20T11:00");
    when(scenario.waitsAtUserTask(CP_DESIGNATED_PERSON)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bscp-education-safeguarding-lead");
      assertThat((String) taskService.getVariable(task.getId(), "raisingAgencyNamedOfficers")).startsWith("Education: ");
      at(concurred, DESIGNATED_PERSON, BscpCases.cpDesignatedPerson("escalate")).execute(task);
    });
    when(scenario.waitsAtUserTask(CP_DETERMINATION)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bscp-la-childrens-senior-manager");
      assertThat(task.getDueDate().toInstant()).isEqualTo(NelCases.london("2027-05-20T17:00"));
      deliverNotifications();
      assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).equals("Case " + REF + ": stage 3 of the escalation is with you"))
          .extracting(m -> m.getSentDate().toInstant()).allMatch(sent -> !sent.isAfter(concurred.plusSeconds(1)));
      assertThat(subjectsTo("bscp.la-childrens.senior-manager@example.org")).contains("Case " + REF + ": stage 3 of the escalation is with you");
      completeNow(task.getId(), REVIEWING_SERVICE_MANAGER, BscpCases.cpDetermination());
    });

    ProcessInstance pi = run(BscpCases.onRoute("cp-conference"));

    assertThat(pi).isEnded().hasPassed(ALERT_REVIEWING_SERVICE_MANAGER, CP_DETERMINATION, END_RESOLVED).hasNotPassed(CP_DETERMINATION_OVERDUE);
    assertThat(historicVariable(pi, "cpDetermination")).isEqualTo("reconvene-conference");
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
  }

  @Test
  void cpConferenceTheDesignatedPersonDoesNotConcur() {
    when(scenario.waitsAtUserTask(CP_DESIGNATED_PERSON)).thenReturn(completeAs(DESIGNATED_PERSON, BscpCases.cpDesignatedPerson("resolved")));

    ProcessInstance pi = run(BscpCases.onRoute("cp-conference"));

    assertThat(pi).isEnded().hasNotPassed(CP_DETERMINATION);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(2);
  }

  @Test
  void cpConferenceChallengedThroughTheEscalationStages() {
    when(scenario.waitsAtUserTask(CP_DECIDE_CHALLENGE)).thenReturn(completeAs(PRACTITIONER, BscpCases.cpChallenge("ladder")));

    ProcessInstance pi = run(BscpCases.onRoute("cp-conference"));

    assertThat(pi).isEnded().hasPassed(STAGE2_DESIGNATED_PERSON, STAGE3_SENIOR_OFFICERS).hasNotPassed(CP_DESIGNATED_PERSON, STAGE1_PRACTITIONERS);
  }

  @Test
  void theCpConferenceRouteIsAboutChildrensServicesDecision() {
    Map<String, Object> vars = BscpCases.onRoute("cp-conference");
    vars.put("receivingAgency", "health");
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("receivingAgency: must be la-childrens on the Child Protection Conference route");
  }

  @Test
  void cpConferenceStagesRemindAtTheirExactInstants() {
    ProcessInstance pi = startCase(BscpCases.onRoute("cp-conference"));
    assertReminder(pi, STAGE1_DUE, "Case " + REF + ": stage 1 deadline passed",
        "bscp.education.practitioner@example.org", "bscp.education.safeguarding-lead@example.org");
    at(pi, STAGE2_STARTS);
    completeNow(task(pi, CP_DECIDE_CHALLENGE).getId(), PRACTITIONER, BscpCases.cpChallenge("escalate"));
    assertReminder(pi, STAGE2_DUE, "Case " + REF + ": stage 2 deadline passed",
        "bscp.education.safeguarding-lead@example.org", "bscp.education.senior-manager@example.org");
    Instant alerted = NelCases.london("2027-06-07T10:00");
    at(pi, alerted);
    completeNow(task(pi, CP_DESIGNATED_PERSON).getId(), DESIGNATED_PERSON, BscpCases.cpDesignatedPerson("escalate"));
    Instant sameDay = NelCases.london("2027-06-07T17:00");
    assertThat(task(pi, CP_DETERMINATION).getDueDate().toInstant()).isEqualTo(sameDay);
    assertReminder(pi, sameDay, "Case " + REF + ": stage 3 deadline passed",
        "bscp.la-childrens.senior-manager@example.org", "bscp.la-childrens.director@example.org");
    assertThat(startOf(pi, CP_CHALLENGE_OVERDUE)).isEqualTo(STAGE1_DUE);
    assertThat(startOf(pi, CP_DESIGNATED_PERSON_OVERDUE)).isEqualTo(STAGE2_DUE);
    assertThat(startOf(pi, CP_DETERMINATION_OVERDUE)).isEqualTo(sameDay);
    assertThat(pi).isWaitingAt(CP_DETERMINATION);
  }

  // --- allegations against staff and volunteers: the LADO (2.4.18-2.4.20) -----------------------

  @Test
  void resolvedFollowingConsultationWithTheLado() {
    when(scenario.waitsAtUserTask(LADO_CONSULT)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bscp-education-senior-manager");
      completeNow(task.getId(), SENIOR_OFFICER, BscpCases.ladoConsult("resolved"));
    });

    ProcessInstance pi = run(BscpCases.onRoute("lado"));

    assertThat(pi).isEnded().hasNotPassed(NAMED_SENIOR_OFFICER, LADO_DIRECT_CONTACT);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
  }

  /** Unresolved after the LADO, or the LADO's advice disputed: the Named Senior Officers for Allegations in both agencies. */
  @Test
  void unresolvedAfterTheLadoGoesToTheNamedSeniorOfficersForAllegations() {
    when(scenario.waitsAtUserTask(NAMED_SENIOR_OFFICER)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("bscp-education-director");
      assertThat((String) taskService.getVariable(task.getId(), "raisingAgencyNamedOfficers"))
          .contains("Named Senior Officer for Allegations: the Head of Education Safeguarding");
      deliverNotifications();
      assertThat(subjectsTo("bscp.la-childrens.director@example.org")).contains("Case " + REF + ": intention to escalate to the next stage");
      completeNow(task.getId(), DIRECTOR, BscpCases.namedSeniorOfficer("resolved"));
    });

    ProcessInstance pi = run(BscpCases.onRoute("lado"));

    assertThat(pi).isEnded().hasPassed(NAMED_SENIOR_OFFICER, END_RESOLVED).hasNotPassed(LADO_DIRECT_CONTACT);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(2);
  }

  /** The LADO not consulted: the member of staff's direct contact is recorded; then the Named Senior Officers, then the BSCP. */
  @Test
  void theLadoNotConsultedTheMemberOfStaffContactsTheLadoDirectly() {
    when(scenario.waitsAtUserTask(LADO_CONSULT)).thenReturn(task -> {
      Map<String, Object> inconsistent = new HashMap<>(BscpCases.ladoConsult("lado-not-consulted"));
      inconsistent.put("ladoConsulted", "yes");
      assertThatThrownBy(() -> completeNow(task.getId(), SENIOR_OFFICER, inconsistent)).isInstanceOf(FormValidationException.class)
          .hasMessageContaining("ladoConsulted: must be no");
      completeNow(task.getId(), SENIOR_OFFICER, BscpCases.ladoConsult("lado-not-consulted"));
    });
    when(scenario.waitsAtUserTask(LADO_DIRECT_CONTACT)).thenReturn(task -> {
      assertThat(task.getAssignee()).isEqualTo(PRACTITIONER);
      Map<String, Object> noDate = new HashMap<>(BscpCases.ladoDirectContact("escalate"));
      noDate.remove("ladoContactedOn");
      assertThatThrownBy(() -> completeNow(task.getId(), PRACTITIONER, noDate)).isInstanceOf(FormValidationException.class)
          .hasMessageContaining("ladoContactedOn: is required when the LADO was contacted directly");
      completeNow(task.getId(), PRACTITIONER, BscpCases.ladoDirectContact("escalate"));
    });
    when(scenario.waitsAtUserTask(NAMED_SENIOR_OFFICER)).thenReturn(completeAs(DIRECTOR, BscpCases.namedSeniorOfficer("escalate")));

    ProcessInstance pi = run(BscpCases.onRoute("lado"));

    assertThat(pi).isEnded().hasPassed(LADO_DIRECT_CONTACT, NAMED_SENIOR_OFFICER, REFER_TO_BSCP).hasNotPassed(RECORD_RESOLUTION);
    assertThat(historicVariable(pi, "ladoContactedOn")).isEqualTo("2027-05-20");
  }

  @Test
  void resolvedAfterTheDirectContactWithTheLado() {
    when(scenario.waitsAtUserTask(LADO_CONSULT)).thenReturn(completeAs(SENIOR_OFFICER, BscpCases.ladoConsult("lado-not-consulted")));
    when(scenario.waitsAtUserTask(LADO_DIRECT_CONTACT)).thenReturn(completeAs(PRACTITIONER, BscpCases.ladoDirectContact("resolved")));

    ProcessInstance pi = run(BscpCases.onRoute("lado"));

    assertThat(pi).isEnded().hasPassed(LADO_DIRECT_CONTACT, END_RESOLVED).hasNotPassed(NAMED_SENIOR_OFFICER);
  }

  @Test
  void ladoStagesRemindAtTheirExactInstants() {
    ProcessInstance pi = startCase(BscpCases.onRoute("lado"));
    assertReminder(pi, STAGE1_DUE, "Case " + REF + ": stage 1 deadline passed",
        "bscp.education.senior-manager@example.org", "bscp.education.director@example.org");
    at(pi, STAGE2_STARTS);
    completeNow(task(pi, LADO_CONSULT).getId(), SENIOR_OFFICER, BscpCases.ladoConsult("escalate"));
    assertReminder(pi, STAGE2_DUE, "Case " + REF + ": stage 2 deadline passed",
        "bscp.education.director@example.org", "bscp.business-manager@example.org");
    assertThat(startOf(pi, LADO_CONSULT_OVERDUE)).isEqualTo(STAGE1_DUE);
    assertThat(startOf(pi, NAMED_SENIOR_OFFICER_OVERDUE)).isEqualTo(STAGE2_DUE);
    assertThat(pi).isWaitingAt(NAMED_SENIOR_OFFICER);
  }

  // --- the start ---------------------------------------------------------------------------------

  @Test
  void startValuesAreCheckedAgainstTheStartForm() {
    Map<String, Object> vars = BscpCases.standardCase();
    vars.put("escalationRoute", "complaint"); // a formal complaint follows the agency's complaints procedure
    vars.remove("caseReference");
    assertThatThrownBy(() -> startCase(vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("caseReference: is required")
        .hasMessageContaining("escalationRoute: must be one of");
  }

  @Test
  void anotherAgencysDesignatedPersonNeitherSeesNorCompletesStage2() {
    ProcessInstance pi = startCase(BscpCases.standardCase());
    completeNow(task(pi, STAGE1_PRACTITIONERS).getId(), PRACTITIONER, BscpCases.stage("escalate"));
    String taskId = task(pi, STAGE2_DESIGNATED_PERSON).getId();

    assertThat(as("bscp.la-childrens.safeguarding-lead", () -> taskService.createTaskQuery().processInstanceId(pi.getId()).count())).isZero();
    assertThatThrownBy(() -> as("bscp.la-childrens.safeguarding-lead", () -> {
      taskService.complete(taskId, BscpCases.stage("resolved"));
      return null;
    })).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(pi).isWaitingAt(STAGE2_DESIGNATED_PERSON);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ProcessInstance run(Map<String, Object> startVariables) {
    return run(BscpEscalationProcess.KEY, PRACTITIONER, startVariables);
  }

  private ProcessInstance startCase(Map<String, Object> vars) {
    return startCase(BscpEscalationProcess.KEY, PRACTITIONER, vars);
  }

  /** The clock moves on to {@code when}; the case's timers due meanwhile fire. */
  private void at(ProcessInstance pi, Instant when) {
    ClockUtil.setCurrentTime(Date.from(when));
    Jobs.runDue(engine, pi.getId());
    smtp.clear();
  }

  private Instant startOf(ProcessInstance pi, String activityId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activityId)
        .singleResult().getStartTime().toInstant();
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
