package uk.safeguarding.escalation.forms;

import java.util.Set;
import java.util.regex.Pattern;

/** One input of a Camunda Form, with the validation the form declares. */
public record FormField(
    String key,
    String type,
    boolean required,
    Set<String> allowedValues,
    Integer minLength,
    Integer maxLength,
    Pattern pattern,
    Double min,
    Double max,
    boolean readonly) {

  boolean isChoice() {
    return !allowedValues.isEmpty();
  }
}
