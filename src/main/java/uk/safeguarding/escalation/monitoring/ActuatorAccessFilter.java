package uk.safeguarding.escalation.monitoring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import uk.safeguarding.escalation.identity.GroupIds;
import uk.safeguarding.escalation.web.JsonErrors;

/**
 * Every actuator endpoint but health needs HTTP Basic as a member of {@code monitoring} (a
 * Prometheus scrape account, which can do nothing else) or {@code camunda-admin}. Checked against
 * Camunda's identity service, so it works the same with LDAP. Health stays open for load balancers
 * and container probes; it shows no details.
 */
class ActuatorAccessFilter extends HttpFilter {

  private final IdentityService identity;
  private final Runnable beforeScrape;

  ActuatorAccessFilter(IdentityService identity, Runnable beforeScrape) {
    this.identity = identity;
    this.beforeScrape = beforeScrape;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Servlet path + path info are decoded and normalised by the container, unlike the raw URI.
    String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
        .toLowerCase(Locale.ROOT).replaceAll("/+", "/");
    if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
      chain.doFilter(request, response);
      return;
    }
    String user = authenticatedUser(request.getHeader("Authorization"));
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"escalation-monitoring\"");
      JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
          "Log in with HTTP Basic as a member of the monitoring or camunda-admin group.");
      return;
    }
    long member = identity.createGroupQuery().groupMember(user)
        .groupIdIn(GroupIds.MONITORING, GroupIds.ADMIN).count();
    if (member == 0) {
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Only members of the monitoring or camunda-admin group may read the metrics.");
      return;
    }
    if (path.startsWith("/actuator/prometheus") || path.startsWith("/actuator/metrics")) {
      beforeScrape.run();
    }
    chain.doFilter(request, response);
  }

  private String authenticatedUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    return identity.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
  }
}
