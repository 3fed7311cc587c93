package uk.safeguarding.escalation.identity;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.EscalationProperties;

/** Demo profile only: creates the fictional users of {@link DemoIdentities} if they are missing. */
@Component
@Profile("demo")
@Order(2)
public class DemoIdentityInitializer extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DemoIdentityInitializer.class);

  private final EscalationProperties properties;
  private final DemoIdentities demoIdentities;

  public DemoIdentityInitializer(EscalationProperties properties, DemoIdentities demoIdentities) {
    this.properties = properties;
    this.demoIdentities = demoIdentities;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    if (identity.isReadOnly()) {
      LOG.info("Demo profile with LDAP: no demo users are created; the directory's people log in");
      return;
    }
    Set<String> existing = new HashSet<>();
    identity.createUserQuery().list().forEach(u -> existing.add(u.getId()));
    int created = 0;
    for (DemoIdentities.DemoUser demo : demoIdentities.all()) {
      if (existing.contains(demo.id())) {
        continue;
      }
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.email());
      user.setPassword(properties.demo().password());
      identity.saveUser(user);
      demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
      created++;
    }
    if (created > 0) {
      LOG.info("Demo profile: created {} demo users", created);
    }
  }
}
