package uk.safeguarding.escalation.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks submitted values against a form: required fields, allowed values of choices, types,
 * lengths, patterns and number ranges. Fields that are not on the form are left alone.
 */
public final class FormValidator {

  private FormValidator() {}

  public static List<Violation> validate(CamundaForm form, Map<String, Object> submitted) {
    List<Violation> violations = new ArrayList<>();
    for (FormField field : form.fields()) {
      if (field.readonly()) {
        continue; // shown for information; the user cannot change it
      }
      Object value = submitted.get(field.key());
      if (isEmpty(value)) {
        if (field.required()) {
          violations.add(new Violation(field.key(), "is required"));
        }
        continue;
      }
      check(field, value, violations);
    }
    return violations;
  }

  private static void check(FormField field, Object value, List<Violation> violations) {
    switch (field.type()) {
      case "checkbox" -> {
        if (!(value instanceof Boolean checked)) {
          violations.add(new Violation(field.key(), "must be true or false"));
        } else if (field.required() && !checked) {
          violations.add(new Violation(field.key(), "must be confirmed"));
        }
      }
      case "number" -> {
        if (!(value instanceof Number number)) {
          violations.add(new Violation(field.key(), "must be a number"));
          return;
        }
        if (field.min() != null && number.doubleValue() < field.min()) {
          violations.add(new Violation(field.key(), "must be at least " + format(field.min())));
        }
        if (field.max() != null && number.doubleValue() > field.max()) {
          violations.add(new Violation(field.key(), "must be at most " + format(field.max())));
        }
      }
      case CamundaForm.DYNAMIC_LIST -> {
        if (DynamicListRows.of(value).isEmpty()) {
          violations.add(new Violation(field.key(), "must be a list of rows"));
        }
      }
      case "checklist", "taglist" -> { /* JSON lists: checked by protocol rules where they matter */ }
      case "datetime" -> {
        if (!(value instanceof String text)) {
          violations.add(new Violation(field.key(), "must be a date written as text"));
          return;
        }
        FormDates.check(field.subtype(), text).ifPresent(problem -> violations.add(new Violation(field.key(), problem)));
      }
      default -> {
        if (!(value instanceof String text)) {
          violations.add(new Violation(field.key(), "must be text"));
          return;
        }
        if (field.isChoice() && !field.allowedValues().contains(text)) {
          violations.add(new Violation(field.key(), "must be one of " + String.join(", ", new TreeSet<>(field.allowedValues()))));
          return;
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
          violations.add(new Violation(field.key(), "must have at least " + field.minLength() + " characters"));
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
          violations.add(new Violation(field.key(), "must have at most " + field.maxLength() + " characters"));
        }
        if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
          violations.add(new Violation(field.key(), "has an invalid format"));
        }
      }
    }
  }

  static boolean isEmpty(Object value) {
    return value == null || (value instanceof String s && s.isBlank());
  }

  private static String format(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
