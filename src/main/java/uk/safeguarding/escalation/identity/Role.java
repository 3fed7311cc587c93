package uk.safeguarding.escalation.identity;

/**
 * Roles named by the five procedures. Agency roles exist once per agency in a partnership (the
 * "line manager of the raising agency"); partnership roles once per partnership.
 */
public enum Role {
  PRACTITIONER("practitioner", "Practitioner", Scope.AGENCY),
  LINE_MANAGER("line-manager", "Line manager", Scope.AGENCY),
  SAFEGUARDING_LEAD("safeguarding-lead", "Safeguarding lead / designated professional", Scope.AGENCY),
  SECOND_TIER_MANAGER("second-tier-manager", "Second-tier manager", Scope.AGENCY),
  SENIOR_MANAGER("senior-manager", "Head of service / senior manager", Scope.AGENCY),
  DIRECTOR("director", "Director", Scope.AGENCY),
  BOARD_REP("board-rep", "Board / partnership representative", Scope.AGENCY),
  BUSINESS_MANAGER("business-manager", "Business manager", Scope.PARTNERSHIP),
  INDEPENDENT_CHAIR("independent-chair", "Independent chair / scrutineer", Scope.PARTNERSHIP),
  AUDITOR("auditor", "Auditor", Scope.PARTNERSHIP);

  public enum Scope { AGENCY, PARTNERSHIP }

  private final String code;
  private final String displayName;
  private final Scope scope;

  Role(String code, String displayName, Scope scope) {
    this.code = code;
    this.displayName = displayName;
    this.scope = scope;
  }

  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }

  public Scope scope() {
    return scope;
  }
}
