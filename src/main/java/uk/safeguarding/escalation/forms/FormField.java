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

  /** A field with no subtype, label or options of its own (e.g. a repeating table's path): its key labels it. */
  public FormField(String key, String type, boolean required, Set<String> allowedValues, Integer minLength,
      Integer maxLength, Pattern pattern, Double min, Double max, boolean readonly) {
    this(key, type, required, allowedValues, minLength, maxLength, pattern, min, max, readonly, null, key,
        java.util.Map.of());
  }

  /** The label a person sees for a stored value: a choice's option label, else the value itself. */
  public String labelOf(String value) {
    return optionLabels.getOrDefault(value, value);
  }


  public boolean isChoice() {
    return !allowedValues.isEmpty();
  }
}
