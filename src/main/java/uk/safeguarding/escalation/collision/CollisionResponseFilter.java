package uk.safeguarding.escalation.collision;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.web.util.ContentCachingResponseWrapper;
import uk.safeguarding.escalation.web.JsonErrors;
import static uk.safeguarding.escalation.web.EngineApiPaths.ENGINE_PREFIX;

/**
 * What a person is told when their step met someone else's on the same case and the server-side
 * retries ({@link CommandRetryPlugin}) could not save it: 409 with a sentence they can act on,
 * never the engine's 500 — on the engine REST API and on the webapps' API (Tasklist) alike.
 * <ul>
 *   <li>the task was completed meanwhile (by a colleague, or in another window): "already completed";
 *   <li>the case still changed under every attempt: "please submit again".
 * </ul>
 */
class CollisionResponseFilter extends HttpFilter {

  static final String TASK_COMPLETED = "This task has already been completed, by someone else or in another window."
      + " Nothing you entered was saved; refresh your task list.";
  private static final java.time.format.DateTimeFormatter AT =
      java.time.format.DateTimeFormatter.ofPattern("EEE dd/MM/yyyy HH:mm", java.util.Locale.UK);
  static final String CASE_CHANGED = "The case changed while you were saving (for example a deadline passed at that moment)."
      + " Nothing was saved; please submit again.";

  static final Pattern TASK_STEP = Pattern.compile(
      ENGINE_PREFIX + "/task/([^/]+)/(?:complete|submit-form|resolve|claim|unclaim|assignee|delegate)/?");
  static final Pattern START = Pattern.compile(
      ENGINE_PREFIX + "/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)/?");

  private final CommandExecutor withoutAuthorization;

  CollisionResponseFilter(CommandExecutor commandExecutor) {
    this.withoutAuthorization = commandExecutor;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher task = TASK_STEP.matcher(path);
    boolean taskStep = task.matches();
    if (!"POST".equals(request.getMethod()) || !(taskStep || START.matcher(path).matches())) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapped);
    int status = wrapped.getStatus();
    if (status >= 400 && status != HttpServletResponse.SC_UNAUTHORIZED && status != HttpServletResponse.SC_FORBIDDEN) {
      String message = null;
      java.util.Optional<String> completed = taskStep ? completedMeanwhile(task.group(1)) : java.util.Optional.empty();
      if (completed.isPresent()) {
        message = completed.get();
      } else if (status >= 500 && isCollision(new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8))) {
        message = CASE_CHANGED;
      }
      if (message != null) {
        wrapped.resetBuffer();
        JsonErrors.write(wrapped, HttpServletResponse.SC_CONFLICT, "ConflictException", message);
      }
    }
    wrapped.copyBodyToResponse();
  }

  static boolean isCollision(String body) {
    return body.contains("OptimisticLockingException") || body.contains("updated by another transaction concurrently");
  }

  /**
   * If the task no longer runs and history shows it completed (not deleted with its case): what to
   * tell the person, naming who completed it and when (UK time).
   */
  private java.util.Optional<String> completedMeanwhile(String taskId) {
    return withoutAuthorization.execute(context -> {
      context.disableAuthorizationCheck();
      if (context.getTaskManager().findTaskById(taskId) != null) {
        return java.util.Optional.<String>empty();
      }
      HistoricTaskInstance historic = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
      if (historic == null || historic.getEndTime() == null || !"completed".equals(historic.getDeleteReason())) {
        return java.util.Optional.<String>empty();
      }
      String by = historic.getAssignee();
      if (by != null) {
        var user = context.getReadOnlyIdentityProvider().findUserById(by);
        by = user == null ? by : (user.getFirstName() + " " + user.getLastName()).trim() + " (" + by + ")";
      }
      return java.util.Optional.of(taskCompleted(by, historic.getEndTime()));
    });
  }

  /** "Already completed", by whom and when, if known. */
  static String taskCompleted(String by, java.util.Date at) {
    if (by == null || at == null) {
      return TASK_COMPLETED;
    }
    return "This task was already completed by " + by + " on "
        + AT.format(at.toInstant().atZone(uk.safeguarding.escalation.calendar.WorkingDayCalendar.ZONE))
        + " (UK time), here or in another window. Nothing you entered was saved; refresh your task list.";
  }
}
