package uk.safeguarding.escalation.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.ContentCachingResponseWrapper;
import uk.safeguarding.escalation.web.JsonErrors;

/**
 * Words the error answers of the engine REST API and the webapps' API for the people who get them.
 *
 * <ul>
 *   <li>The engine refused a direct variable write (the user lacks {@code UPDATE_VARIABLE},
 *       {@code UPDATE_TASK_VARIABLE} or {@code UPDATE_INSTANCE_VARIABLE}, whichever route asked
 *       for it): 403 with a sentence telling them to use the form, and a log line. Camunda's user
 *       operation log records only operations that happened, so the log line is the trace of the
 *       attempt.
 *   <li>An error whose text is the engine's internals (exception class names, Java types, parser
 *       positions) gets a plain message instead; the original goes to the log. The engine answers a
 *       few malformed bodies with 500 (e.g. {@code null} for an object); those are answered 400
 *       ({@link #serverSide}).
 *   <li>A comment or attachment on a task the user may not see: 404, as its reads answer
 *       ({@link #NO_SUCH_TASK}).
 * </ul>
 * Only error answers are rewritten; successful answers pass unchanged.
 */
class ApiErrorFilter extends HttpFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String USE_THE_FORM = "A case changes only through its forms: submit the task's form (or start a case"
      + " with the start form) instead of writing its variables directly.";
  static final String TASK_IS_THE_PROTOCOLS = "Staff claim, save and complete their tasks; a task's deadline, owner,"
      + " details and comments follow the protocol and are not changed here. Ask your partnership's administrator"
      + " if one is wrong.";
  static final String UNREADABLE_REQUEST = "The request could not be processed: check the body against the REST API"
      + " reference (field names, JSON types, variable type, value and valueInfo).";
  static final String SERVER_ERROR = "The server could not process the request; it has been logged.";
  static final String NOT_FOUND = "There is nothing with this id that you may read.";

  /** The engine's words for an id that names nothing (it answers reads of such ids with 500). */
  static final Pattern NOTHING_THERE = Pattern.compile(
      "(?i)doesn't exist|does not exist|not found|cannot find|no [\\w ]{1,60} found|because \"\\w+\" is null");

  /**
   * Camunda answers a comment or attachment on a task the user may not see (or that does not exist)
   * with 400 "No task found for task id …"; that is a not-found, answered 404 like its reads.
   */
  static final Pattern NO_SUCH_TASK = Pattern.compile("^No task found for task id ");

  /** The permissions the engine asks for, and staff never hold, when anyone writes a case's variables. */
  static final Set<String> VARIABLE_WRITE_PERMISSIONS = Set.of(
      "UPDATE_VARIABLE", "UPDATE_TASK_VARIABLE", "UPDATE_INSTANCE_VARIABLE");

  /** Error types of Camunda's REST API that describe the request, not the server's internals. */
  static final Set<String> API_ERROR_TYPES = Set.of(
      "InvalidRequestException", "RestException", "AuthorizationException", "BadUserRequestException",
      "NotFoundException", "NullValueException", "NotValidException", "NotAllowedException",
      "FormValidationException", "MigratingProcessInstanceValidationException", "MigrationPlanValidationException",
      "ParseException");

  static final Set<String> SERVER_SIDE_TYPES = Set.of(
      "OptimisticLockingException", "PersistenceException", "ProcessEnginePersistenceException", "CrdbTransactionRetryException", "ProcessEngineBootstrapException",
      "WrongDbException", "CannotCreateTransactionException");

  /** Camunda's "Cannot convert value 'x' of type 'Integer' to java type java.lang.Integer": the Java half is noise. */
  static final Pattern JAVA_TYPE_SUFFIX = Pattern.compile(" to java type [\\w.$\\[\\];]+");

  /** Text that belongs to the server's internals: qualified Java names, exception names, parser excerpts. */
  static final Pattern INTERNALS = Pattern.compile(
      "\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z]\\w*|\\b\\w+(Exception|Error)\\b|`|\\[Source:|line: \\d+, column: \\d+"
          + "|\\bat \\[|\\bjava\\b");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapper);
    } finally {
      if (wrapper.getStatus() >= 400 && !response.isCommitted()) {
        reword(request, wrapper);
      }
      wrapper.copyBodyToResponse();
    }
  }

  private void reword(HttpServletRequest request, ContentCachingResponseWrapper wrapper) throws IOException {
    int status = wrapper.getStatus();
    byte[] body = wrapper.getContentAsByteArray();
    JsonNode error = parse(body);
    if (error == null) {
      // Jackson's mapping errors come as plain text; other bodies (e.g. the CSRF filter's empty 403) stay
      String text = new String(body, StandardCharsets.UTF_8);
      if (INTERNALS.matcher(text).find()) {
        LOG.info("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), status, text);
        replace(wrapper, status >= 500 && isWrite(request) ? HttpServletResponse.SC_BAD_REQUEST : status,
            "InvalidRequestException", UNREADABLE_REQUEST);
      }
      return;
    }
    String type = error.path("type").asText("");
    String message = error.path("message").asText("");
    if (status == HttpServletResponse.SC_FORBIDDEN && refusesVariableWrite(error)) {
      LOG.warn("Refused direct variable write by '{}': {} {}", error.path("userId").asText("?"), request.getMethod(),
          request.getRequestURI());
      replace(wrapper, status, "AuthorizationException", USE_THE_FORM);
    } else if (status == HttpServletResponse.SC_FORBIDDEN && refusesTaskChange(error)) {
      LOG.info("Refused task change by '{}': {} {}", error.path("userId").asText("?"), request.getMethod(),
          request.getRequestURI());
      replace(wrapper, status, "AuthorizationException", TASK_IS_THE_PROTOCOLS);
    } else if (status >= 500) {
      LOG.warn("{} {} answered {}: {}: {}", request.getMethod(), request.getRequestURI(), status, type, message);
      if (!isWrite(request) && !serverSide(type, message) && NOTHING_THERE.matcher(message).find()) {
        replace(wrapper, HttpServletResponse.SC_NOT_FOUND, "NotFoundException", NOT_FOUND);
      } else if (isWrite(request) && !serverSide(type, message)) {
        replace(wrapper, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", UNREADABLE_REQUEST);
      } else {
        replace(wrapper, status, "ServerError", SERVER_ERROR);
      }
    } else if (status == HttpServletResponse.SC_BAD_REQUEST && NO_SUCH_TASK.matcher(message).find()) {
      // a comment or attachment on a task the user may not see (or that does not exist): not found, like a read
      replace(wrapper, HttpServletResponse.SC_NOT_FOUND, "NotFoundException", NOT_FOUND);
    } else if (status == HttpServletResponse.SC_BAD_REQUEST && message.isBlank()) {
      // the REST API's refusal of a body it could not map (a field of the wrong JSON type) comes without words
      LOG.info("{} {} answered {} without a message: {}", request.getMethod(), request.getRequestURI(), status, type);
      replace(wrapper, status, "InvalidRequestException", UNREADABLE_REQUEST);
    } else if (!API_ERROR_TYPES.contains(type) || INTERNALS.matcher(message).find()) {
      LOG.info("{} {} answered {}: {}: {}", request.getMethod(), request.getRequestURI(), status, type, message);
      String plain = JAVA_TYPE_SUFFIX.matcher(message).replaceAll("");
      replace(wrapper, status, "InvalidRequestException",
          INTERNALS.matcher(plain).find() || plain.isBlank() ? UNREADABLE_REQUEST : plain);
    }
  }

  /**
   * The REST API answers 500 to write requests whose body it cannot map (an empty or {@code null}
   * body, values its converters reject, a refusal of the engine's form check wrapped by the
   * listener call): the client's to fix, so 400. Database trouble stays a 5xx.
   */
  static boolean serverSide(String type, String message) {
    // "An exception occurred in the persistence layer": the engine's words for any database failure,
    // e.g. the connection dropping mid-request in an outage (then availability/ answers 503)
    return SERVER_SIDE_TYPES.contains(type) || message.contains("SQL") || message.contains("database")
        || message.contains("persistence layer");
  }

  private static boolean isWrite(HttpServletRequest request) {
    return Set.of("POST", "PUT", "PATCH", "DELETE").contains(request.getMethod());
  }

  /** Changing a task itself (due date, assignee, name, comments): TASK_ASSIGN or UPDATE on the task, never staff's. */
  private static boolean refusesTaskChange(JsonNode error) {
    for (JsonNode missing : error.path("missingAuthorizations")) {
      if ("Task".equals(missing.path("resourceName").asText())
          && Set.of("TASK_ASSIGN", "UPDATE").contains(missing.path("permissionName").asText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean refusesVariableWrite(JsonNode error) {
    if (VARIABLE_WRITE_PERMISSIONS.contains(error.path("permissionName").asText())) {
      return true;
    }
    for (JsonNode missing : error.path("missingAuthorizations")) {
      if (VARIABLE_WRITE_PERMISSIONS.contains(missing.path("permissionName").asText())) {
        return true;
      }
    }
    return false;
  }

  private static void replace(ContentCachingResponseWrapper wrapper, int status, String type, String message)
      throws IOException {
    wrapper.resetBuffer();
    JsonErrors.write(wrapper, status, type, message);
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() && node.has("message") ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

}
