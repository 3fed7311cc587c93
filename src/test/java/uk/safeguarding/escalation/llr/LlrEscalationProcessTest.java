package uk.safeguarding.escalation.llr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.when;
import static uk.safeguarding.escalation.llr.LlrEscalationProcess.Elements.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.safeguarding.escalation.forms.FormValidationException;
import uk.safeguarding.escalation.support.EscalationScenarioTest;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * The Leicester, Leicestershire and Rutland procedure, path by path: by default everyone records
 * "escalate" and the Independent Chair convenes a Chief Officer Resolutions Meeting; each test changes
 * what happens at one point. A children's services practitioner disagrees with health, so step 3 is
 * chaired by children's services' own Designated Safeguarding Lead; where children's social care is
 * the subject (a health practitioner disagrees with it), by its Service Manager / Head of Service.
 * The standard case starts on Monday 2 March 2026, 10:00 (London); time is fast-forwarded.
 */
class LlrEscalationProcessTest extends EscalationScenarioTest {

  static final String PRACTITIONER = "llr.la-childrens.practitioner";
  static final String LINE_MANAGER = "llr.la-childrens.line-manager";
  static final String DSL = "llr.la-childrens.safeguarding-lead";
  static final String CSC_SERVICE_MANAGER = "llr.la-childrens.senior-manager";
  static final String HEALTH_PRACTITIONER = "llr.health.practitioner";
  static final String LSCB_MANAGER = "llr.business-manager";
  static final String INDEPENDENT_CHAIR = "llr.independent-chair";

  static final Instant OUTSET = london("2026-03-02T10:00");

  @Override
  protected Instant outset() {
    return OUTSET;
  }

  @Override
  protected void defaults() {
    when(scenario.waitsAtUserTask(DISCUSS_WITH_OTHER_PRACTITIONER)).thenReturn(completeAs(PRACTITIONER, stepRecord("escalate")));
    when(scenario.waitsAtUserTask(REVIEW_WITH_LINE_MANAGERS)).thenReturn(completeAs(LINE_MANAGER, lineManagerReview("escalate")));
    when(scenario.waitsAtUserTask(RESOLUTION_MEETING)).thenReturn(completeAs(DSL, resolutionMeeting("escalate")));
    when(scenario.waitsAtUserTask(CSC_RESOLUTION_MEETING)).thenReturn(completeAs(CSC_SERVICE_MANAGER, resolutionMeeting("escalate")));
    when(scenario.waitsAtUserTask(LOG_AT_LSCB)).thenReturn(completeAs(LSCB_MANAGER, lscbLog()));
    when(scenario.waitsAtUserTask(CONSIDER_RESOLUTIONS_MEETING)).thenReturn(completeAs(INDEPENDENT_CHAIR,
        Map.of("conveneResolutionsMeeting", "yes", "chairDecisionReason", "Agencies remain far apart")));
    when(scenario.waitsAtUserTask(RECORD_RESOLUTIONS_MEETING)).thenReturn(completeAs(INDEPENDENT_CHAIR, resolutionsMeeting()));
    when(scenario.waitsAtUserTask(RECORD_FOLLOW_UP)).thenReturn(completeAs(PRACTITIONER, followUp("none")));
  }

  // --- resolved at each step -------------------------------------------------------------------

