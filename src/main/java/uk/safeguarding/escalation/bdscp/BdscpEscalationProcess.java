package uk.safeguarding.escalation.bdscp;

/**
 * Barking and Dagenham Safeguarding Children Partnership: Conflict Resolution and Escalation
 * Protocol, December 2023 ({@code processes/bdscp-escalation.bpmn}). Java and the diagram share
 * these names.
 */
public final class BdscpEscalationProcess {

  public static final String KEY = "bdscp-escalation";

  private BdscpEscalationProcess() {}

  /** Flow-node IDs of the diagram. */
  public static final class Elements {
    public static final String START = "StartEvent_DisagreementRaised";
    public static final String GATEWAY_URGENT_OUT_OF_HOURS = "Gateway_UrgentOutOfHours";
    public static final String NOTIFY_ON_CALL = "SendTask_NotifyOnCall";

    public static final String STAGE1_LIAISE = "UserTask_Stage1Liaise";
    public static final String STAGE1_LIAISE_OVERDUE = "BoundaryEvent_Stage1LiaiseOverdue";
    public static final String NOTIFY_RECEIVING_PRACTITIONER = "SendTask_NotifyReceivingPractitioner";
    public static final String STAGE1_REPLY = "UserTask_Stage1Reply";
    public static final String STAGE1_REPLY_OVERDUE = "BoundaryEvent_Stage1ReplyOverdue";
    public static final String STAGE1_RECORD = "UserTask_Stage1Record";
    public static final String STAGE1_RECORD_OVERDUE = "BoundaryEvent_Stage1RecordOverdue";
    public static final String GATEWAY_RESOLVED_AT_STAGE1 = "Gateway_ResolvedAtStage1";
    public static final String INFORM_COLLEAGUE_OF_ESCALATION = "SendTask_InformColleagueOfEscalation";

    public static final String NOTIFY_STAGE2_OWNERS = "SendTask_NotifyStage2Owners";
    public static final String STAGE2_REVIEW = "UserTask_Stage2Review";
    public static final String STAGE2_REVIEW_OVERDUE = "BoundaryEvent_Stage2ReviewOverdue";
    public static final String GATEWAY_FITS_PROCEDURE = "Gateway_FitsProcedure";
    public static final String TELL_NOT_FOR_PROCEDURE = "SendTask_TellNotForProcedure";
    public static final String END_NOT_FOR_PROCEDURE = "EndEvent_NotForThisProcedure";
    public static final String STAGE2_STRATEGY = "UserTask_Stage2Strategy";
    public static final String STAGE2_STRATEGY_OVERDUE = "BoundaryEvent_Stage2StrategyOverdue";
    public static final String GATEWAY_RESOLVED_AT_STAGE2 = "Gateway_ResolvedAtStage2";
    public static final String INFORM_OF_REFERRAL_TO_SL = "SendTask_InformOfReferralToSl";

    public static final String NOTIFY_STAGE3_OWNERS = "SendTask_NotifyStage3Owners";
    public static final String STAGE3_PHONE_CONTACT = "UserTask_Stage3PhoneContact";
    public static final String STAGE3_PHONE_CONTACT_OVERDUE = "BoundaryEvent_Stage3PhoneContactOverdue";
    public static final String STAGE3_APPENDIX_A = "UserTask_Stage3AppendixA";
    public static final String SHARE_ACTION_PLAN = "SendTask_ShareActionPlan";
    public static final String ACTION_PLAN_DUE = "TimerEvent_ActionPlanDue";
    public static final String NOTIFY_RECEIVING_SL = "SendTask_NotifyReceivingSl";
    public static final String STAGE3_CONTACT_REFERRING_SL = "UserTask_Stage3ContactReferringSl";
    public static final String STAGE3_OUTCOME = "UserTask_Stage3Outcome";
    public static final String GATEWAY_RESOLVED_AT_STAGE3 = "Gateway_ResolvedAtStage3";
    public static final String GATEWAY_NOTIFY_HEAD_OF_SERVICE = "Gateway_NotifyHeadOfService";
    public static final String NOTIFY_HEAD_OF_SERVICE = "SendTask_NotifyHeadOfService";
    public static final String NOTIFY_SENIOR_LEVELS = "SendTask_NotifySeniorLevels";
    public static final String STAGE3_SENIOR_ESCALATION = "UserTask_Stage3SeniorEscalation";
    public static final String GATEWAY_RESOLVED_AT_SENIOR_LEVEL = "Gateway_ResolvedAtSeniorLevel";

