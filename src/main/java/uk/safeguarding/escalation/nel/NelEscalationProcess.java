package uk.safeguarding.escalation.nel;

/**
 * North East Lincolnshire LSCB and SAB: Escalation and Conflict Resolution procedure, for children
 * and adults ({@code processes/nel-escalation.bpmn}). Java and the diagram share these names.
 */
public final class NelEscalationProcess {

  public static final String KEY = "nel-escalation";

  private NelEscalationProcess() {}

  /** Flow-node IDs of the diagram. */
  public static final class Elements {
    public static final String START = "StartEvent_DisagreementRaised";

    public static final String RESOLVE_INFORMALLY = "UserTask_ResolveInformally";
    public static final String GATEWAY_RESOLVED_INFORMALLY = "Gateway_ResolvedInformally";

    public static final String NOTIFY_STAGE1_OWNERS = "SendTask_NotifyStage1Owners";
    public static final String STAGE1_LINE_MANAGER = "UserTask_Stage1LineManager";
    public static final String GATEWAY_RESOLVED_AT_STAGE1 = "Gateway_ResolvedAtStage1";

    public static final String NOTIFY_RECEIVING_LINE_MANAGERS = "SendTask_NotifyReceivingLineManagers";
    public static final String NOTIFY_STAGE2_OWNERS = "SendTask_NotifyStage2Owners";
    public static final String STAGE2_LINE_MANAGERS = "UserTask_Stage2LineManagers";
    public static final String STAGE2_OVERDUE = "BoundaryEvent_Stage2Overdue";
    public static final String NOTIFY_STAGE2_OVERDUE = "SendTask_NotifyStage2Overdue";
    public static final String GATEWAY_RESOLVED_AT_STAGE2 = "Gateway_ResolvedAtStage2";

    public static final String INFORM_PARTIES_OF_STAGE3 = "SendTask_InformPartiesOfStage3";
    public static final String NOTIFY_HEADS_OF_SERVICE = "SendTask_NotifyHeadsOfService";
    public static final String STAGE3_HEADS_OF_SERVICE = "UserTask_Stage3HeadsOfService";
    public static final String GATEWAY_RESOLVED_AT_STAGE3 = "Gateway_ResolvedAtStage3";

    public static final String FEED_BACK_TO_LINE_MANAGERS = "SendTask_FeedBackToLineManagers";
    public static final String NOTIFY_ASSISTANT_DIRECTORS = "SendTask_NotifyAssistantDirectors";
    public static final String STAGE4_ASSISTANT_DIRECTORS = "UserTask_Stage4AssistantDirectors";
    public static final String GATEWAY_REFER_TO_PANEL = "Gateway_ReferToPanel";
    public static final String NOTIFY_PANEL_CHAIR = "SendTask_NotifyPanelChair";
    public static final String PANEL_DECISION = "UserTask_PanelDecision";
    public static final String RELAY_FINAL_DECISION = "SendTask_RelayFinalDecision";
    public static final String RECORD_DECISION_RELAYED = "UserTask_RecordDecisionRelayed";
    public static final String RELAY_OVERDUE = "BoundaryEvent_RelayOverdue";
    public static final String NOTIFY_RELAY_OVERDUE = "SendTask_NotifyRelayOverdue";

    public static final String RECORD_RESOLUTION = "ServiceTask_RecordResolution";
    public static final String CONFIRM_OUTCOME = "SendTask_ConfirmOutcome";
    public static final String GATEWAY_BOARD_ENDORSEMENT_NEEDED = "Gateway_BoardEndorsementNeeded";
    public static final String GATEWAY_WHICH_BOARD = "Gateway_WhichBoard";
    public static final String REFER_TO_LSCB = "SendTask_ReferToLscb";
    public static final String REFER_TO_SAB = "SendTask_ReferToSab";
    public static final String ENDORSE_PROCEDURE_CHANGE = "UserTask_EndorseProcedureChange";
    public static final String NOTIFY_PARTNER_AGENCIES = "SendTask_NotifyPartnerAgencies";
    public static final String END_RESOLVED = "EndEvent_DisagreementResolved";

    public static final String CASE_OVERDUE = "StartEvent_CaseOverdue";
    public static final String GATEWAY_STILL_UNRESOLVED = "Gateway_StillUnresolved";
    public static final String NOTIFY_CASE_OVERDUE = "SendTask_NotifyCaseOverdue";
    public static final String END_NO_REMINDER_NEEDED = "EndEvent_NoReminderNeeded";

    private Elements() {}
  }

  /** Camunda Forms of the diagram (forms/*.form, camunda:formRef). */
  public static final class Forms {
    public static final String START = "nel-start";
    public static final String INFORMAL = "nel-informal";
    public static final String STAGE1 = "nel-stage1";
    public static final String STAGE2 = "nel-stage2";
    public static final String STAGE3 = "nel-stage3";
    public static final String STAGE4 = "nel-stage4";
    public static final String PANEL_DECISION = "nel-panel-decision";
    public static final String DECISION_RELAYED = "nel-decision-relayed";
    public static final String BOARD_ENDORSEMENT = "nel-board-endorsement";

    private Forms() {}
  }

  /** Variables of this protocol beyond the shared ones in CaseVariables. */
  public static final class Variables {
    public static final String CONFLICT_FRAMEWORK = "conflictFramework";
    public static final String CONFLICT_FRAMEWORK_OTHER = "conflictFrameworkOther";
    public static final String PERSON_VIEWS_SOUGHT = "personViewsSought";
    public static final String PERSON_VIEWS = "personViews";
    public static final String AGREED_TIMESCALE = "agreedTimescale";
    public static final String DIRECTORS_ESCALATED_TO = "directorsEscalatedTo";
    /** yes / no: procedural change required, or legal requirements not applied correctly (stages 3 and 4). */
    public static final String BOARD_ENDORSEMENT_NEEDED = "boardEndorsementNeeded";
    public static final String BOARD_ENDORSEMENT_REASON = "boardEndorsementReason";
    public static final String IRO_CAFCASS_ESCALATION = "iroCafcassEscalation";

    private Variables() {}
  }
}
