package uk.safeguarding.escalation.security;

import uk.safeguarding.escalation.web.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.EventSubscriptionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import uk.safeguarding.escalation.web.CachedBodyRequest;
import uk.safeguarding.escalation.web.JsonErrors;

/**
 * Refuses with 400, once the caller is authenticated (so that an anonymous request still gets its
 * 401), a write whose body is misshapen ({@link RequestShape}: not UTF-8, a key twice, NUL or a
 * lone surrogate in its text, a field the route does not have), and a signal no case and no
 * diagram waits for: Camunda answers that 204 whatever it carries, so a client could not tell a
 * misspelt signal from a delivered one.
 */
class RequestShapeFilter extends HttpFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuration;

  RequestShapeFilter(IdentityService identityService, ProcessEngineConfigurationImpl configuration) {
    this.identityService = identityService;
    this.configuration = configuration;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String contentType = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
    String method = request.getMethod();
    boolean write = "POST".equals(method) || "PUT".equals(method);
    if (!write || contentType.startsWith("multipart/") || contentType.startsWith("application/x-www-form-urlencoded")
        || RequestShape.fieldsOf(path).isEmpty() || !authenticated(request, path)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Optional<String> problem = RequestShape.problem(path, body);
    if (problem.isEmpty() && path.matches(".*/signal/?")) {
      problem = unheardSignal(body);
    }
    if (problem.isPresent()) {
      JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", problem.get());
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private Optional<String> unheardSignal(byte[] body) {
    String name;
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.path("name").isTextual()) {
        return Optional.empty(); // the API refuses it itself
      }
      name = root.path("name").textValue();
    } catch (IOException e) {
      return Optional.empty();
    }
    long waiting = configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      context.disableTenantCheck();
      try {
        EventSubscriptionQueryImpl query = new EventSubscriptionQueryImpl();
        query.eventType("signal").eventName(name);
        return query.executeCount(context);
      } finally {
        context.enableAuthorizationCheck();
        context.enableTenantCheck();
      }
    });
    return waiting > 0 ? Optional.empty()
        : Optional.of("No case and no protocol waits for the signal '" + RequestShape.printable(name) + "'.");
  }

  private boolean authenticated(HttpServletRequest request, String path) {
    if (path.startsWith("/engine-rest")) {
      return identityService.getCurrentAuthentication() != null;
    }
    return CurrentUser.ofSession(request).isPresent();
  }
}
