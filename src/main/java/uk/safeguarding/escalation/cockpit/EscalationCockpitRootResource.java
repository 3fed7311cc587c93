package uk.safeguarding.escalation.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** /camunda/api/cockpit/plugin/escalation/{engine}/…: the plugin's endpoints (and its static scripts). */
@Path("plugin/" + EscalationCockpitPlugin.ID)
public class EscalationCockpitRootResource extends AbstractCockpitPluginRootResource {

  public EscalationCockpitRootResource() {
    super(EscalationCockpitPlugin.ID);
  }

  @Path("{engineName}/case-history/{processInstanceId}")
  public CaseHistoryResource caseHistory(@PathParam("engineName") String engineName,
                                         @PathParam("processInstanceId") String processInstanceId) {
    return subResource(new CaseHistoryResource(engineName, processInstanceId, servletContext), engineName);
  }
}
