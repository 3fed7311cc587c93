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
      if (taskStep && completedMeanwhile(task.group(1))) {
        message = TASK_COMPLETED;
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

  /** The task no longer runs and history shows it completed (not deleted with its case). */
  private boolean completedMeanwhile(String taskId) {
    return withoutAuthorization.execute(context -> {
      context.disableAuthorizationCheck();
      if (context.getTaskManager().findTaskById(taskId) != null) {
        return false;
      }
      HistoricTaskInstance historic = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
      return historic != null && historic.getEndTime() != null && "completed".equals(historic.getDeleteReason());
    });
  }
}
