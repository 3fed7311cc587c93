package uk.safeguarding.escalation.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The rows of a Camunda Forms dynamic list (a repeating table, e.g. an action plan), whichever way
 * they arrive: Tasklist saves them as a Json variable (Spin, in the engine), REST clients send that
 * Json as text, Java callers may pass a list of maps.
 */
public final class DynamicListRows {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {};

  private DynamicListRows() {}

  /** The rows, or empty when the value is no list of rows (nothing submitted counts as no rows). */
  public static Optional<List<Map<String, Object>>> of(Object value) {
    if (value instanceof TypedValue typed) {
      value = typed.getValue();
    }
    if (value == null) {
      return Optional.of(List.of());
    }
    try {
      String text = value instanceof String s ? s
          : value instanceof List<?> || value instanceof Map<?, ?> ? JSON.writeValueAsString(value)
          : value.toString(); // a Spin JSON node prints as its JSON
      if (text.isBlank()) {
        return Optional.of(List.of());
      }
      return Optional.of(JSON.readValue(text, ROWS));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
