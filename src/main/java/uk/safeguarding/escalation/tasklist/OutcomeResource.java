package uk.safeguarding.escalation.tasklist;

import uk.safeguarding.escalation.web.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import uk.safeguarding.escalation.notification.NotificationLog;

/**
 * GET one case's written outcome, for the people its notifications named (the receiving agency's
 * line managers, board representatives…, who hold no task and may not read the case). 404 unless
 * the logged-in user was a recipient of a notification of this case, or may read its history anyway:
 * the same answer as for a case that does not exist, so nobody learns which cases exist.
 */
public class OutcomeResource extends AbstractTasklistPluginResource {

  private final String processInstanceId;
  private final NotificationLog notificationLog;

  public OutcomeResource(String engineName, String processInstanceId, NotificationLog notificationLog) {
    super(engineName);
    this.processInstanceId = processInstanceId;
    this.notificationLog = notificationLog;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    Optional<String> user = CurrentUser.inPlugin(engineName);
    if (user.isEmpty()) {
      return Response.status(Response.Status.UNAUTHORIZED).build();
    }
    if (processInstanceId == null || !processInstanceId.matches("[A-Za-z0-9:._-]{1,64}")) {
      return notFound();
    }
    ProcessEngine engine = getProcessEngine();
    // Runs as the user (the webapp set their authentication): true only if their own grants show the case.
    boolean readsCaseAnyway = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).count() > 0;
    if (!readsCaseAnyway && !notificationLog.named(processInstanceId, user.get())) {
      return notFound();
    }
    // The user may not read the case through the engine: the outcome's few facts are read without
    // the per-query checks, and CaseOutcome reads nothing else of the case.
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Optional<CaseOutcome.Outcome> outcome = configuration.getCommandExecutorTxRequired().execute(
        context -> context.runWithoutAuthorization(() -> CaseOutcome.of(engine, processInstanceId)));
    return outcome.map(o -> Response.ok(o).build()).orElseGet(OutcomeResource::notFound);
  }

  private static Response notFound() {
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
        .entity("{\"type\":\"NotFound\",\"message\":\"No outcome of this case for you to read.\"}").build();
  }
}
