package uk.safeguarding.escalation.cockpit;

import uk.safeguarding.escalation.web.CurrentUser;
import java.util.Optional;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.web.context.support.WebApplicationContextUtils;
import uk.safeguarding.escalation.notification.NotificationLog;

/**
 * GET one case's history (CaseHistory) for Cockpit. The webapp runs this with the logged-in user's
 * engine authentication, so whether the case exists for them is the engine's answer under their
 * authorizations (READ_HISTORY on its protocol): anyone else, another partnership's auditor or
 * staff, gets the same 404 as for a case that does not exist, and nothing of it.
 */
public class CaseHistoryResource extends AbstractCockpitPluginResource {

  private static final Map<String, String> NOT_FOUND = Map.of("type", "InvalidRequestException", // as the engine's own REST API answers a 404
      "message", "There is no case with this id that you may read.");

  private final String processInstanceId;
  private final ServletContext servletContext;

  public CaseHistoryResource(String engineName, String processInstanceId, ServletContext servletContext) {
    super(engineName);
    this.processInstanceId = processInstanceId;
    this.servletContext = servletContext;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    Optional<String> user = CurrentUser.inPlugin(engineName);
    if (user.isEmpty()) {
      return Response.status(Response.Status.UNAUTHORIZED).build();
    }
    if (processInstanceId == null || processInstanceId.isBlank() || processInstanceId.length() > 64) {
      return notFound();
    }
    ProcessEngine engine = getProcessEngine();
    // under the user's authorizations: the gate for everything below
    HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      return notFound();
    }
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    NotificationLog notificationLog = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
        .getBean(NotificationLog.class);
    // the case is theirs to read: its people's names and its notification log (which the engine's
    // authorizations do not cover) may now be looked up for it
    List<NotificationLog.Entry> notifications = notificationLog.forProcessInstance(instance.getId());
    CaseHistory history = CaseHistory.of(engine, instance, ids -> configuration.getCommandExecutorTxRequired()
        .execute(context -> context.runWithoutAuthorization(() -> names(engine, ids))), notifications);
    return Response.ok(history).build();
  }

  private static Map<String, String> names(ProcessEngine engine, Set<String> userIds) {
    Map<String, String> names = new HashMap<>();
    if (userIds.isEmpty()) {
      return names;
    }
    for (User user : engine.getIdentityService().createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
      String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
          + (user.getLastName() == null ? "" : user.getLastName())).trim();
      names.put(user.getId(), name.isEmpty() ? user.getId() : name);
    }
    return names;
  }

  private static Response notFound() {
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON).entity(NOT_FOUND).build();
  }
}
