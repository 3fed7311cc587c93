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
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * GET …/cases: a page of the cases the reader may see (running and finished), filtered and sorted;
 * GET …/cases/csv: all of them as CSV; GET …/cases/options: what the filters offer. Codes,
 * dates and counts only: no names of people, no dispute text.
 */
public class CasesResource extends AbstractCockpitPluginResource {

  static final int MAX_PAGE = 200;

  static final List<String> CSV_HEADER = List.of("case_id", "protocol", "case_reference", "state", "opened_at",
      "closed_at", "current_stage", "highest_stage_reached", "resolved_at_stage", "raising_agency", "receiving_agency",
      "disagreement_category", "risk_level", "subject_type", "working_days_to_resolution", "deadlines_breached",
      "learning_referred");

  private final Oversight oversight;

  public CasesResource(String engineName, Oversight oversight) {
    super(engineName);
    this.oversight = oversight;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(@Context UriInfo uri) {
    try {
      Map<String, String> p = params(uri);
      CaseFilter filter = CaseFilter.of(p);
      String sort = p.getOrDefault("sort", "openedAt");
      if (!CaseSummaries.SORTS.containsKey(sort)) {
        throw new IllegalArgumentException("sort must be one of " + String.join(", ", CaseSummaries.SORTS.keySet()));
      }
      String order = p.getOrDefault("order", "desc");
      if (!order.equals("asc") && !order.equals("desc")) {
        throw new IllegalArgumentException("order must be asc or desc");
      }
      Integer first = CaseFilter.integer(p, "firstResult", 0, Integer.MAX_VALUE);
      Integer max = CaseFilter.integer(p, "maxResults", 1, MAX_PAGE);
      List<String> keys = oversight.visibleKeys(getProcessEngine());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("total", oversight.summaries().count(filter, keys));
      body.put("cases", oversight.summaries().page(filter, keys, sort, order.equals("asc"),
          first == null ? 0 : first, max == null ? 50 : max).stream().map(this::view).toList());
      return Response.ok(body).build();
    } catch (IllegalArgumentException e) {
      return badRequest(e);
    }
  }

  @GET
  @Path("csv")
  @Produces("text/csv")
  public Response csv(@Context UriInfo uri) {
    CaseFilter filter;
    try {
      filter = CaseFilter.of(params(uri));
    } catch (IllegalArgumentException e) {
      return badRequest(e);
    }
    List<String> keys = oversight.visibleKeys(getProcessEngine());
    StreamingOutput body = out -> {
      BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      Csv.row(writer, CSV_HEADER);
      try {
        oversight.summaries().each(filter, keys, row -> {
          try {
            Csv.row(writer, Arrays.asList(row.id(), row.processKey(), nz(row.caseReference()), row.state(), iso(row.openedAt()),
                iso(row.closedAt()), nz(row.currentStage()), nz(row.highestStage()), nz(row.resolvedAtStage()),
                nz(row.raisingAgency()), nz(row.receivingAgency()), nz(row.category()), nz(row.riskLevel()),
                nz(row.subjectType()), nz(row.workingDaysToResolution()), row.breaches(), row.learningReferred()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      writer.flush();
    };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"cases.csv\"")
        .header("Cache-Control", "no-store").build();
  }

  @GET
  @Path("options")
  @Produces(MediaType.APPLICATION_JSON)
  public Response options() {
    List<String> keys = oversight.visibleKeys(getProcessEngine());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("protocols", oversight.protocols(keys));
    body.put("states", java.util.Arrays.stream(CaseState.values()).map(s -> Map.of("code", s.code, "name", s.label)).toList());
    body.put("sorts", CaseSummaries.SORTS.keySet().stream().sorted().toList());
    return Response.ok(body).build();
  }

  private Map<String, Object> view(CaseSummaries.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("processKey", r.processKey());
    m.put("protocol", oversight.protocolName(r.processKey()));
    m.put("caseReference", r.caseReference());
    m.put("state", r.state());
    m.put("stateLabel", CaseState.of(r.state()).map(s -> s.label).orElse(r.state()));
    m.put("openedAt", iso(r.openedAt()));
    m.put("closedAt", iso(r.closedAt()));
    m.put("currentStage", r.currentStage());
    m.put("highestStage", r.highestStage());
    m.put("resolvedAtStage", r.resolvedAtStage());
    m.put("raisingAgency", r.raisingAgency());
    m.put("raisingAgencyName", oversight.agencyName(r.processKey(), r.raisingAgency()));
    m.put("receivingAgency", r.receivingAgency());
    m.put("receivingAgencyName", oversight.agencyName(r.processKey(), r.receivingAgency()));
    m.put("category", r.category());
    m.put("categoryLabel", Oversight.words(r.category()));
    m.put("riskLevel", r.riskLevel());
    m.put("workingDaysToResolution", r.workingDaysToResolution());
    m.put("breaches", r.breaches());
    m.put("learningReferred", r.learningReferred());
    return m;
  }

  static Map<String, String> params(UriInfo uri) {
    Map<String, String> p = new HashMap<>();
    uri.getQueryParameters().forEach((k, v) -> {
      if (v.size() > 1) {
        throw new IllegalArgumentException(k + " is given more than once");
      }
      p.put(k, v.isEmpty() ? "" : v.get(0));
    });
    return p;
  }

  static Response badRequest(IllegalArgumentException e) {
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
        .entity(Map.of("type", "InvalidRequestException", "message", e.getMessage())).build();
  }

  static String iso(Instant at) {
    return at == null ? null : at.toString();
  }

  private static Object nz(Object o) {
    return o == null ? "" : o;
  }
}
