package uk.safeguarding.escalation.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.safeguarding.escalation.casefile.CaseVariables;

/**
 * Which variables a submission may carry at all: a start or completion with a Camunda Form carries
 * only that form's fields (a start also the contract's start variables), and fields the form shows read-only (Tasklist submits them too) only
 * with the value the case already holds. Without a form, the variables only the engine sets are
 * refused. So a submission cannot set {@code currentStage}, the raising practitioner or anything
 * else its form does not ask for.
 */
final class SubmittedFields {

  private SubmittedFields() {}

  /**
   * @param stored the values the case holds for the form's read-only fields (empty for a start)
   * @param alsoAllowed names allowed besides the form's fields (a start: the contract's start variables)
   */
  static List<Violation> check(Optional<CamundaForm> form, Map<String, Object> submitted, Map<String, Object> stored,
      Set<String> alsoAllowed) {
    List<Violation> violations = new ArrayList<>();
    if (form.isEmpty()) {
      submitted.keySet().stream().filter(CaseVariables.ENGINE_SET::contains).sorted()
          .forEach(name -> violations.add(new Violation(name, "is set by the engine and cannot be submitted")));
      return violations;
    }
    Set<String> fields = form.get().fields().stream().map(FormField::key).collect(Collectors.toSet());
    fields.addAll(alsoAllowed);
    submitted.keySet().stream().filter(name -> !fields.contains(name)).sorted()
        .forEach(name -> violations.add(new Violation(name, "is not a field of this form")));
    for (FormField field : form.get().fields()) {
      if (field.readonly() && submitted.containsKey(field.key())
          && !sameValue(submitted.get(field.key()), stored.get(field.key()))) {
        violations.add(new Violation(field.key(), "is shown for information and cannot be changed"));
      }
    }
    return violations;
  }

  private static boolean sameValue(Object submitted, Object stored) {
    if (FormValidator.isEmpty(submitted) || FormValidator.isEmpty(stored)) {
      return FormValidator.isEmpty(submitted) && FormValidator.isEmpty(stored);
    }
    return Objects.equals(String.valueOf(submitted), String.valueOf(stored));
  }
}
