package uk.safeguarding.escalation.cockpit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * GET …/monitoring: the board's figures over the cases the reader may see (one partnership with
 * ?protocol=…, or all of theirs), with the Cases list's filters; GET …/monitoring/csv: the same
 * figures as CSV rows (figure, protocol, dimension, dimension, value).
 */
public class MonitoringResource extends AbstractCockpitPluginResource {

  private final Oversight oversight;

  public MonitoringResource(String engineName, Oversight oversight) {
    super(engineName);
    this.oversight = oversight;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response figures(@Context UriInfo uri) {
    try {
      List<String> keys = oversight.visibleKeys(getProcessEngine());
      Figures.Result result = compute(CaseFilter.of(CasesResource.params(uri)), keys);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("protocols", oversight.protocols(keys));
      body.put("topLevelStage", Figures.TOP_LEVEL_STAGE);
      body.put("figures", result);
      return Response.ok(body).build();
    } catch (IllegalArgumentException e) {
      return CasesResource.badRequest(e);
    }
  }

  @GET
  @Path("csv")
  @Produces("text/csv")
  public Response csv(@Context UriInfo uri) {
    Figures.Result r;
    try {
      r = compute(CaseFilter.of(CasesResource.params(uri)), oversight.visibleKeys(getProcessEngine()));
    } catch (IllegalArgumentException e) {
      return CasesResource.badRequest(e);
    }
    StreamingOutput body = out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      Csv.row(w, Arrays.asList("figure", "protocol", "dimension", "dimension_2", "value"));
      Csv.row(w, Arrays.asList("cases", "", "", "", r.total()));
      for (Figures.Count c : r.byState()) {
        Csv.row(w, Arrays.asList("cases_by_state", "", c.key(), "", c.count()));
      }
      for (Figures.StageCount c : r.resolvedAtStage()) {
        Csv.row(w, Arrays.asList("resolved_at_stage", c.processKey(), c.stage(), "", c.count()));
      }
      for (Figures.StageCount c : r.stageReached()) {
        Csv.row(w, Arrays.asList("highest_stage_reached", c.processKey(), c.stage(), "", c.count()));
      }
      for (Figures.Resolution c : r.timeToResolution()) {
        Csv.row(w, Arrays.asList("resolved_cases", c.processKey(), "", "", c.resolvedCases()));
        Csv.row(w, Arrays.asList("working_days_to_resolution_median", c.processKey(), "", "", c.medianWorkingDays()));
        Csv.row(w, Arrays.asList("working_days_to_resolution_p90", c.processKey(), "", "", c.p90WorkingDays()));
      }
      for (Figures.StageCount c : r.breachesPerStage()) {
        Csv.row(w, Arrays.asList("deadlines_breached_at_stage", c.processKey(), c.stage() == null ? "" : c.stage(), "", c.count()));
      }
      for (Figures.Pair c : r.agencies()) {
        Csv.row(w, Arrays.asList("raising_x_receiving_agency", "", c.raising(), c.receiving(), c.count()));
      }
      for (Figures.Count c : r.categories()) {
        Csv.row(w, Arrays.asList("disagreement_category", "", c.key(), "", c.count()));
      }
      for (Figures.Count c : r.riskLevels()) {
        Csv.row(w, Arrays.asList("risk_level", "", c.key(), "", c.count()));
      }
      for (Figures.Count c : r.topLevel()) {
        Csv.row(w, Arrays.asList("reached_stage_" + Figures.TOP_LEVEL_STAGE + "_or_above", c.key(), "", "", c.count()));
      }
      Csv.row(w, Arrays.asList("learning_referred", "", "", "", r.learningReferred()));
      for (Figures.Quarter q : r.quarters()) {
        Csv.row(w, Arrays.asList("quarter_opened", "", q.quarter(), "", q.opened()));
        Csv.row(w, Arrays.asList("quarter_resolved", "", q.quarter(), "", q.resolved()));
        Csv.row(w, Arrays.asList("quarter_deadlines_breached", "", q.quarter(), "", q.breaches()));
      }
      w.flush();
    };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"monitoring.csv\"")
        .header("Cache-Control", "no-store").build();
  }

  private Figures.Result compute(CaseFilter filter, List<String> keys) {
    Figures figures = new Figures();
    oversight.summaries().each(filter, keys, figures::add);
    return figures.result(oversight.summaries().breaches(filter, keys));
  }
}
