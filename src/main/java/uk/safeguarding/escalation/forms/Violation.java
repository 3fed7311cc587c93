package uk.safeguarding.escalation.forms;

/** A field a submission got wrong, and what is wrong with it, in words a user understands. */
public record Violation(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
