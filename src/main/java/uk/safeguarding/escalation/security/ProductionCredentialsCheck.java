package uk.safeguarding.escalation.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the production profile the admin's credentials must come from the environment; there is no
 * default password. Checked before anything starts, so a misconfigured node stops at once with
 * one line saying what to set (see {@link MissingAdminCredentialsFailureAnalyzer}).
 */
public class ProductionCredentialsCheck implements EnvironmentPostProcessor, Ordered {

  public static final String MESSAGE =
      "Production profile: set ESCALATION_ADMIN_USER and ESCALATION_ADMIN_PASSWORD (the admin login); there is no default.";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))
        || "true".equalsIgnoreCase(environment.getProperty("escalation.ldap.enabled"))) {
      return; // with LDAP, administrators are the directory's camunda-admin group
    }
    String user = environment.getProperty("escalation.admin.user");
    String password = environment.getProperty("escalation.admin.password");
    if (user == null || user.isBlank() || password == null || password.isBlank()) {
      throw new MissingAdminCredentialsException(MESSAGE);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after the config files and profiles are loaded
  }

  public static class MissingAdminCredentialsException extends IllegalStateException {
    public MissingAdminCredentialsException(String message) {
      super(message);
    }
  }
}
