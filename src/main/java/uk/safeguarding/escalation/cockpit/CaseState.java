package uk.safeguarding.escalation.cockpit;

import java.util.Arrays;
import java.util.Optional;

/** Where a case stands, as the Cases list and the figures name it. */
public enum CaseState {
  RUNNING("running", "Open"),
  RESOLVED("resolved", "Resolved"),
  /** Ended without a resolution (e.g. closed at a decision point the protocol allows). */
  CLOSED("closed", "Closed unresolved"),
  /** Cancelled or deleted by an administrator. */
  CANCELLED("cancelled", "Cancelled");

  public final String code;
  public final String label;

  CaseState(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public static Optional<CaseState> of(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
