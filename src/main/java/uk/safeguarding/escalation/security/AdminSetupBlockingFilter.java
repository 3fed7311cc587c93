package uk.safeguarding.escalation.security;

import uk.safeguarding.escalation.web.JsonErrors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses the Admin webapp's initial-user setup ({@code …/api/admin/setup/…}). Camunda leaves it
 * open, unauthenticated, whenever {@code camunda-admin} has no direct member, which would let
 * anyone create an administrator. Admins are created from configuration instead, so the endpoint
 * is closed in every profile and whatever the identity source.
 */
class AdminSetupBlockingFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Servlet path + path info are decoded and normalised by the container, unlike the raw URI.
    String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
        .toLowerCase(Locale.ROOT).replaceAll("/+", "/");
    String rawUri = request.getRequestURI().toLowerCase(Locale.ROOT);
    if (path.contains("/api/admin/setup") || rawUri.contains("/setup/")) {
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "Initial user setup is disabled. The administrator is created from configuration (see README).");
      return;
    }
    chain.doFilter(request, response);
  }
}
