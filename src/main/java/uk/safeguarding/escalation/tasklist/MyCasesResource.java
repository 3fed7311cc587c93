package uk.safeguarding.escalation.tasklist;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * GET the cases the logged-in Tasklist user raised. The webapp's security filter has already
 * required a login for this engine; the cases are looked up by that login alone, never by a
 * parameter, so nobody can ask for anyone else's.
 */
public class MyCasesResource extends AbstractTasklistPluginResource {

  public MyCasesResource(String engineName) {
    super(engineName);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    Authentications authentications = Authentications.getCurrent();
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
    if (user == null || user.getIdentityId() == null) {
      return Response.status(Response.Status.UNAUTHORIZED).build();
    }
    ProcessEngine engine = getProcessEngine();
    // The webapp runs this as the user, whose authorizations cover none of a case's history: the
    // lookup itself is limited to their own cases, so it runs without the per-query checks.
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<RaisedCases.RaisedCase> cases = configuration.getCommandExecutorTxRequired().execute(
        context -> context.runWithoutAuthorization(() -> RaisedCases.of(engine, user.getIdentityId())));
    return Response.ok(cases).build();
  }
}
