package uk.safeguarding.escalation.llr;

/**
 * Leicester, Leicestershire and Rutland LSCB: Resolving Practitioner Disagreements and Escalation of
 * Concerns ({@code processes/llr-escalation.bpmn}). Java and the diagram share these names.
 */
public final class LlrEscalationProcess {

  public static final String KEY = "llr-escalation";

  private LlrEscalationProcess() {}

  /** Flow-node IDs of the diagram. */
  public static final class Elements {
    public static final String START = "StartEvent_DisagreementRaised";

    public static final String DISCUSS_WITH_OTHER_PRACTITIONER = "UserTask_DiscussWithOtherPractitioner";
    public static final String STEP1_OVERDUE = "BoundaryEvent_Step1Overdue";
    public static final String GATEWAY_RESOLVED_AT_STEP1 = "Gateway_ResolvedAtStep1";

    public static final String NOTIFY_LINE_MANAGERS = "SendTask_NotifyLineManagers";
    public static final String REVIEW_WITH_LINE_MANAGERS = "UserTask_ReviewWithLineManagers";
    public static final String STEP2_OVERDUE = "BoundaryEvent_Step2Overdue";
    public static final String GATEWAY_STEP2_OUTCOME = "Gateway_Step2Outcome";
    public static final String CONFIRM_CLOSURE = "SendTask_ConfirmClosure";
    public static final String END_CLOSED_NOT_JUSTIFIED = "EndEvent_ClosedNotJustified";

    public static final String GATEWAY_CSC_IS_SUBJECT = "Gateway_CscIsSubject";
    public static final String RESOLUTION_MEETING = "UserTask_ResolutionMeeting";
    public static final String STEP3_OVERDUE = "BoundaryEvent_Step3Overdue";
    public static final String CSC_RESOLUTION_MEETING = "UserTask_CscResolutionMeeting";
    public static final String CSC_STEP3_OVERDUE = "BoundaryEvent_CscStep3Overdue";
    public static final String GATEWAY_STEP3_OUTCOME = "Gateway_Step3Outcome";

    public static final String NOTIFY_LSCB = "SendTask_NotifyLscb";
    public static final String LOG_AT_LSCB = "UserTask_LogAtLscb";
    public static final String LSCB_LOG_OVERDUE = "BoundaryEvent_LscbLogOverdue";
    public static final String NOTIFY_INDEPENDENT_CHAIR = "SendTask_NotifyIndependentChair";
    public static final String CONSIDER_RESOLUTIONS_MEETING = "UserTask_ConsiderResolutionsMeeting";
    public static final String CHAIR_DECISION_OVERDUE = "BoundaryEvent_ChairDecisionOverdue";
    public static final String GATEWAY_CONVENE_MEETING = "Gateway_ConveneMeeting";
    public static final String NOTIFY_CHIEF_OFFICERS = "SendTask_NotifyChiefOfficers";
    public static final String RECORD_RESOLUTIONS_MEETING = "UserTask_RecordResolutionsMeeting";
    public static final String RESOLUTIONS_MEETING_OVERDUE = "BoundaryEvent_ResolutionsMeetingOverdue";

    public static final String RECORD_RESOLUTION = "ServiceTask_RecordResolution";
    public static final String CONFIRM_OUTCOME = "SendTask_ConfirmOutcome";
    public static final String RECORD_FOLLOW_UP = "UserTask_RecordFollowUp";
    public static final String GATEWAY_LEARNING_FOR_LSCB = "Gateway_LearningForLscb";
    public static final String SEND_LEARNING_TO_LSCB = "SendTask_SendLearningToLscb";
    public static final String END_RESOLVED = "EndEvent_DisagreementResolved";

    private Elements() {}
  }

  /** Camunda Forms of the diagram (forms/*.form, camunda:formRef). */
  public static final class Forms {
    public static final String START = "llr-start";
    public static final String STEP_RECORD = "llr-step-record";
    public static final String LINE_MANAGER_REVIEW = "llr-line-manager-review";
    public static final String RESOLUTION_MEETING = "llr-resolution-meeting";
    public static final String LSCB_LOG = "llr-lscb-log";
    public static final String CHAIR_DECISION = "llr-chair-decision";
    public static final String RESOLUTIONS_MEETING = "llr-resolutions-meeting";
    public static final String FOLLOW_UP = "llr-follow-up";

    private Forms() {}
  }

  /** Variables of this protocol beyond the shared ones in CaseVariables. */
  public static final class Variables {
    public static final String OUTCOME_NOT_JUSTIFIED = "not-justified";
    public static final String CLOSURE_REASON = "closureReason";
    public static final String LSCB_LOG_REFERENCE = "lscbLogReference";
    public static final String CONVENE_RESOLUTIONS_MEETING = "conveneResolutionsMeeting";
    public static final String LSCB_OUTCOME = "lscbOutcome";
    public static final String LEARNING_SCOPE = "learningScope";
    public static final String LEARNING_SUMMARY = "learningSummary";

    private Variables() {}
  }
}
