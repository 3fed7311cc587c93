package uk.safeguarding.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Application settings under {@code escalation.*}; see application.yml for their meaning. */
@ConfigurationProperties("escalation")
public record EscalationProperties(String dataDir, String publicUrl, Admin admin, Demo demo) {

  public record Admin(String user, String password) {}

  public record Demo(String password) {}
}
