package uk.safeguarding.escalation.cockpit;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.casefile.CaseVariables;
import uk.safeguarding.escalation.identity.Partnership;
import uk.safeguarding.escalation.identity.Partnerships;

/**
 * Cases older than the summary table (a database from before this release) get their summary
 * rows from Camunda's history once, at the first start-up that finds the table empty.
 */
@Component
class CaseSummaryBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(CaseSummaryBackfill.class);

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final Partnerships partnerships;

  CaseSummaryBackfill(DataSource dataSource, HistoryService history, Partnerships partnerships) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.history = history;
    this.partnerships = partnerships;
  }

  @EventListener(ApplicationReadyEvent.class)
  void backfillOnce() {
    Integer rows = jdbc.queryForObject("select count(*) from esc_case_summary", Integer.class);
    if (rows != null && rows > 0) {
      return;
    }
    int filled = 0;
    for (Partnership p : partnerships.all()) {
      List<HistoricProcessInstance> cases;
      int first = 0;
      do {
        cases = history.createHistoricProcessInstanceQuery().processDefinitionKey(p.processKey())
            .orderByProcessInstanceId().asc().listPage(first, 500);
        for (HistoricProcessInstance c : cases) {
          fill(c);
          filled++;
        }
        first += cases.size();
      } while (cases.size() == 500);
    }
    if (filled > 0) {
      LOG.info("Case summaries: filled {} cases from history", filled);
    }
  }

  private void fill(HistoricProcessInstance c) {
    String id = c.getId();
    Object[] v = new Object[9];
    List<String> names = List.of(CaseVariables.CASE_REFERENCE, CaseVariables.RAISING_AGENCY, CaseVariables.RECEIVING_AGENCY,
        CaseVariables.DISAGREEMENT_CATEGORY, CaseVariables.RISK_LEVEL, CaseVariables.SUBJECT_TYPE,
        CaseVariables.CURRENT_STAGE, CaseVariables.RESOLVED_AT_STAGE, CaseVariables.WORKING_DAYS_TO_RESOLUTION);
    for (HistoricVariableInstance var : history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableNameIn(names.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
      if (id.equals(var.getExecutionId()) && var.getTaskId() == null) {
        Object value = var.getValue();
        v[names.indexOf(var.getName())] = value instanceof Number n ? Integer.valueOf(n.intValue()) : value;
      }
    }
    Integer highest = (Integer) v[6];
    for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
        .disableCustomObjectDeserialization().list()) {
      if (d instanceof HistoricVariableUpdate u && CaseVariables.CURRENT_STAGE.equals(u.getVariableName())
          && u.getValue() instanceof Number n && (highest == null || n.intValue() > highest)) {
        highest = n.intValue();
      }
    }
    String state = c.getEndTime() == null ? CaseState.RUNNING.code
        : HistoricProcessInstance.STATE_COMPLETED.equals(c.getState())
            ? (v[7] == null ? CaseState.CLOSED.code : CaseState.RESOLVED.code) : CaseState.CANCELLED.code;
    List<HistoricActivityInstance> timers = history.createHistoricActivityInstanceQuery().processInstanceId(id).list()
        .stream().filter(a -> CaseSummaryHistoryHandler.BOUNDARY_TIMER.equals(a.getActivityType())
            || (CaseSummaryHistoryHandler.START_TIMER.equals(a.getActivityType()) && !id.equals(a.getParentActivityInstanceId())))
        .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime)).toList();
    jdbc.update("insert into esc_case_summary (process_instance_id, process_key, case_reference, state, opened_at,"
            + " closed_at, current_stage, highest_stage, resolved_at_stage, raising_agency, receiving_agency,"
            + " disagreement_category, risk_level, subject_type, working_days_to_resolution, breaches)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, c.getProcessDefinitionKey(), v[0], state, ts(c.getStartTime()), ts(c.getEndTime()), v[6], highest, v[7],
        v[1], v[2], v[3], v[4], v[5], v[8], timers.size());
    for (HistoricActivityInstance t : timers) {
      // the stage at the time is not kept by history for old cases: the breach counts, its stage stays blank
      jdbc.update("insert into esc_case_breach (id, process_instance_id, process_key, stage, activity_id, breached_at)"
          + " values (?, ?, ?, null, ?, ?)", t.getId(), id, c.getProcessDefinitionKey(), t.getActivityId(), ts(t.getStartTime()));
    }
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
