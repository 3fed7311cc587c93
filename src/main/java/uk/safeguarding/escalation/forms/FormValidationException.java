package uk.safeguarding.escalation.forms;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/** A submission broke a form's rules; nothing was changed. */
public class FormValidationException extends BadUserRequestException {

  private final transient List<Violation> violations;

  public FormValidationException(String what, List<Violation> violations) {
    super("Invalid " + what + ": " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
