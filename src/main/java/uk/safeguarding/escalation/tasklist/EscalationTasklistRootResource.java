package uk.safeguarding.escalation.tasklist;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;
import uk.safeguarding.escalation.notification.NotificationLog;

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

  @Path("{engineName}/outcome/{processInstanceId}")
  public OutcomeResource outcome(@PathParam("engineName") String engineName,
      @PathParam("processInstanceId") String processInstanceId) {
    // servletContext: injected by JAX-RS into this (per-request) root resource; the log is a Spring bean
    NotificationLog log = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
        .getBean(NotificationLog.class);
    return subResource(new OutcomeResource(engineName, processInstanceId, log), engineName);
  }
}
