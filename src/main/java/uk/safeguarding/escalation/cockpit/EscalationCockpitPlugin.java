package uk.safeguarding.escalation.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * This product's Cockpit plugin (registered in META-INF/services): Cases, a case's history and
 * board monitoring for auditors, business managers and boards, which Cockpit CE lacks (its history
 * views are Enterprise only). Endpoints under /camunda/api/cockpit/plugin/escalation/{engine}/,
 * behind the webapp's login and CSRF protection; scripts in plugin-webapp/escalation-cockpit/app/,
 * which Cockpit loads by itself (plugin.js).
 */
public class EscalationCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "escalation";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(EscalationCockpitRootResource.class);
  }

  /** Not plugin-webapp/escalation: that is the Tasklist plugin's, and each app loads its own plugin.js. */
  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/escalation-cockpit";
  }
}
