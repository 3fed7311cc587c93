package uk.safeguarding.escalation.tasklist;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/** /camunda/api/tasklist/plugin/escalation/{engine}/…: the plugin's endpoints (and its static script). */
@Path("plugin/" + EscalationTasklistPlugin.ID)
public class EscalationTasklistRootResource extends AbstractTasklistPluginRootResource {

  public EscalationTasklistRootResource() {
    super(EscalationTasklistPlugin.ID);
  }

  @Path("{engineName}/my-cases")
  public MyCasesResource myCases(@PathParam("engineName") String engineName) {
    return subResource(new MyCasesResource(engineName), engineName);
  }
}
