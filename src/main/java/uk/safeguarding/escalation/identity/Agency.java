package uk.safeguarding.escalation.identity;

/** Agencies taking part in the partnerships; the code appears in group IDs and start variables. */
public enum Agency {
  LA_CHILDRENS("la-childrens", "Local authority children's services"),
  LA_ADULTS("la-adults", "Local authority adult social care"),
  HEALTH("health", "Health"),
  POLICE("police", "Police"),
  EDUCATION("education", "Education"),
  PROBATION("probation", "Probation"),
  VOLUNTARY("voluntary", "Voluntary and community sector"),
  HOUSING("housing", "Housing");

  private final String code;
  private final String displayName;

  Agency(String code, String displayName) {
    this.code = code;
    this.displayName = displayName;
  }

  public String code() {
    return code;
  }

  public String displayName() {
    return displayName;
  }
}
