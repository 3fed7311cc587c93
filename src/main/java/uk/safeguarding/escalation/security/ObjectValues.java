package uk.safeguarding.escalation.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Object and File variable values a request may carry (see {@link RequestGuardFilter}).
 * Answers are sentences for the client; they name the variable, never a Java type, so that
 * {@link ApiErrorFilter} passes them on unchanged.
 */
final class ObjectValues {

  static final String JAVA_SERIALIZATION_FORMAT = "application/x-java-serialized-object";
  static final String JAVA_SERIALIZED = "Java-serialized values are not accepted (variable '%s'); send objects as JSON"
      + " (serializationDataFormat application/json).";

  /**
   * Object types a JSON value may name: text, numbers, true/false and the plain lists and maps of
   * the engine's own default allow-list (it allows all of java.lang, which is too wide).
   */
  static final Set<String> ALLOWED_TYPES = Set.of(
      "java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Short",
      "java.lang.Double", "java.lang.Float", "java.lang.Byte", "java.lang.Character", "java.lang.Object",
      "java.util.ArrayList", "java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap",
      "java.util.LinkedHashSet", "java.util.LinkedList", "java.util.TreeMap", "java.util.TreeSet",
      "java.util.List", "java.util.Map", "java.util.Set");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TYPE_NAMES = Pattern.compile("[^<>,\\s\\[\\]]+");
  private static final Pattern PART_CONTENT_TYPE = Pattern.compile("(?im)^content-type:[ \\t]*(\\S[^\\r\\n]*)");
  private static final Pattern TYPE_PART = Pattern.compile("(?is)content-disposition:[^\\r\\n]*name=\"type\"[^\\r\\n]*\\r?\\n"
      + "(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([^\\r\\n]*)");

  private ObjectValues() {}

  /** Why a JSON body's Object or File value is refused, if one is. Bodies that are not JSON are the API's to refuse. */
  static Optional<String> refused(String body) {
    if (!body.contains("\"type\"") && !body.contains("\\u")) {
      return Optional.empty(); // fast path: no typed value at all (JSON escapes could hide one)
    }
    try {
      return find(JSON.readTree(body), "value");
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Why a multipart variable upload ({@code …/data}) is refused, if it is; {@code start} is the body's start. */
  static Optional<String> refusedUpload(String start) {
    Matcher contentTypes = PART_CONTENT_TYPE.matcher(start);
    while (contentTypes.find()) {
      if (isJavaSerialization(contentTypes.group(1))) {
        return Optional.of(JAVA_SERIALIZED.formatted("data"));
      }
    }
    Matcher type = TYPE_PART.matcher(start);
    if (type.find() && !allowedType(type.group(1).trim())) {
      return Optional.of("An uploaded object may be JSON of text, a number, true/false, a list or a map only"
          + " (the 'type' part names another).");
    }
    return Optional.empty();
  }

  private static Optional<String> find(JsonNode node, String name) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject()) {
      Optional<String> refusal = check(node, name);
      if (refusal.isPresent()) {
        return refusal;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        Optional<String> hit = find(field.getValue(), field.getKey());
        if (hit.isPresent()) {
          return hit;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> hit = find(element, name);
        if (hit.isPresent()) {
          return hit;
        }
      }
    }
    return Optional.empty();
  }

  /** A typed variable value is an object with a textual "type" and a "value" or "valueInfo". */
  private static Optional<String> check(JsonNode value, String name) {
    JsonNode type = value.get("type");
    if (type == null || !type.isTextual() || !(value.has("value") || value.has("valueInfo"))) {
      return Optional.empty();
    }
    JsonNode info = value.path("valueInfo");
    String kind = type.textValue().trim().toLowerCase(Locale.ROOT);
    JsonNode declared = info.get("serializationDataFormat");
    if (declared != null && declared.isTextual() && isJavaSerialization(declared.textValue())) {
      return Optional.of(JAVA_SERIALIZED.formatted(name)); // whatever the type says (a Json value declared so, too)
    }
    if (kind.equals("object")) {
      return checkObject(value.get("value"), info, name);
    }
    if (kind.equals("file")) {
      return checkFile(value.get("value"), info, name);
    }
    return Optional.empty();
  }

  private static Optional<String> checkObject(JsonNode value, JsonNode info, String name) {
    JsonNode format = info.get("serializationDataFormat");
    if (format != null && !format.isNull()) {
      if (format.isTextual() && isJavaSerialization(format.textValue())) {
        return Optional.of(JAVA_SERIALIZED.formatted(name));
      }
      if (!format.isTextual() || !format.textValue().trim().equalsIgnoreCase("application/json")) {
        return Optional.of("Object values are accepted as JSON only (variable '" + name
            + "': set valueInfo.serializationDataFormat to application/json).");
      }
    }
    JsonNode typeName = info.get("objectTypeName");
    if (typeName == null || !typeName.isTextual() || typeName.textValue().isBlank()) {
      return Optional.of("An Object value needs valueInfo.objectTypeName (variable '" + name + "').");
    }
    if (!allowedType(typeName.textValue())) {
      return Optional.of("An Object value may be JSON of text, a number, true/false, a list or a map only (variable '"
          + name + "').");
    }
    if (value != null && value.isTextual()) {
      try {
        JSON.readTree(value.textValue());
      } catch (JsonProcessingException e) {
        return Optional.of("The value of Object variable '" + name + "' is not valid JSON.");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> checkFile(JsonNode value, JsonNode info, String name) {
    JsonNode mimeType = info.get("mimeType");
    if (mimeType != null && mimeType.isTextual() && isJavaSerialization(mimeType.textValue())) {
      return Optional.of(JAVA_SERIALIZED.formatted(name));
    }
    JsonNode filename = info.get("filename");
    if (filename == null || !filename.isTextual() || filename.textValue().isBlank()) {
      return Optional.of("A File value needs valueInfo.filename (variable '" + name + "').");
    }
    JsonNode encoding = info.get("encoding");
    if (encoding != null && !encoding.isNull() && !(encoding.isTextual() && knownCharset(encoding.textValue()))) {
      return Optional.of("The encoding of File variable '" + name + "' is not a known character set.");
    }
    if (value != null && !value.isNull()) {
      try {
        Base64.getDecoder().decode(value.isTextual() ? value.textValue() : "%");
      } catch (IllegalArgumentException e) {
        return Optional.of("The value of File variable '" + name + "' must be the file's content in base64.");
      }
    }
    return Optional.empty();
  }

  static boolean isJavaSerialization(String format) {
    return format.trim().toLowerCase(Locale.ROOT).startsWith(JAVA_SERIALIZATION_FORMAT);
  }

  /** Every class a (possibly generic or array) type name mentions is on the list. */
  static boolean allowedType(String typeName) {
    Matcher names = TYPE_NAMES.matcher(typeName);
    boolean any = false;
    while (names.find()) {
      any = true;
      if (!ALLOWED_TYPES.contains(names.group())) {
        return false;
      }
    }
    return any;
  }

  private static boolean knownCharset(String name) {
    try {
      return Charset.isSupported(name.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
