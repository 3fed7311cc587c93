package uk.safeguarding.escalation.forms;

import uk.safeguarding.escalation.web.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import uk.safeguarding.escalation.web.CachedBodyRequest;
import uk.safeguarding.escalation.web.JsonErrors;
import static uk.safeguarding.escalation.web.EngineApiPaths.ENGINE_PREFIX;

/**
 * Validates case starts and task completions on the engine REST API and on the webapps' API (what
 * Tasklist calls) before the engine acts, and answers a bad submission with 400 naming each field.
 * Without this the engine's own refusal (the start listener) would reach a REST client as a 500.
 * Requests that are not yet authenticated pass untouched, so their answer stays 401.
 */
class FormSubmissionFilter extends HttpFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern START_BY_KEY = Pattern.compile(ENGINE_PREFIX + "/process-definition/key/([^/]+)/(?:start|submit-form)/?");
  static final Pattern START_BY_ID = Pattern.compile(ENGINE_PREFIX + "/process-definition/([^/]+)/(?:start|submit-form)/?");
  static final Pattern TASK = Pattern.compile(ENGINE_PREFIX + "/task/([^/]+)/(?:complete|submit-form|resolve)/?");

  private final SubmissionValidator validator;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  FormSubmissionFilter(SubmissionValidator validator, RepositoryService repositoryService, IdentityService identityService) {
    this.validator = validator;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher byKey = START_BY_KEY.matcher(path);
    Matcher byId = START_BY_ID.matcher(path);
    Matcher task = TASK.matcher(path);
    boolean relevant = "POST".equals(request.getMethod()) && (byKey.matches() || byId.matches() || task.matches());
    String user = relevant ? authenticatedUser(request, path) : null;
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Map<String, Object> variables = variables(body);
    List<Violation> violations;
    Optional<CamundaForm> form = Optional.empty();
    try {
      if (task.matches()) {
        violations = asWebappUser(request, path, () -> validator.checkTaskSubmission(task.group(1), variables));
        form = violations.isEmpty() ? form : validator.taskForm(task.group(1));
      } else {
        String definitionId = byKey.matches() ? latestDefinitionId(byKey.group(1)) : byId.group(1);
        violations = definitionId == null ? List.of() : validator.checkStartSubmission(definitionId, variables, user);
        form = violations.isEmpty() ? form : validator.startForm(definitionId);
      }
    } catch (ProcessEngineException e) {
      violations = List.of(); // unknown definition or task, no permission: the engine answers that itself
    }
    if (!violations.isEmpty()) {
      writeViolations(response, form, violations);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /**
   * Runs the task check with the engine's authorization checks for the webapp user, as REST's Basic
   * auth filter has already set them for a REST client: a task the user may not see is then no task
   * to the check, it names no field, and the engine answers the completion itself (403), the same
   * as for any other user who may not work the task. Without this, the webapps' API told another
   * agency's staff that the task exists and which fields its form requires.
   */
  private List<Violation> asWebappUser(HttpServletRequest request, String path, Supplier<List<Violation>> check) {
    if (path.startsWith("/engine-rest") || identityService.getCurrentAuthentication() != null) {
      return check.get();
    }
    Optional<UserAuthentication> session = CurrentUser.ofSession(request);
    if (session.isEmpty()) {
      return List.of();
    }
    UserAuthentication user = session.get();
    identityService.setAuthentication(user.getIdentityId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()),
        user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds()));
    try {
      return check.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Who is asking, or null if not yet authenticated. */
  private String authenticatedUser(HttpServletRequest request, String path) {
    if (path.startsWith("/engine-rest")) {
      // set by the Basic auth filter before us
      return identityService.getCurrentAuthentication() == null ? null : identityService.getCurrentAuthentication().getUserId();
    }
    return CurrentUser.ofSession(request).map(UserAuthentication::getIdentityId).orElse(null);
  }

  private String latestDefinitionId(String key) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .withoutTenantId().latestVersion().singleResult();
    return definition == null ? null : definition.getId();
  }

  /** The REST body's variables as plain values: {"variables": {"name": {"value": …, "type": …}}}. */
  static Map<String, Object> variables(byte[] body) {
    Map<String, Object> values = new HashMap<>();
    if (body.length == 0) {
      return values;
    }
    try {
      JsonNode variables = JSON.readTree(body).path("variables");
      variables.fields().forEachRemaining(e -> values.put(e.getKey(), plain(e.getValue().path("value"))));
    } catch (IOException e) {
      // not JSON: the REST API rejects it itself
    }
    return values;
  }

  private static Object plain(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    return value.toString(); // objects and lists (Json variables) as their text
  }

  /** message: for the person, in the form's words; violations: for programs, by field key. */
  private static void writeViolations(HttpServletResponse response, Optional<CamundaForm> form, List<Violation> violations)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", "Please check the form: " + ViolationWords.sentence(form, violations) + ".");
    body.put("violations", violations.stream().map(v -> {
      Map<String, String> one = new LinkedHashMap<>(); // field first, for whoever reads it
      one.put("field", v.field());
      one.put("message", v.message());
      return one;
    }).toList());
    JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, body);
  }
}
