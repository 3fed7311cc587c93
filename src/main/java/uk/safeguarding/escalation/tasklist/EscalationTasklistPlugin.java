package uk.safeguarding.escalation.tasklist;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * This product's Tasklist plugin (registered in META-INF/services): the "My cases" page of the
 * cases a practitioner raised ({@link MyCasesResource}), served under the webapp's own login and
 * CSRF protection at /camunda/api/tasklist/plugin/escalation/; its script is
 * plugin-webapp/escalation/app/plugin.js, which Tasklist loads by itself.
 */
public class EscalationTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "escalation";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(EscalationTasklistRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