    public static final String REFER_TO_BUSINESS_MANAGER = "SendTask_ReferToBusinessManager";
    public static final String STAGE4_MEETING_DATE = "UserTask_Stage4MeetingDate";
    public static final String STAGE4_MEETING_DATE_OVERDUE = "BoundaryEvent_Stage4MeetingDateOverdue";
    public static final String STAGE4_SCRUTINEER_MEETING = "UserTask_Stage4ScrutineerMeeting";
    public static final String RECORD_SCRUTINEER_RESOLUTION = "ServiceTask_RecordScrutineerResolution";
    public static final String CONFIRM_SCRUTINEER_OUTCOME = "SendTask_ConfirmScrutineerOutcome";
    public static final String STAGE4_ACTED_UPON = "UserTask_Stage4ActedUpon";

    public static final String RECORD_RESOLUTION = "ServiceTask_RecordResolution";
    public static final String CONFIRM_OUTCOME = "SendTask_ConfirmOutcome";
    public static final String GATEWAY_REFER_TO_PDL = "Gateway_ReferToPdl";
    public static final String REFER_TO_PDL = "SendTask_ReferToPdl";
    public static final String RECORD_PDL_REFERRAL = "UserTask_RecordPdlReferral";
    public static final String END_LEARNING_REFERRED = "EndEvent_LearningReferred";
    public static final String END_RESOLVED = "EndEvent_DisagreementResolved";

    private Elements() {}
  }

  /** Camunda Forms of the diagram (forms/*.form, camunda:formRef). */
  public static final class Forms {
    public static final String START = "bdscp-start";
    public static final String STAGE1_LIAISE = "bdscp-stage1-liaise";
    public static final String STAGE1_REPLY = "bdscp-stage1-reply";
    public static final String STAGE1_RECORD = "bdscp-stage1-record";
    public static final String STAGE2_REVIEW = "bdscp-stage2-review";
    public static final String STAGE2_STRATEGY = "bdscp-stage2-strategy";
    public static final String STAGE3_PHONE = "bdscp-stage3-phone";
    public static final String APPENDIX_A = "bdscp-appendix-a";
    public static final String STAGE3_CONTACT = "bdscp-stage3-contact";
    public static final String STAGE3_OUTCOME = "bdscp-stage3-outcome";
    public static final String STAGE3_SENIOR = "bdscp-stage3-senior";
    public static final String STAGE4_MEETING_DATE = "bdscp-stage4-meeting-date";
    public static final String STAGE4_MEETING = "bdscp-stage4-meeting";
    public static final String STAGE4_ACTED_UPON = "bdscp-stage4-acted-upon";
    public static final String PDL_REFERRAL = "bdscp-pdl-referral";

    private Forms() {}
  }

  /** Variables of this protocol beyond the shared ones in CaseVariables. */
  public static final class Variables {
    /** yes / no: the escalation requires urgent resolution (out of hours: the agency's on-call process). */
    public static final String URGENT_RESOLUTION = "urgentResolution";
    /** yes / no: a baby is involved (stage 2 shortens, 4.2.2). */
    public static final String BABY_INVOLVED = "babyInvolved";
    /** phone / face-to-face / online-meeting; never email. */
    public static final String CONTACT_TYPE = "contactType";
    public static final String FITS_PROCEDURE = "fitsProcedure";
    public static final String FITS_PROCEDURE_REASON = "fitsProcedureReason";
    /** An earlier date for the stage-2 strategy that protects the child (optional). */
    public static final String STRATEGY_AGREE_BY = "strategyAgreeBy";
    public static final String WHO_CALLED = "whoCalled";
    /** Appendix A Section B: rows of issue, agreedAction, byWhom, byWhen, outcome. */
    public static final String ACTION_PLAN = "actionPlan";
    public static final String CHILDREN_CONCERNED = "childrenConcerned";
    public static final String NOTIFY_HEAD_OF_SERVICE = "notifyHeadOfService";
    public static final String REFER_TO_PDL = "referToPdl";
    public static final String LEARNING_POINTS = "learningPoints";
    public static final String RECOMMENDATION_ACTED_UPON = "recommendationActedUpon";

    /** The columns of a Section B row. */
    public static final String ROW_AGREED_ACTION = "agreedAction";
    public static final String ROW_BY_WHOM = "byWhom";
    public static final String ROW_BY_WHEN = "byWhen";

    private Variables() {}
  }
}
