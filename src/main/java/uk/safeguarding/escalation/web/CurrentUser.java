package uk.safeguarding.escalation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is asking, as the webapps know it: the login held in the session (our servlet filters run
 * before Camunda's, which copy it into the engine only later), or the one the webapp has already
 * set for a plugin resource.
 */
public final class CurrentUser {

  private CurrentUser() {}

  /** The webapp login of this request's session, if there is one. */
  public static Optional<UserAuthentication> ofSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null || authentications.getAuthentications().isEmpty() ? Optional.empty()
        : Optional.of(authentications.getAuthentications().get(0));
  }

  /** Inside a Cockpit or Tasklist plugin resource: the login for that engine, if any. */
  public static Optional<String> inPlugin(String engineName) {
    Authentications authentications = Authentications.getCurrent();
    org.camunda.bpm.webapp.impl.security.auth.Authentication user =
        authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
    return user == null ? Optional.empty() : Optional.ofNullable(user.getIdentityId());
  }
}
