package uk.safeguarding.escalation.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** /camunda/api/cockpit/plugin/escalation/{engine}/…: the plugin's endpoints (and its static scripts). */
@Path("plugin/" + EscalationCockpitPlugin.ID)
public class EscalationCockpitRootResource extends AbstractCockpitPluginRootResource {

  /** The modules plugin.js imports: Camunda serves a plugin's plugin.js and plugin.css only, unless told. */
  static final List<String> MODULES = List.of("app/common.js", "app/cases.js", "app/monitoring.js", "app/case-history.js");

  public EscalationCockpitRootResource() {
    super(EscalationCockpitPlugin.ID);
    allowedAssets.addAll(MODULES);
  }

  @Path("{engineName}/cases")
  public CasesResource cases(@PathParam("engineName") String engineName) {
    return subResource(new CasesResource(engineName, bean(Oversight.class)), engineName);
  }

  @Path("{engineName}/monitoring")
  public MonitoringResource monitoring(@PathParam("engineName") String engineName) {
    return subResource(new MonitoringResource(engineName, bean(Oversight.class)), engineName);
  }

  /** JAX-RS creates these resources, not Spring: they take the application's beans from its context. */
  private <T> T bean(Class<T> type) {
    return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(type);
  }

  @Path("{engineName}/case-history/{processInstanceId}")
  public CaseHistoryResource caseHistory(@PathParam("engineName") String engineName,
                                         @PathParam("processInstanceId") String processInstanceId) {
    return subResource(new CaseHistoryResource(engineName, processInstanceId, servletContext), engineName);
  }
}
