package uk.safeguarding.escalation.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** /camunda/api/cockpit/plugin/escalation/{engine}/…: the plugin's endpoints (and its static scripts). */
@Path("plugin/" + EscalationCockpitPlugin.ID)
public class EscalationCockpitRootResource extends AbstractCockpitPluginRootResource {

  public EscalationCockpitRootResource() {
    super(EscalationCockpitPlugin.ID);
  }

  /** Camunda serves only app/plugin.js and app/plugin.css; the modules plugin.js imports must be listed too. */
  @Override
  protected List<String> getAllowedAssets() {
    List<String> assets = new ArrayList<>(super.getAllowedAssets());
    assets.addAll(List.of("app/cases.js", "app/case-history.js", "app/monitoring.js"));
    return assets;
  }

  @Path("{engineName}/case-history/{processInstanceId}")
  public CaseHistoryResource caseHistory(@PathParam("engineName") String engineName,
                                         @PathParam("processInstanceId") String processInstanceId) {
    return subResource(new CaseHistoryResource(engineName, processInstanceId, servletContext), engineName);
  }
}
