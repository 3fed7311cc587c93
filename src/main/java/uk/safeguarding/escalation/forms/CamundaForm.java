package uk.safeguarding.escalation.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of a deployed Camunda Form (form-js schema), read from the same JSON Tasklist renders,
 * so the server enforces exactly the rules the browser shows.
 */
public record CamundaForm(String id, List<FormField> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> INPUT_TYPES = Set.of(
      "textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "taglist", "datetime");

  /** A repeating group of fields (form-js "dynamiclist"); its rows are saved as one Json variable. */
  public static final String DYNAMIC_LIST = "dynamiclist";

  public static CamundaForm parse(InputStream in) {
    try {
      JsonNode root = JSON.readTree(in);
      List<FormField> fields = new ArrayList<>();
      collect(root.path("components"), fields);
      return new CamundaForm(root.path("id").asText(), List.copyOf(fields));
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable form", e);
    }
  }

  private static void collect(JsonNode components, List<FormField> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (DYNAMIC_LIST.equals(type) && c.hasNonNull("path")) {
        // A repeating table: one value (its rows) under its path; the row fields are not fields of the form.
        fields.add(new FormField(c.path("path").asText(), DYNAMIC_LIST, false, Set.of(), null, null, null, null, null,
            c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)));
        continue;
      }
      if (c.has("components")) {
        collect(c.path("components"), fields); // groups
      }
      if (!INPUT_TYPES.contains(type) || !c.hasNonNull("key")) {
        continue;
      }
      JsonNode v = c.path("validate");
      Set<String> allowed = new LinkedHashSet<>();
      Map<String, String> optionLabels = new LinkedHashMap<>();
      c.path("values").forEach(value -> {
        allowed.add(value.path("value").asText());
        optionLabels.put(value.path("value").asText(), value.path("label").asText(value.path("value").asText()));
      });
      String pattern = v.path("pattern").asText(null);
      fields.add(new FormField(
          c.path("key").asText(),
          type,
          v.path("required").asBoolean(false),
          Set.copyOf(allowed),
          v.hasNonNull("minLength") ? v.path("minLength").asInt() : null,
          v.hasNonNull("maxLength") ? v.path("maxLength").asInt() : null,
          pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern),
          v.hasNonNull("min") ? v.path("min").asDouble() : null,
          v.hasNonNull("max") ? v.path("max").asDouble() : null,
          c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
          c.path("subtype").asText(null),
          c.path(type.equals("datetime") ? "dateLabel" : "label").asText(c.path("key").asText()),
          Map.copyOf(optionLabels)));
    }
  }
}
