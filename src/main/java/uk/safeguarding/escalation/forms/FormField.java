package uk.safeguarding.escalation.forms;

import java.util.Set;
import java.util.regex.Pattern;

/** One input of a Camunda Form, with the validation the form declares ({@code subtype}: a datetime field's date, time or datetime). */
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
    boolean readonly,
    String subtype,
    String label,
    java.util.Map<String, String> optionLabels) {

  /** The label a person sees for a stored value: a choice's option label, else the value itself. */
  public String labelOf(String value) {
    return optionLabels.getOrDefault(value, value);
  }


  public boolean isChoice() {
    return !allowedValues.isEmpty();
  }
}
