package uk.safeguarding.escalation.bscp;

/**
 * Buckinghamshire Safeguarding Children Partnership: 2.4 Escalation, Challenge and Conflict
 * Resolution Procedure ({@code processes/bscp-escalation.bpmn}). Java and the diagram share these names.
 */
public final class BscpEscalationProcess {

  public static final String KEY = "bscp-escalation";

  private BscpEscalationProcess() {}

  /** Flow-node IDs of the diagram. */
  public static final class Elements {
    public static final String START = "StartEvent_DisagreementRaised";
    public static final String GATEWAY_WHICH_ROUTE = "Gateway_WhichRoute";

    // life-threatening situation (2.4.25)
    public static final String GATEWAY_NON_INVOLVEMENT_DISPUTED = "Gateway_NonInvolvementDisputed";
    public static final String INFORM_BSCP_ASAP = "SendTask_InformBscpAsap";

    // the standard ladder
    public static final String STAGE1_PRACTITIONERS = "UserTask_Stage1Practitioners";
    public static final String STAGE1_OVERDUE = "BoundaryEvent_Stage1Overdue";
    public static final String NOTIFY_STAGE1_OVERDUE = "SendTask_NotifyStage1Overdue";
    public static final String GATEWAY_STAGE1_OUTCOME = "Gateway_Stage1Outcome";
    public static final String NOTIFY_RECEIVING_DESIGNATED_PERSON = "SendTask_NotifyReceivingDesignatedPerson";
    public static final String NOTIFY_STAGE2_OWNERS = "SendTask_NotifyStage2Owners";
    public static final String STAGE2_DESIGNATED_PERSON = "UserTask_Stage2DesignatedPerson";
    public static final String STAGE2_OVERDUE = "BoundaryEvent_Stage2Overdue";
    public static final String NOTIFY_STAGE2_OVERDUE = "SendTask_NotifyStage2Overdue";
    public static final String GATEWAY_STAGE2_OUTCOME = "Gateway_Stage2Outcome";
    public static final String ADVISE_OTHER_ORGANISATION = "SendTask_AdviseOtherOrganisation";
    public static final String NOTIFY_STAGE3_OWNERS = "SendTask_NotifyStage3Owners";
    public static final String GATEWAY_SENIOR_OFFICERS_INVOLVED = "Gateway_SeniorOfficersInvolved";
    public static final String STAGE3_SENIOR_OFFICERS = "UserTask_Stage3SeniorOfficers";
    public static final String STAGE3_OVERDUE = "BoundaryEvent_Stage3Overdue";
    public static final String NOTIFY_STAGE3_OVERDUE = "SendTask_NotifyStage3Overdue";
    public static final String GATEWAY_STAGE3_OUTCOME = "Gateway_Stage3Outcome";
    public static final String NOTIFY_PARTNERSHIP_REPRESENTATIVE = "SendTask_NotifyPartnershipRepresentative";
    public static final String INFORM_BSCP_TEAM = "UserTask_InformBscpTeam";
    public static final String BSCP_TEAM_NOTIFIED = "SendTask_BscpTeamNotified";
    public static final String END_BSCP_TEAM_MADE_AWARE = "EndEvent_BscpTeamMadeAware";

    // 16-17-year-olds who may lack capacity (2.4.12)
    public static final String GATEWAY_MENTAL_CAPACITY_CASE = "Gateway_MentalCapacityCase";
    public static final String SEEK_LEGAL_ADVICE = "UserTask_SeekLegalAdvice";
    public static final String GATEWAY_COURT_REFERRAL = "Gateway_CourtReferral";
    public static final String CONFIRM_COURT_REFERRAL = "SendTask_ConfirmCourtReferral";
    public static final String END_REFERRED_TO_COURT = "EndEvent_ReferredToCourt";

    public static final String REFER_TO_BSCP = "SendTask_ReferToBscp";
    public static final String END_REFERRED_TO_BSCP = "EndEvent_ReferredToBscp";

    // resolved through the natural turn of events, and closed (2.4.11)
    public static final String RECORD_NATURAL_TURN_CLOSURE = "ServiceTask_RecordNaturalTurnClosure";
    public static final String CONFIRM_NATURAL_TURN_CLOSURE = "SendTask_ConfirmNaturalTurnClosure";
    public static final String END_CLOSED_BY_NATURAL_TURN = "EndEvent_ClosedByNaturalTurn";

    public static final String RECORD_RESOLUTION = "ServiceTask_RecordResolution";
    public static final String CONFIRM_OUTCOME = "SendTask_ConfirmOutcome";
    public static final String END_RESOLVED = "EndEvent_DisagreementResolved";

