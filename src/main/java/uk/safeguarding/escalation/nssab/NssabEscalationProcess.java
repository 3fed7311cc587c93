package uk.safeguarding.escalation.nssab;

/**
 * North Somerset Safeguarding Adults Board: Resolution of Professional Differences
 * ({@code processes/nssab-escalation.bpmn}). Java and the diagram share these names.
 */
public final class NssabEscalationProcess {

  public static final String KEY = "nssab-escalation";

  private NssabEscalationProcess() {}

  /** Flow-node IDs of the diagram. */
  public static final class Elements {
    public static final String START = "StartEvent_DisagreementRaised";
    public static final String GATEWAY_STARTING_STAGE = "Gateway_StartingStage";

    public static final String DISCUSS_WITH_OTHER_PRACTITIONER = "UserTask_DiscussWithOtherPractitioner";
    public static final String STAGE1_DISCUSSION_OVERDUE = "BoundaryEvent_Stage1DiscussionOverdue";
    public static final String NOTIFY_STAGE1_DISCUSSION_OVERDUE = "SendTask_NotifyStage1DiscussionOverdue";
    public static final String GATEWAY_RESOLVED_BY_PRACTITIONERS = "Gateway_ResolvedByPractitioners";

    public static final String RESOLVE_BETWEEN_LINE_MANAGERS = "UserTask_ResolveBetweenLineManagers";
    public static final String STAGE1_LINE_MANAGERS_OVERDUE = "BoundaryEvent_Stage1LineManagersOverdue";
    public static final String NOTIFY_LINE_MANAGERS = "SendTask_NotifyLineManagers";
    public static final String GATEWAY_RESOLVED_BY_LINE_MANAGERS = "Gateway_ResolvedByLineManagers";

    public static final String RESOLVE_BETWEEN_SECOND_TIER_MANAGERS = "UserTask_ResolveBetweenSecondTierManagers";
    public static final String STAGE2_OVERDUE = "BoundaryEvent_Stage2Overdue";
    public static final String NOTIFY_SECOND_TIER_MANAGERS = "SendTask_NotifySecondTierManagers";
    public static final String GATEWAY_RESOLVED_AT_STAGE2 = "Gateway_ResolvedAtStage2";

    public static final String RESOLVE_BETWEEN_SENIOR_MANAGERS = "UserTask_ResolveBetweenSeniorManagers";
    public static final String STAGE3_OVERDUE = "BoundaryEvent_Stage3Overdue";
    public static final String NOTIFY_SENIOR_MANAGERS = "SendTask_NotifySeniorManagers";
    public static final String GATEWAY_RESOLVED_AT_STAGE3 = "Gateway_ResolvedAtStage3";

    public static final String RESOLVE_AT_BOARD_LEVEL = "UserTask_ResolveAtBoardLevel";
    public static final String STAGE4_OVERDUE = "BoundaryEvent_Stage4Overdue";
    public static final String NOTIFY_BOARD_REPRESENTATIVES = "SendTask_NotifyBoardRepresentatives";
    public static final String GATEWAY_RESOLVED_AT_STAGE4 = "Gateway_ResolvedAtStage4";

    public static final String NOTIFY_BUSINESS_MANAGER = "SendTask_NotifyBusinessManager";
    public static final String DECIDE_MEDIATION_OR_PANEL = "UserTask_DecideMediationOrPanel";
    public static final String GATEWAY_MEDIATION_OR_PANEL = "Gateway_MediationOrPanel";
    public static final String RECORD_MEDIATION_OUTCOME = "UserTask_RecordMediationOutcome";
    public static final String GATEWAY_SETTLED_BY_MEDIATION = "Gateway_SettledByMediation";
    public static final String RECORD_PANEL_DECISION = "UserTask_RecordPanelDecision";
    public static final String NOTIFY_PANEL_DECISION = "SendTask_NotifyPanelDecision";

    public static final String RECORD_RESOLUTION = "ServiceTask_RecordResolution";
    public static final String CONFIRM_OUTCOME = "SendTask_ConfirmOutcome";
    public static final String GATEWAY_MONITORING_FORM_DUE = "Gateway_MonitoringFormDue";
    public static final String SEND_MONITORING_FORM = "SendTask_SendMonitoringForm";
    public static final String DISTRIBUTE_MONITORING_FORM = "UserTask_DistributeMonitoringForm";
    public static final String REFER_LEARNING = "UserTask_ReferLearning";
    public static final String GATEWAY_LEARNING_TO_REFER = "Gateway_LearningToRefer";
    public static final String NOTIFY_BOARD_OF_LEARNING = "SendTask_NotifyBoardOfLearning";
    public static final String END_RESOLVED = "EndEvent_DisagreementResolved";

    public static final String CASE_OVERDUE = "StartEvent_CaseOverdue";
    public static final String GATEWAY_REACHED_STAGE4 = "Gateway_ReachedStage4";
    public static final String NOTIFY_CASE_OVERDUE = "SendTask_NotifyCaseOverdue";

    private Elements() {}
  }

  /** Camunda Forms of the diagram (forms/*.form, camunda:formRef). */
  public static final class Forms {
    public static final String START = "nssab-start";
    public static final String STAGE_RECORD = "nssab-stage-record";
    public static final String MONITORING = "nssab-monitoring";
    public static final String ROUTE_DECISION = "nssab-route-decision";
    public static final String MEDIATION_OUTCOME = "nssab-mediation-outcome";
    public static final String PANEL_DECISION = "nssab-panel-decision";
    public static final String MONITORING_REVIEW = "nssab-monitoring-review";
    public static final String LEARNING = "nssab-learning";

    private Forms() {}
  }

  /** Variables of this protocol beyond the shared ones in CaseVariables. */
  public static final class Variables {
    public static final String LEARNING_IDENTIFIED = "learningIdentified";
    public static final String LEARNING_SUMMARY = "learningSummary";

    private Variables() {}
  }
}
