package uk.safeguarding.escalation.notification;

/** What a notification tells its recipients; each kind has its own template and delegate. */
public enum NotificationKind {
  STAGE_STARTED("stage-started"),
  INTENTION_TO_ESCALATE("intention-to-escalate"),
  DEADLINE_BREACHED("deadline-breached"),
  OUTCOME_RECORDED("outcome-recorded"),
  PARTNERSHIP_NOTIFIED("partnership-notified"),
  CASE_OVERDUE("case-overdue"),
  MONITORING_FORM_COMPLETED("monitoring-form-completed"),
  LEARNING_REFERRED("learning-referred"),
  /** A panel's final, binding decision, to all organisations involved (NSSAB stage 5). */
  PANEL_DECISION("panel-decision"),
  /** A procedural change endorsed at board level, to partner agencies (NEL stage 3). */
  PROCEDURE_CHANGE_ENDORSED("procedure-change-endorsed"),
  /** The whole case is still unresolved at the protocol's case-level aim (NEL: 25 working days). */
  CASE_NOT_RESOLVED_IN_TIME("case-not-resolved-in-time"),
  /** An urgent case raised outside office hours, to the agency's on-call managers (BDSCP). */
  URGENT_OUT_OF_HOURS("urgent-out-of-hours");

  private final String templateName;

  /**
   * Kinds that tell of a case's outcome (or of its reaching the partnership): their link opens the
   * case's outcome, which everyone they name may read (Tasklist's Outcome view), since most of
   * those named hold no task of the case. Others link to the stage's task.
   */
  public boolean linksToOutcome() {
    return switch (this) {
      case OUTCOME_RECORDED, PANEL_DECISION, PARTNERSHIP_NOTIFIED, PROCEDURE_CHANGE_ENDORSED,
          MONITORING_FORM_COMPLETED, LEARNING_REFERRED -> true;
      default -> false;
    };
  }

  NotificationKind(String templateName) {
    this.templateName = templateName;
  }

  public String templateName() {
    return templateName;
  }
}
