package uk.safeguarding.escalation.tasklist;

import uk.safeguarding.escalation.web.CurrentUser;
import java.util.Optional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;

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
    Optional<String> user = CurrentUser.inPlugin(engineName);
    if (user.isEmpty()) {
      return Response.status(Response.Status.UNAUTHORIZED).build();
    }
    ProcessEngine engine = getProcessEngine();
    // The webapp runs this as the user, whose authorizations cover none of a case's history: the
    // lookup itself is limited to their own cases, so it runs without the per-query checks.
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<RaisedCases.RaisedCase> cases = configuration.getCommandExecutorTxRequired().execute(
        context -> context.runWithoutAuthorization(() -> RaisedCases.of(engine, user.get())));
    return Response.ok(cases).build();
  }
}
