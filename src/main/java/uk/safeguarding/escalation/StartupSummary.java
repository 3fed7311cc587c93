package uk.safeguarding.escalation;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.identity.DemoIdentities;

/** Prints where the application is and, in the demo profile, who can log in. */
@Component
class StartupSummary {

  private static final Logger LOG = LoggerFactory.getLogger(StartupSummary.class);

  private final EscalationProperties properties;
  private final Environment environment;
  private final DemoIdentities demoIdentities;

  StartupSummary(EscalationProperties properties, Environment environment, DemoIdentities demoIdentities) {
    this.properties = properties;
    this.environment = environment;
    this.demoIdentities = demoIdentities;
  }

  @EventListener(ApplicationReadyEvent.class)
  void print() {
    String base = properties.publicUrl().replaceAll("/$", "");
    StringBuilder out = new StringBuilder("\n\nSafeguarding escalation engine is running (profiles: ")
        .append(String.join(",", Arrays.asList(environment.getActiveProfiles()).isEmpty()
            ? Arrays.asList(environment.getDefaultProfiles()) : Arrays.asList(environment.getActiveProfiles())))
        .append(")\n")
        .append("  Tasklist  ").append(base).append("/camunda/app/tasklist/\n")
        .append("  Cockpit   ").append(base).append("/camunda/app/cockpit/\n")
        .append("  Admin     ").append(base).append("/camunda/app/admin/\n")
        .append("  REST API  ").append(base).append("/engine-rest (HTTP Basic)\n");
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      out.append("\nDemo logins (fictional people; password for all: ")
          .append(properties.demo().password()).append(")\n");
      out.append(String.format("  %-36s %s%n", properties.admin().user(), "Administrator (camunda-admin)"));
      demoIdentities.all().forEach(u -> out.append(String.format("  %-36s %s%n", u.id(), u.description())));
    }
    LOG.info(out.toString());
  }
}