    // Child Protection Conference chair's decision (2.4.13-2.4.17)
    public static final String CP_DECIDE_CHALLENGE = "UserTask_CpDecideChallenge";
    public static final String CP_CHALLENGE_OVERDUE = "BoundaryEvent_CpChallengeOverdue";
    public static final String GATEWAY_CP_CHALLENGE = "Gateway_CpChallenge";
    public static final String NOTIFY_CP_DESIGNATED_PERSON = "SendTask_NotifyCpDesignatedPerson";
    public static final String CP_DESIGNATED_PERSON = "UserTask_CpDesignatedPerson";
    public static final String CP_DESIGNATED_PERSON_OVERDUE = "BoundaryEvent_CpDesignatedPersonOverdue";
    public static final String GATEWAY_DESIGNATED_PERSON_CONCURS = "Gateway_DesignatedPersonConcurs";
    public static final String ALERT_REVIEWING_SERVICE_MANAGER = "SendTask_AlertReviewingServiceManager";
    public static final String CP_DETERMINATION = "UserTask_CpDetermination";
    public static final String CP_DETERMINATION_OVERDUE = "BoundaryEvent_CpDeterminationOverdue";

    // allegations against staff and volunteers: the LADO (2.4.18-2.4.20)
    public static final String LADO_CONSULT = "UserTask_LadoConsult";
    public static final String LADO_CONSULT_OVERDUE = "BoundaryEvent_LadoConsultOverdue";
    public static final String GATEWAY_LADO_OUTCOME = "Gateway_LadoOutcome";
    public static final String LADO_DIRECT_CONTACT = "UserTask_LadoDirectContact";
    public static final String GATEWAY_DIRECT_CONTACT_OUTCOME = "Gateway_DirectContactOutcome";
    public static final String NOTIFY_RECEIVING_NAMED_SENIOR_OFFICER = "SendTask_NotifyReceivingNamedSeniorOfficer";
    public static final String NOTIFY_NAMED_SENIOR_OFFICER = "SendTask_NotifyNamedSeniorOfficer";
    public static final String NAMED_SENIOR_OFFICER = "UserTask_NamedSeniorOfficer";
    public static final String NAMED_SENIOR_OFFICER_OVERDUE = "BoundaryEvent_NamedSeniorOfficerOverdue";

    // the 15 working days maximum
    public static final String CASE_MAXIMUM_PASSED = "StartEvent_CaseMaximumPassed";
    public static final String NOTIFY_CASE_MAXIMUM_EXCEEDED = "SendTask_NotifyCaseMaximumExceeded";
    public static final String END_NO_MAXIMUM_REMINDER_NEEDED = "EndEvent_NoMaximumReminderNeeded";

    private Elements() {}
  }

  /** Camunda Forms of the diagram (forms/*.form, camunda:formRef). */
  public static final class Forms {
    public static final String START = "bscp-start";
    public static final String STAGE1 = "bscp-stage1";
    public static final String STAGE = "bscp-stage";
    public static final String BSCP_INFORMED = "bscp-bscp-informed";
    public static final String LEGAL_ADVICE = "bscp-legal-advice";
    public static final String CP_CHALLENGE = "bscp-cp-challenge";
    public static final String CP_DESIGNATED_PERSON = "bscp-cp-designated-person";
    public static final String CP_DETERMINATION = "bscp-cp-determination";
    public static final String LADO_CONSULT = "bscp-lado-consult";
    public static final String LADO_DIRECT_CONTACT = "bscp-lado-direct-contact";
    public static final String LADO_NAMED_OFFICER = "bscp-lado-named-officer";

    private Forms() {}
  }

  /** Variables of this protocol beyond the shared ones in CaseVariables. */
  public static final class Variables {
    public static final String ESCALATION_ROUTE = "escalationRoute";
    public static final String IMMEDIATE_ACTION_TAKEN = "immediateActionTaken";
    public static final String NON_INVOLVEMENT_DISPUTED = "nonInvolvementDisputed";
    public static final String CLOSURE_REASON = "closureReason";
    public static final String RESOLVED_BY_EVENTS = "resolvedByEvents";
    public static final String LEGAL_ADVICE_OUTCOME = "legalAdviceOutcome";
    public static final String COURT_REFERRAL = "courtReferral";
    public static final String LADO_CONSULTED = "ladoConsulted";
    public static final String LADO_CONTACTED_DIRECTLY = "ladoContactedDirectly";
    public static final String LADO_CONTACTED_ON = "ladoContactedOn";
    public static final String CP_DETERMINATION = "cpDetermination";

    private Variables() {}
  }

  /** Values of {@link Variables#ESCALATION_ROUTE} and the stage outcomes beyond the shared resolved / escalate. */
  public static final class Values {
    public static final String ROUTE_STANDARD = "standard";
    public static final String ROUTE_CP_CONFERENCE = "cp-conference";
    public static final String ROUTE_LADO = "lado";
    public static final String ROUTE_MENTAL_CAPACITY = "mental-capacity";
    public static final String ROUTE_LIFE_THREATENING = "life-threatening";
    /** Resolved through the natural turn of events, and closed instead of seen through (2.4.11). */
    public static final String OUTCOME_NATURAL_TURN = "natural-turn";
    /** CP Conference: challenge through the escalation stages, without a risk of significant harm. */
    public static final String OUTCOME_LADDER = "ladder";
    public static final String OUTCOME_LADO_NOT_CONSULTED = "lado-not-consulted";
    public static final String COURT_REFERRAL_OUTCOME = "court-referral";

    private Values() {}
  }
}
