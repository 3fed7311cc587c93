package uk.safeguarding.escalation.casefile;

/**
 * Process variables every protocol shares: the start variables and stage bookkeeping of the
 * contract in ../shared/protocols/README.md ("The contract every diagram keeps").
 */
public final class CaseVariables {

  public static final String CASE_REFERENCE = "caseReference";
  public static final String SUBJECT_TYPE = "subjectType";
  public static final String RAISING_AGENCY = "raisingAgency";
  public static final String RECEIVING_AGENCY = "receivingAgency";
  public static final String RECEIVING_PRACTITIONER_NAME = "receivingPractitionerName";
  public static final String DISAGREEMENT_CATEGORY = "disagreementCategory";
  public static final String DISPUTE_SUMMARY = "disputeSummary";
  public static final String OUTCOME_SOUGHT = "outcomeSought";
  public static final String RISK_LEVEL = "riskLevel";
  /** The contract's record of an immediate-risk referral (Boolean); still accepted from REST clients. */
  public static final String IMMEDIATE_RISK_REFERRAL_MADE = "immediateRiskReferralMade";
  /** What was done about an immediate risk: yes, no, or not applicable (the dispute is with that service). */
  public static final String IMMEDIATE_RISK_ACTION = "immediateRiskAction";
  /** Immediate risk only: the stage the case starts at (the procedures allow discretion). */
  public static final String STARTING_STAGE = "startingStage";

  /** The authenticated user who started the case (the start event's camunda:initiator). */
  public static final String RAISING_PRACTITIONER = "raisingPractitioner";
  public static final String CASE_STARTED_AT = "caseStartedAt";
  /** The partnership's code (its process key without "-escalation"): group IDs in diagrams start with ${partnership}-. */
  public static final String PARTNERSHIP = "partnership";
  public static final String CURRENT_STAGE = "currentStage";
  public static final String STAGE_STARTED_AT = "stageStartedAt";
  public static final String STAGE_OUTCOME = "stageOutcome";
  public static final String RESOLVED_AT_STAGE = "resolvedAtStage";
  public static final String RESOLVED_AT = "resolvedAt";
  /** Calendar days (Europe/London dates) from the outset to the resolution, as the Monitoring Form asks. */
  public static final String DAYS_TO_RESOLUTION = "daysToResolution";
  /** Working days (England and Wales, Europe/London) from the outset's date to the resolution's date. */
  public static final String WORKING_DAYS_TO_RESOLUTION = "workingDaysToResolution";

  /** What the raiser entered and each completed task recorded, under its form's labels (Json; {@link CaseRecord}). */
  public static final String CASE_RECORD = "caseRecord";

  /**
   * Variables only the engine sets (listeners and delegates): no submission may carry them unless
   * its form has a field of that name.
   */
  public static final java.util.Set<String> ENGINE_SET = java.util.Set.of(
      RAISING_PRACTITIONER, CASE_STARTED_AT, CURRENT_STAGE, STAGE_STARTED_AT, RESOLVED_AT_STAGE, RESOLVED_AT,
      DAYS_TO_RESOLUTION, WORKING_DAYS_TO_RESOLUTION, PARTNERSHIP, CASE_RECORD);

  /** The contract's start variables: a REST start may carry them even where a start form names a field differently. */
  public static final java.util.Set<String> CONTRACT_START = java.util.Set.of(
      CASE_REFERENCE, SUBJECT_TYPE, RAISING_AGENCY, RECEIVING_AGENCY, RECEIVING_PRACTITIONER_NAME, DISAGREEMENT_CATEGORY,
      DISPUTE_SUMMARY, OUTCOME_SOUGHT, RISK_LEVEL, IMMEDIATE_RISK_REFERRAL_MADE, STARTING_STAGE);

  public static final String RISK_IMMEDIATE = "immediate";
  public static final String OUTCOME_RESOLVED = "resolved";
  public static final String OUTCOME_ESCALATE = "escalate";

  private CaseVariables() {}
}
