package uk.safeguarding.escalation.availability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.ContentCachingResponseWrapper;
import uk.safeguarding.escalation.web.JsonErrors;

/**
 * While the database cannot be reached, every API request is answered 503 with a sentence and
 * {@code Retry-After}, quickly (the pool gives up after a short connection timeout) — never the
 * engine's 500 with its internals, a 401 from a password check that could not run, or a hang. A
 * load balancer or REST client can retry; the node itself recovers as soon as the database is back
 * (the pool reconnects, the job executor keeps polling). Outermost of the API filters, so it sees
 * every answer they and the engine give.
 */
class DatabaseUnavailableFilter extends HttpFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  static final String TYPE = "ServiceUnavailable";
  static final String MESSAGE = "The escalation service cannot reach its database just now, so this request could not"
      + " be completed. Please try again in a minute; if you were saving a form, check first whether it was saved.";
  static final String RETRY_AFTER_SECONDS = "30";

  private final DatabaseProbe probe;

  DatabaseUnavailableFilter(DatabaseProbe probe) {
    this.probe = probe;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    Exception failure = null;
    DatabaseFailures.beginRequest();
    try {
      chain.doFilter(request, wrapper);
    } catch (IOException | ServletException | RuntimeException e) {
      failure = e;
    }
    boolean seen = DatabaseFailures.endRequest();
    boolean serverError = failure != null || wrapper.getStatus() >= 500;
    if (!response.isCommitted()
        && (seen || (failure != null && DatabaseFailures.isUnavailable(failure)) || (serverError && !probe.answers()))) {
      LOG.warn("{} {} answered 503: the database cannot be reached", request.getMethod(), request.getRequestURI());
      wrapper.resetBuffer();
      wrapper.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      JsonErrors.write(wrapper, HttpServletResponse.SC_SERVICE_UNAVAILABLE, TYPE, MESSAGE);
      wrapper.copyBodyToResponse();
      return;
    }
    wrapper.copyBodyToResponse();
    if (failure instanceof IOException io) {
      throw io;
    } else if (failure instanceof ServletException servlet) {
      throw servlet;
    } else if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
  }
}