  @Test
  void resolvedBetweenPractitionersAtStep1() {
    when(scenario.waitsAtUserTask(DISCUSS_WITH_OTHER_PRACTITIONER)).thenReturn(task -> {
      assertThat(task.getAssignee()).isEqualTo(PRACTITIONER);
      assertThat(task.getDueDate().toInstant()).isEqualTo(london("2026-03-04T17:00")); // local setting: 2 working days
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(1);
      completeNow(task.getId(), PRACTITIONER, stepRecord("resolved"));
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).isEnded().hasPassed(RECORD_RESOLUTION, CONFIRM_OUTCOME, END_RESOLVED).hasNotPassed(NOTIFY_LINE_MANAGERS);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(1);
    // written confirmation to the parties, and the outcome to the raising agency's DSL
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).equals("Case LLR-2026-0013: outcome recorded at stage 1"))
        .extracting(SmtpServer::to).containsExactlyInAnyOrder("llr.la-childrens.practitioner@example.org",
            "llr.la-childrens.line-manager@example.org", "llr.health.line-manager@example.org",
            "llr.la-childrens.safeguarding-lead@example.org");
  }

  @Test
  void resolvedBetweenLineManagersAtStep2() {
    when(scenario.waitsAtUserTask(REVIEW_WITH_LINE_MANAGERS)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("llr-la-childrens-line-manager");
      assertThat(task.getDueDate().toInstant()).isEqualTo(london("2026-03-05T17:00")); // local setting: 3 working days
      assertThat(taskService.getVariable(task.getId(), "discussionSummary")).isNull(); // a fresh record for the managers
      deliverNotifications();
      // the raising agency's line managers (step started) and the other practitioner's line managers
      assertThat(smtp.recipients()).containsExactlyInAnyOrder("llr.la-childrens.line-manager@example.org", "llr.health.line-manager@example.org");
      completeNow(task.getId(), LINE_MANAGER, lineManagerReview("resolved"));
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).isEnded().hasPassed(CONFIRM_OUTCOME);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(2);
  }

  @Test
  void notJustifiedClosesTheCaseWithItsReason() {
    when(scenario.waitsAtUserTask(REVIEW_WITH_LINE_MANAGERS)).thenReturn(task -> {
      Map<String, Object> noReason = Map.of("reviewerRole", "line-manager", "stageOutcome", "not-justified");
      assertThatThrownBy(() -> completeNow(task.getId(), LINE_MANAGER, noReason)).isInstanceOf(FormValidationException.class)
          .hasMessageContaining("closureReason: is required when stageOutcome is not-justified");
      deliverNotifications();
      smtp.clear();
      completeNow(task.getId(), LINE_MANAGER, Map.of("reviewerRole", "line-manager", "stageOutcome", "not-justified",
          "closureReason", "A single-agency practice question, not a disagreement about the child's safety"));
    });

    ProcessInstance pi = run(standardCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(CONFIRM_CLOSURE, END_CLOSED_NOT_JUSTIFIED)
        .hasNotPassed(RECORD_RESOLUTION, GATEWAY_CSC_IS_SUBJECT, RECORD_FOLLOW_UP);
    assertThat(historicVariable(pi, "closureReason")).asString().startsWith("A single-agency practice question");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("resolvedAtStage").count()).isZero();
    assertThat(smtp.recipients()).containsExactlyInAnyOrder("llr.la-childrens.practitioner@example.org",
        "llr.la-childrens.line-manager@example.org", "llr.health.line-manager@example.org");
  }

  @Test
  void theLineManagersRecordTheirLiaisonUnlessTheyCloseTheCase() {
    when(scenario.waitsAtUserTask(REVIEW_WITH_LINE_MANAGERS)).thenReturn(task -> {
      assertThatThrownBy(() -> completeNow(task.getId(), LINE_MANAGER, Map.of("stageOutcome", "escalate")))
          .isInstanceOf(FormValidationException.class).hasMessageContaining("contactBetween: is required when the line managers liaise");
      completeNow(task.getId(), LINE_MANAGER, lineManagerReview("resolved"));
    });

    assertThat(run(standardCase())).isEnded();
  }

  @Test
  void resolvedAtAResolutionMeetingChairedByTheRaisingAgencysDesignatedSafeguardingLead() {
    when(scenario.waitsAtUserTask(RESOLUTION_MEETING)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("llr-la-childrens-safeguarding-lead");
      assertThat(task.getDueDate().toInstant()).isEqualTo(london("2026-03-09T17:00")); // local setting: 5 working days
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(3);
      deliverNotifications();
      assertThat(subjectsTo("llr.health.safeguarding-lead@example.org")).isNotEmpty(); // the receiving agency's DSL is told
      completeNow(task.getId(), DSL, resolutionMeeting("resolved"));
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).isEnded().hasNotPassed(CSC_RESOLUTION_MEETING, NOTIFY_LSCB);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
  }

  @Test
  void whereChildrensSocialCareIsTheSubjectItsServiceManagerChairsTheMeeting() {
    when(scenario.waitsAtUserTask(DISCUSS_WITH_OTHER_PRACTITIONER)).thenReturn(completeAs(HEALTH_PRACTITIONER, stepRecord("escalate")));
    when(scenario.waitsAtUserTask(REVIEW_WITH_LINE_MANAGERS)).thenReturn(completeAs("llr.health.line-manager", lineManagerReview("escalate")));
    when(scenario.waitsAtUserTask(CSC_RESOLUTION_MEETING)).thenReturn(task -> {
      // a Service Manager / Head of Service of children's social care, not the raising agency's DSL
      assertThat(candidateGroups(task)).containsExactly("llr-la-childrens-senior-manager");
      deliverNotifications();
      assertThat(subjectsTo("llr.health.safeguarding-lead@example.org")).isNotEmpty(); // the raising agency's DSL is told
      completeNow(task.getId(), CSC_SERVICE_MANAGER, resolutionMeeting("resolved"));
    });
    when(scenario.waitsAtUserTask(RECORD_FOLLOW_UP)).thenReturn(completeAs(HEALTH_PRACTITIONER, followUp("none")));

    ProcessInstance pi = run(HEALTH_PRACTITIONER, cscCase());

    assertThat(pi).isEnded().hasPassed(CSC_RESOLUTION_MEETING).hasNotPassed(RESOLUTION_MEETING, NOTIFY_LSCB);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(3);
  }

  /** Step 4: logged, a course of action, the Chair convenes a Chief Officer Resolutions Meeting; the outcome goes to the raising DSL. */
  @Test
  void theLscbLogsItAndTheChairConvenesAChiefOfficerResolutionsMeeting() {
    when(scenario.waitsAtUserTask(DISCUSS_WITH_OTHER_PRACTITIONER)).thenReturn(completeAs(HEALTH_PRACTITIONER, stepRecord("escalate")));
    when(scenario.waitsAtUserTask(REVIEW_WITH_LINE_MANAGERS)).thenReturn(completeAs("llr.health.line-manager", lineManagerReview("escalate")));
    when(scenario.waitsAtUserTask(LOG_AT_LSCB)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("llr-business-manager"); // the LSCB Manager
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "currentStage")).isEqualTo(4);
      completeNow(task.getId(), LSCB_MANAGER, lscbLog());
    });
    when(scenario.waitsAtUserTask(CONSIDER_RESOLUTIONS_MEETING)).thenReturn(task -> {
      assertThat(candidateGroups(task)).containsExactly("llr-independent-chair");
      assertThat(taskService.getVariable(task.getId(), "lscbLogReference")).isEqualTo("LSCB-LOG-77");
      deliverNotifications();
      assertThat(subjectsTo("llr.independent-chair@example.org")).isNotEmpty(); // reported to the Chair
      completeNow(task.getId(), INDEPENDENT_CHAIR, Map.of("conveneResolutionsMeeting", "yes", "chairDecisionReason", "Policy issue"));
    });
    when(scenario.waitsAtUserTask(RECORD_RESOLUTIONS_MEETING)).thenReturn(task -> {
      deliverNotifications();
      assertThat(subjectsTo("llr.health.director@example.org")).isNotEmpty(); // chief officers of both agencies
      assertThat(subjectsTo("llr.la-childrens.director@example.org")).isNotEmpty();
      smtp.clear();
      completeNow(task.getId(), INDEPENDENT_CHAIR, resolutionsMeeting());
    });
    when(scenario.waitsAtUserTask(RECORD_FOLLOW_UP)).thenReturn(completeAs(HEALTH_PRACTITIONER, followUp("single-agency")));

    ProcessInstance pi = run(HEALTH_PRACTITIONER, cscCase());

    assertThat(pi).isEnded().hasPassed(CSC_RESOLUTION_MEETING, LOG_AT_LSCB, RECORD_RESOLUTIONS_MEETING).hasNotPassed(SEND_LEARNING_TO_LSCB);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(4);
    assertThat(historicVariable(pi, "lscbOutcome")).isEqualTo("Joint plan agreed by chief officers");
    // the outcome is fed back to the raising agency's Designated Safeguarding Lead
    assertThat(subjectsTo("llr.health.safeguarding-lead@example.org")).contains("Case LLR-2026-0013: outcome recorded at stage 4");
  }

  @Test
  void theChairMayDecideWithoutAMeetingAndRecordsTheOutcome() {
    when(scenario.waitsAtUserTask(CONSIDER_RESOLUTIONS_MEETING)).thenReturn(task -> {
      assertThatThrownBy(() -> completeNow(task.getId(), INDEPENDENT_CHAIR,
          Map.of("conveneResolutionsMeeting", "no", "chairDecisionReason", "Resolved by the LSCB Manager's action")))
          .isInstanceOf(FormValidationException.class).hasMessageContaining("lscbOutcome: is required when no meeting is convened");
      completeNow(task.getId(), INDEPENDENT_CHAIR, Map.of("conveneResolutionsMeeting", "no",
          "chairDecisionReason", "Resolved by the LSCB Manager's action", "lscbOutcome", "Threshold guidance clarified to both agencies"));
    });

    ProcessInstance pi = run(standardCase());

    assertThat(pi).isEnded().hasPassed(RESOLUTION_MEETING, LOG_AT_LSCB).hasNotPassed(RECORD_RESOLUTIONS_MEETING);
    assertThat(historicVariable(pi, "resolvedAtStage")).isEqualTo(4);
  }

  @Test
  void multiAgencyLearningGoesToTheLscbOffice() {
    when(scenario.waitsAtUserTask(DISCUSS_WITH_OTHER_PRACTITIONER)).thenReturn(completeAs(PRACTITIONER, stepRecord("resolved")));
    when(scenario.waitsAtUserTask(RECORD_FOLLOW_UP)).thenReturn(task -> {
      assertThatThrownBy(() -> completeNow(task.getId(), PRACTITIONER, Map.of("learningScope", "multi-agency", "debriefOffered", "yes")))
          .isInstanceOf(FormValidationException.class).hasMessageContaining("learningSummary: is required when learning is identified");
      smtp.clear();
      completeNow(task.getId(), PRACTITIONER, followUp("multi-agency"));
    });

    ProcessInstance pi = run(standardCase());

    deliverNotifications();
    assertThat(pi).isEnded().hasPassed(SEND_LEARNING_TO_LSCB);
    assertThat(smtp.received()).extracting(SmtpServer::to, SmtpServer::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("llr.business-manager@example.org", "Case LLR-2026-0013: learning referred to the Board"));
    assertThat(historicVariable(pi, "debriefOffered")).isEqualTo("yes");
  }

  // --- deadlines -------------------------------------------------------------------------------

  /** Local settings (the source says "timely"): each reminder fires at its deadline, not a minute before, to owner and next level up. */
  @Test
  void eachStepsTimerFiresAtItsLocalDeadlineAndTellsTheNextLevelUp() {
    ProcessInstance pi = startCase(PRACTITIONER, standardCase());
    assertBreach(pi, DISCUSS_WITH_OTHER_PRACTITIONER, london("2026-03-04T17:00"), PRACTITIONER, LINE_MANAGER);
    completeNow(task(pi, DISCUSS_WITH_OTHER_PRACTITIONER).getId(), PRACTITIONER, stepRecord("escalate"));
    assertBreach(pi, REVIEW_WITH_LINE_MANAGERS, london("2026-03-09T17:00"), LINE_MANAGER, DSL);
    completeNow(task(pi, REVIEW_WITH_LINE_MANAGERS).getId(), LINE_MANAGER, lineManagerReview("escalate"));
    assertBreach(pi, RESOLUTION_MEETING, london("2026-03-16T17:00"), DSL, "llr.la-childrens.senior-manager");
    completeNow(task(pi, RESOLUTION_MEETING).getId(), DSL, resolutionMeeting("escalate"));
    assertBreach(pi, LOG_AT_LSCB, london("2026-03-18T17:00"), LSCB_MANAGER, INDEPENDENT_CHAIR);
    completeNow(task(pi, LOG_AT_LSCB).getId(), LSCB_MANAGER, lscbLog());
    assertBreach(pi, CONSIDER_RESOLUTIONS_MEETING, london("2026-03-23T17:00"), INDEPENDENT_CHAIR, LSCB_MANAGER);
    completeNow(task(pi, CONSIDER_RESOLUTIONS_MEETING).getId(), INDEPENDENT_CHAIR,
        Map.of("conveneResolutionsMeeting", "yes", "chairDecisionReason", "Policy issue"));
    // 10 working days: Good Friday and Easter Monday 2026 are no working days
    assertBreach(pi, RECORD_RESOLUTIONS_MEETING, london("2026-04-08T17:00"), INDEPENDENT_CHAIR, LSCB_MANAGER);
  }

  @Test
  void theServiceManagersMeetingHasItsReminderToo() {
    ProcessInstance pi = startCase(HEALTH_PRACTITIONER, cscCase());
    completeNow(task(pi, DISCUSS_WITH_OTHER_PRACTITIONER).getId(), HEALTH_PRACTITIONER, stepRecord("escalate"));
    completeNow(task(pi, REVIEW_WITH_LINE_MANAGERS).getId(), "llr.health.line-manager", lineManagerReview("escalate"));
    assertBreach(pi, CSC_RESOLUTION_MEETING, london("2026-03-09T17:00"), CSC_SERVICE_MANAGER, "llr.la-childrens.director");
  }

  /** "Where a practitioner believes that a child is at risk of Significant Harm, the escalation must be made on the same working day." */
  @ParameterizedTest(name = "raised {0} → due {1}")
  @CsvSource({
      "2026-03-04T10:00, 2026-03-04T17:00", // a working day, 10:00: 17:00 that day
      "2026-03-06T18:00, 2026-03-09T17:00", // a Friday after closing time: 17:00 Monday
      "2026-04-03T10:00, 2026-04-07T17:00", // Good Friday: Easter Monday is a bank holiday too
      "2026-12-25T10:00, 2026-12-29T17:00"}) // Christmas Day; Boxing Day's substitute is Monday 28 December
  void significantHarmMeansTheSameWorkingDay(String raised, String due) {
    ClockUtil.setCurrentTime(Date.from(london(raised)));
    Map<String, Object> vars = standardCase();
    vars.put("riskLevel", "significant-harm");
    ProcessInstance pi = startCase(PRACTITIONER, vars);

    Task step1 = task(pi, DISCUSS_WITH_OTHER_PRACTITIONER);
    assertThat(step1.getDueDate().toInstant()).isEqualTo(london(due));
    assertThat(timers(pi)).extracting(j -> j.getDuedate().toInstant()).containsExactly(london(due));
  }

  @Test
  void significantHarmMakesEveryEscalationTheSameWorkingDay() {
    ClockUtil.setCurrentTime(Date.from(london("2026-03-04T10:00")));
    Map<String, Object> vars = standardCase();
    vars.put("riskLevel", "significant-harm");
    ProcessInstance pi = startCase(PRACTITIONER, vars);

    completeAt("2026-03-04T11:00", pi, DISCUSS_WITH_OTHER_PRACTITIONER, PRACTITIONER, stepRecord("escalate"));
    assertDue(pi, REVIEW_WITH_LINE_MANAGERS, "2026-03-04T17:00");
    completeAt("2026-03-04T16:00", pi, REVIEW_WITH_LINE_MANAGERS, LINE_MANAGER, lineManagerReview("escalate"));
    assertDue(pi, RESOLUTION_MEETING, "2026-03-04T17:00");
    completeAt("2026-03-04T17:30", pi, RESOLUTION_MEETING, DSL, resolutionMeeting("escalate")); // after closing time
    assertDue(pi, LOG_AT_LSCB, "2026-03-05T17:00");
    completeAt("2026-03-05T09:00", pi, LOG_AT_LSCB, LSCB_MANAGER, lscbLog());
    assertDue(pi, CONSIDER_RESOLUTIONS_MEETING, "2026-03-05T17:00");
    completeAt("2026-03-05T10:00", pi, CONSIDER_RESOLUTIONS_MEETING, INDEPENDENT_CHAIR,
        Map.of("conveneResolutionsMeeting", "yes", "chairDecisionReason", "Urgent"));
    // the meeting itself is no escalation: its local 10 working days stand
    assertDue(pi, RECORD_RESOLUTIONS_MEETING, "2026-03-19T17:00");
  }

  @Test
  void startValuesAreCheckedAgainstTheStartForm() {
    Map<String, Object> vars = standardCase();
    vars.remove("caseReference");
    vars.put("receivingAgency", "la-adults"); // not an agency of this partnership
    vars.put("subjectType", "adult");
    long before = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(() -> startCase(PRACTITIONER, vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("caseReference: is required")
        .hasMessageContaining("subjectType: must be one of child")
        .hasMessageContaining("receivingAgency: must be one of");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void anImmediateRiskNeedsARecordOfWhatWasDoneAndIsTreatedAsSignificantHarm() {
    Map<String, Object> vars = standardCase();
    vars.put("riskLevel", "immediate");
    assertThatThrownBy(() -> startCase(PRACTITIONER, vars)).isInstanceOf(FormValidationException.class)
        .hasMessageContaining("immediateRiskAction: is required when riskLevel is immediate");
    vars.put("immediateRiskAction", "not-applicable");
    ProcessInstance pi = startCase(PRACTITIONER, vars);
    assertThat(task(pi, DISCUSS_WITH_OTHER_PRACTITIONER).getDueDate().toInstant()).isEqualTo(london("2026-03-02T17:00"));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ProcessInstance run(Map<String, Object> startVariables) {
    return run(PRACTITIONER, startVariables);
  }

  private ProcessInstance run(String starter, Map<String, Object> startVariables) {
    return run(LlrEscalationProcess.KEY, starter, startVariables);
  }

  private ProcessInstance startCase(String starter, Map<String, Object> vars) {
    return startCase(LlrEscalationProcess.KEY, starter, vars);
  }

  private void completeAt(String when, ProcessInstance pi, String taskKey, String user, Map<String, Object> values) {
    ClockUtil.setCurrentTime(Date.from(london(when)));
    completeNow(task(pi, taskKey).getId(), user, values);
  }

  /** The task's due date and its reminder are the same instant. */
  private void assertDue(ProcessInstance pi, String taskKey, String due) {
    assertDue(pi, taskKey, london(due));
  }

  private List<Job> timers(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).timers().list();
  }

  /** The step's timer is due exactly at {@code due}: nothing a minute before, the breach email at it, to these users. */
  private void assertBreach(ProcessInstance pi, String taskKey, Instant due, String... users) {
    assertDue(pi, taskKey, due);
    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofMinutes(1))));
    Jobs.runDue(engine, pi.getId());
    smtp.clear();
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.received()).isEmpty();

    ClockUtil.setCurrentTime(Date.from(due));
    Jobs.runDue(engine, pi.getId());
    assertThat(smtp.received()).filteredOn(m -> SmtpServer.subject(m).contains("deadline passed"))
        .extracting(SmtpServer::to).containsExactlyInAnyOrder(java.util.Arrays.stream(users).map(u -> u + "@example.org").toArray(String[]::new));
    assertThat(pi).isWaitingAt(taskKey);
    smtp.clear();
  }

  private void assertDue(ProcessInstance pi, String taskKey, Instant due) {
    assertThat(task(pi, taskKey).getDueDate().toInstant()).isEqualTo(due);
    assertThat(timers(pi)).extracting(j -> j.getDuedate().toInstant()).containsExactly(due);
  }

  static Instant london(String localDateTime) {
    return NssabCases.london(localDateTime);
  }

  static Map<String, Object> standardCase() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseReference", "LLR-2026-0013");
    vars.put("subjectType", "child");
    vars.put("raisingAgency", "la-childrens");
    vars.put("receivingAgency", "health");
    vars.put("receivingPractitionerName", "Dr Riley Other");
    vars.put("disagreementCategory", "information-sharing");
    vars.put("areasOfAgreement", "Both agree the child needs a health assessment");
    vars.put("disputeSummary", "Health records not shared before the strategy discussion.");
    vars.put("possibleCause", "Consent misunderstood");
    vars.put("outcomeSought", "Records shared within the week");
    vars.put("riskLevel", "standard");
    return vars;
  }

  /** A health practitioner disagrees with children's social care: CSC is the subject. */
  static Map<String, Object> cscCase() {
    Map<String, Object> vars = standardCase();
    vars.put("raisingAgency", "health");
    vars.put("receivingAgency", "la-childrens");
    vars.put("disagreementCategory", "thresholds");
    return vars;
  }

  static Map<String, Object> stepRecord(String outcome) {
    return Map.of("contactType", "email", "contactBetween", "Social worker and health visitor",
        "discussionSummary", "Discussed what records can be shared", "agreedOutcome", "Records to be shared", "stageOutcome", outcome);
  }

  static Map<String, Object> lineManagerReview(String outcome) {
    return Map.of("reviewerRole", "line-manager", "contactType", "phone", "contactBetween", "Both line managers",
        "discussionSummary", "Reviewed; concern justified", "stageOutcome", outcome);
  }

  static Map<String, Object> resolutionMeeting(String outcome) {
    return Map.of("meetingDate", "2026-03-06", "meetingChair", "Designated Safeguarding Lead",
        "meetingAttendees", "Both agencies' safeguarding leads and practitioners", "discussionSummary", "Met and reviewed",
        "stageOutcome", outcome);
  }

  static Map<String, Object> lscbLog() {
    return Map.of("lscbLogReference", "LSCB-LOG-77", "loggedOn", "2026-03-10", "policyIssue", "yes",
        "courseOfAction", "Report to the Independent Chair; review the information-sharing protocol");
  }

  static Map<String, Object> resolutionsMeeting() {
    return Map.of("meetingDate", "2026-03-20", "meetingAttendees", "Chief officers of both agencies and the Independent Chair",
        "lscbOutcome", "Joint plan agreed by chief officers");
  }

  static Map<String, Object> followUp(String scope) {
    Map<String, Object> vars = new HashMap<>(Map.of("learningScope", scope, "debriefOffered", "yes"));
    if (!"none".equals(scope)) {
      vars.put("learningSummary", "Consent for information sharing needs a joint briefing");
    }
    return vars;
  }
}
