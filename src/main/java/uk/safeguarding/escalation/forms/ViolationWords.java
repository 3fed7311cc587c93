package uk.safeguarding.escalation.forms;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A refusal in the words of the form the person filled in: fields by their labels and choices by
 * their option labels ("‘Learning summary’ is required when ‘Was learning identified?’ is ‘Yes’"),
 * for the message Tasklist shows. REST clients get the field keys and plain rule alongside, in the
 * answer's {@code violations}.
 */
final class ViolationWords {

  private static final String ONE_OF = "must be one of ";

  private ViolationWords() {}

  static String sentence(Optional<CamundaForm> form, List<Violation> violations) {
    return violations.stream().map(v -> words(form, v)).collect(Collectors.joining("; "));
  }

  static String words(Optional<CamundaForm> form, Violation violation) {
    if (form.isEmpty()) {
      return violation.toString();
    }
    List<FormField> fields = form.get().fields().stream()
        .sorted(Comparator.comparingInt((FormField f) -> f.key().length()).reversed()).toList();
    Optional<FormField> own = fields.stream().filter(f -> f.key().equals(violation.field())).findFirst();
    String message = violation.message();
    if (own.isPresent() && message.startsWith(ONE_OF)) {
      FormField field = own.get();
      message = ONE_OF + field.allowedValues().stream().sorted().map(v -> quote(field.labelOf(v)))
          .collect(Collectors.joining(", "));
    } else {
      for (FormField field : fields) {
        message = relabel(message, field);
      }
    }
    String rule = message;
    return own.map(f -> quote(f.label()) + " " + rule).orElse(violation.toString());
  }

  /** "key is value" and a bare key, as the form labels them. */
  private static String relabel(String message, FormField field) {
    Matcher matcher = Pattern.compile("\\b" + Pattern.quote(field.key()) + "\\b( is ([\\w-]+))?").matcher(message);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = matcher.group(2);
      String replacement = quote(field.label())
          + (value == null ? "" : " is " + (field.allowedValues().contains(value) ? quote(field.labelOf(value)) : value));
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String quote(String text) {
    return "‘" + text + "’";
  }
}
