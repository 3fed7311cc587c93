package uk.safeguarding.escalation.security;

import static uk.safeguarding.escalation.web.EngineApiPaths.ENGINE_PREFIX;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The shape of a JSON body sent to a route that writes (see {@link RequestGuardFilter}): text
 * that is UTF-8, no key twice in one object, no NUL or half of a surrogate pair in any text (no
 * database stores them as sent), and on the routes that start or complete a case, change its
 * variables or send a message or signal, only the fields the route has: Camunda ignores a field it
 * does not know, so a misspelt or invented one (a variable's {@code "scope": "local"}) would
 * otherwise be dropped silently while the rest of the request takes effect. Answers are sentences
 * naming the field.
 */
final class RequestShape {

  private static final ObjectMapper STRICT = new ObjectMapper();

  static {
    STRICT.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
  }

  private static final Set<String> VARIABLE = Set.of("value", "type", "valueInfo");

  /** A route's top-level fields, and which of them hold variables (name to {value, type, valueInfo}). */
  record Fields(Set<String> fields, Set<String> containers) {}

  private static final Map<Pattern, Fields> ROUTES = new LinkedHashMap<>();

  static {
    route("/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/start",
        Set.of("businessKey", "caseInstanceId", "startInstructions", "skipCustomListeners", "skipIoMappings",
            "withVariablesInReturn"), "variables");
    route("/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/submit-form", Set.of("businessKey"), "variables");
    route("/task/[^/]+/(?:complete|submit-form)", Set.of("withVariablesInReturn"), "variables");
    route("/task/[^/]+/resolve", Set.of(), "variables");
    route("/task/[^/]+/bpmnError", Set.of("errorCode", "errorMessage"), "variables");
    route("/task/[^/]+/bpmnEscalation", Set.of("escalationCode"), "variables");
    route("/task/[^/]+/claim", Set.of("userId"));
    route("/task/[^/]+/unclaim", Set.of());
    route("/(?:task|process-instance|execution)/[^/]+/(?:variables|localVariables)", Set.of("deletions"), "modifications");
    route("/(?:task|process-instance|execution)/[^/]+/(?:variables|localVariables)/[^/]+", Set.of("value", "type", "valueInfo"));
    route("/message", Set.of("messageName", "businessKey", "tenantId", "withoutTenantId", "processInstanceId", "all",
        "resultEnabled", "variablesInResultEnabled"), "correlationKeys", "localCorrelationKeys", "processVariables",
        "processVariablesLocal", "processVariablesToTriggeredScope");
    route("/signal", Set.of("name", "executionId", "tenantId", "withoutTenantId"), "variables");
  }

  private static void route(String path, Set<String> fields, String... containers) {
    Set<String> all = new TreeSet<>(fields);
    all.addAll(List.of(containers));
    ROUTES.put(Pattern.compile(ENGINE_PREFIX + path + "/?"), new Fields(all, Set.of(containers)));
  }

  private RequestShape() {}

  /** The fields of the write route at {@code path}, if it is one whose fields are checked. */
  static Optional<Fields> fieldsOf(String path) {
    return ROUTES.entrySet().stream().filter(e -> e.getKey().matcher(path).matches()).map(Map.Entry::getValue).findFirst();
  }

  /** What is wrong with the body sent to a write route, in a sentence, if anything. */
  static Optional<String> problem(String path, byte[] body) {
    Optional<Fields> fields = fieldsOf(path);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      return Optional.of("The request body is not valid UTF-8 text.");
    }
    JsonNode root;
    try {
      root = STRICT.readTree(body);
    } catch (StreamConstraintsException e) {
      return Optional.of("The request body is nested too deeply.");
    } catch (JsonProcessingException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
        return Optional.of("The request names the same field twice in one object ("
            + e.getOriginalMessage().replaceFirst("^Duplicate field ", "") + "); send each field once.");
      }
      return Optional.empty(); // not JSON: the API refuses it itself, in its words
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    Optional<String> text = badText(root, "");
    if (text.isPresent()) {
      return text;
    }
    return unknownField(root, fields.get());
  }

  private static Optional<String> unknownField(JsonNode root, Fields fields) {
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!fields.fields().contains(field.getKey())) {
        return Optional.of("This request has no field '" + printable(field.getKey()) + "'; its fields are "
            + String.join(", ", fields.fields()) + ".");
      }
      if (fields.containers().contains(field.getKey()) && field.getValue().isObject()) {
        Iterator<Map.Entry<String, JsonNode>> variables = field.getValue().fields();
        while (variables.hasNext()) {
          Map.Entry<String, JsonNode> variable = variables.next();
          Iterator<String> names = variable.getValue().fieldNames();
          while (names.hasNext()) {
            String name = names.next();
            if (!VARIABLE.contains(name)) {
              return Optional.of("Variable '" + printable(variable.getKey()) + "' has a field '" + printable(name)
                  + "'; a variable has only value, type and valueInfo.");
            }
          }
        }
      }
    }
    Set<String> both = new TreeSet<>();
    pairs(root, "processVariables", "processVariablesLocal", both);
    JsonNode deletions = root.path("deletions");
    if (deletions.isArray()) {
      deletions.forEach(name -> {
        if (name.isTextual() && root.path("modifications").has(name.textValue())) {
          both.add(name.textValue());
        }
      });
    }
    if (!both.isEmpty()) {
      return Optional.of("Variable '" + printable(both.iterator().next()) + "' is sent twice (set and deleted, or both as"
          + " local and not); send it once.");
    }
    return Optional.empty();
  }

  private static void pairs(JsonNode root, String one, String other, Set<String> both) {
    if (root.path(one).isObject() && root.path(other).isObject()) {
      root.path(one).fieldNames().forEachRemaining(name -> {
        if (root.path(other).has(name)) {
          both.add(name);
        }
      });
    }
  }

  /** A NUL or a lone half of a surrogate pair in any key or text of the body. */
  private static Optional<String> badText(JsonNode node, String path) {
    if (node.isTextual()) {
      return badCharacter(node.textValue())
          .map(c -> "The text of " + (path.isEmpty() ? "the body" : "'" + printable(path) + "'") + " contains " + c + ", which is not text.");
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> hit = badText(node.get(i), path + "[" + i + "]");
        if (hit.isPresent()) {
          return hit;
        }
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String where = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      Optional<String> inName = badCharacter(field.getKey());
      if (inName.isPresent()) {
        return Optional.of("A field name in '" + printable(path.isEmpty() ? "the body" : path) + "' contains " + inName.get()
            + ", which is not text.");
      }
      Optional<String> hit = badText(field.getValue(), where);
      if (hit.isPresent()) {
        return hit;
      }
    }
    return Optional.empty();
  }

  static Optional<String> badCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return Optional.of("the character U+0000 (NUL)");
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(String.format("a lone half of a surrogate pair (U+%04X)", (int) c));
      }
    }
    return Optional.empty();
  }

  static String printable(String text) {
    String printable = text.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
    return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
  }
}
