package uk.safeguarding.escalation.security;

import uk.safeguarding.escalation.web.CurrentUser;
import uk.safeguarding.escalation.web.CachedBodyRequest;
import uk.safeguarding.escalation.web.JsonErrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses, with 400 and before the engine sees them, requests to the engine REST API and the
 * webapps' API that carry a JUEL expression
 * ({@code ${…}} or {@code #{…}}) anywhere the engine could evaluate it: query parameters and JSON
 * bodies, including nested {@code orQueries}. Camunda 7 refuses top-level expressions in ad-hoc
 * task queries but evaluates those inside {@code orQueries}; 7.24 CE gets no upstream fix.
 *
 * <p>Variable <em>values</em> are data the engine never evaluates, so text a practitioner typed
 * (start or completion variables, variable updates, message correlation variables) passes.
 * Deployments (multipart) are not inspected: diagrams carry expressions by design and deploying
 * needs the admin's authorization.
 *
 * <p>It also refuses, with 400 and a sentence naming the variable, object and file values the
 * engine would store but never read back safely ({@link ObjectValues}): Java-serialized ones
 * (however the format is spelt, and binary uploads declared so), objects in any format but JSON,
 * of a type outside a short list, or whose JSON does not parse, and files without a name, in an
 * unknown encoding or not in base64. The engine refuses some of these itself, but with a 500, after
 * the authorization check, or not at all (a signal nobody receives accepts anything). * Once the caller is known, {@link RequestShapeFilter} checks the shape of write bodies.
 */
class RequestGuardFilter extends HttpFilter {

  static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");

  /** JSON keys whose subtree holds variable values, never expressions. */
  static final Set<String> VARIABLE_CONTAINERS = Set.of(
      "variables", "modifications", "processVariables", "processVariablesLocal", "localVariables",
      "correlationKeys", "localCorrelationKeys", "caseInstanceVariables", "taskVariables");

  /** Single-variable update endpoints, whose whole body is one variable value. */
  static final Pattern SINGLE_VARIABLE_PATH = Pattern.compile(".*/(variables|localVariables)/[^/]+/?$");

  /** Binary variable uploads (multipart), whose file part may declare a Java-serialized object. */
  static final Pattern VARIABLE_UPLOAD_PATH = Pattern.compile(".*/(variables|localVariables)/[^/]+/data/?$");

  static final Pattern FETCH_AND_LOCK_PATH = Pattern.compile(".*/external-task/fetchAndLock/?$");

  /** Bodies larger than this are not inspected in memory: the REST API has no query of that size. */
  static final int MAX_INSPECTED_BODY = 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String query = request.getQueryString();
    if (query != null && EXPRESSION.matcher(decode(query)).find()) {
      refuse(response, "query parameters");
      return;
    }
    String contentType = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
    if (contentType.startsWith("multipart/") && VARIABLE_UPLOAD_PATH.matcher(request.getRequestURI()).matches()) {
      // Only the part headers matter, and they come first: a large file is inspected at its start only.
      byte[] start = request.getInputStream().readNBytes(MAX_INSPECTED_BODY);
      Optional<String> refusal = ObjectValues.refusedUpload(new String(start, StandardCharsets.ISO_8859_1));
      if (refusal.isPresent()) {
        JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refusal.get());
        return;
      }
      chain.doFilter(new CachedBodyRequest(request, start, request.getInputStream()), response);
      return;
    }
    if ("POST".equals(request.getMethod()) && !hasBody(request) && webappFetchAndLock(request)) {
      refuseFetchAndLock(response);
      return;
    }
    // Form posts (the webapps' login) are left to the container's parameter parsing.
    if (contentType.startsWith("multipart/") || contentType.startsWith("application/x-www-form-urlencoded")
        || !hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
    if (body.length > MAX_INSPECTED_BODY) {
      JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "Request body too large");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    Optional<String> refusedValue = ObjectValues.refused(text);
    if (refusedValue.isPresent()) {
      JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refusedValue.get());
      return;
    }
    String path = request.getRequestURI();
    if (webappFetchAndLock(request) && !namesWorkerAndTopics(text)) {
      refuseFetchAndLock(response);
      return;
    }
    if (!SINGLE_VARIABLE_PATH.matcher(path).matches()) {
      Optional<String> where = findExpression(text);
      if (where.isPresent()) {
        refuse(response, where.get());
        return;
      }
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /**
   * The webapps' API answers this long-polling route asynchronously, where the engine's refusal of
   * a body without worker or topics escapes the error wording as a 500; so it is checked here, for
   * a logged-in session only (without one the webapp answers 401 itself). {@code /engine-rest}
   * answers it synchronously, worded by {@link ApiErrorFilter}.
   */
  private static boolean webappFetchAndLock(HttpServletRequest request) {
    if (!request.getRequestURI().startsWith("/camunda/api/") || !FETCH_AND_LOCK_PATH.matcher(request.getRequestURI()).matches()) {
      return false;
    }
    return CurrentUser.ofSession(request).isPresent();
  }

  private static void refuseFetchAndLock(HttpServletResponse response) throws IOException {
    JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
        "Fetching external tasks needs a workerId and a list of topics.");
  }

  static boolean namesWorkerAndTopics(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      return root != null && root.path("workerId").isTextual() && !root.path("workerId").textValue().isBlank()
          && root.path("topics").isArray();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** Where in the body an evaluable expression sits, if anywhere. */
  static Optional<String> findExpression(String body) {
    if (!EXPRESSION.matcher(body).find() && !body.contains("\\u")) {
      return Optional.empty(); // fast path: no candidate at all (JSON escapes could hide one)
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      // Not JSON: the API will reject it anyway; refuse only if it carries an expression.
      return EXPRESSION.matcher(body).find() ? Optional.of("request body") : Optional.empty();
    }
    return find(root, "");
  }

  private static Optional<String> find(JsonNode node, String path) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return EXPRESSION.matcher(node.textValue()).find() ? Optional.of(path.isEmpty() ? "body" : path) : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> hit = find(node.get(i), path + "[" + i + "]");
        if (hit.isPresent()) {
          return hit;
        }
      }
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (VARIABLE_CONTAINERS.contains(field.getKey())) {
          continue;
        }
        Optional<String> hit = find(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        if (hit.isPresent()) {
          return hit;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method))
        && request.getContentLengthLong() != 0;
  }

  private static String decode(String query) {
    try {
      return URLDecoder.decode(query, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return query; // malformed escapes: inspect as sent
    }
  }

  private static void refuse(HttpServletResponse response, String where) throws IOException {
    JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
        "Expressions are not allowed in queries (found in " + where + ")");
  }
}
