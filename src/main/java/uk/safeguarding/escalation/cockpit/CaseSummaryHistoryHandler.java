package uk.safeguarding.escalation.cockpit;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.escalation.casefile.CaseVariables;
import uk.safeguarding.escalation.identity.Partnership;
import uk.safeguarding.escalation.identity.Partnerships;

/**
 * Keeps {@code esc_case_summary} and {@code esc_case_breach} (the figures behind Cockpit's Cases
 * list and board monitoring) from the engine's own history events, beside Camunda's history
 * tables. It writes through the case's transaction (Spring's, shared with the engine), so a
 * command that rolls back leaves no figure behind, and a list of 10 000 cases is one indexed
 * query instead of a pivot over every variable ever written.
 */
class CaseSummaryHistoryHandler implements HistoryEventHandler {

  static final String BOUNDARY_TIMER = "boundaryTimer";
  static final String START_TIMER = "startTimerEvent";

  private final JdbcTemplate jdbc;
  private final Set<String> processKeys;

  CaseSummaryHistoryHandler(JdbcTemplate jdbc, Partnerships partnerships) {
    this.jdbc = jdbc;
    this.processKeys = Set.copyOf(partnerships.all().stream().map(Partnership::processKey).toList());
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    String key = processKey(event);
    if (key == null || !processKeys.contains(key) || event.getProcessInstanceId() == null) {
      return;
    }
    if (event instanceof HistoricProcessInstanceEventEntity instance) {
      processInstance(key, instance);
    } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
      variable(key, variable);
    } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
      activity(key, activity);
    }
  }

  private void processInstance(String key, HistoricProcessInstanceEventEntity e) {
    String id = e.getProcessInstanceId();
    ensureRow(id, key);
    if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(e.getEventType())) {
      jdbc.update("update esc_case_summary set opened_at = ? where process_instance_id = ?", ts(e.getStartTime()), id);
    } else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(e.getEventType())) {
      boolean completed = HistoricProcessInstance.STATE_COMPLETED.equals(e.getState());
      jdbc.update("update esc_case_summary set closed_at = ?, state = " + (completed
              ? "case when resolved_at_stage is null then '" + CaseState.CLOSED.code + "' else '" + CaseState.RESOLVED.code + "' end"
              : "'" + CaseState.CANCELLED.code + "'")
              + " where process_instance_id = ?",
          ts(e.getEndTime()), id);
    }
  }

  private void variable(String key, HistoricVariableUpdateEventEntity e) {
    String id = e.getProcessInstanceId();
    // only the case's own (process-wide) variables; task-local copies carry the same names
    if (e.getTaskId() != null || (e.getExecutionId() != null && !e.getExecutionId().equals(id))) {
      return;
    }
    if (HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName().equals(e.getEventType())) {
      return;
    }
    String column = switch (e.getVariableName()) {
      case CaseVariables.CASE_REFERENCE -> "case_reference";
      case CaseVariables.RAISING_AGENCY -> "raising_agency";
      case CaseVariables.RECEIVING_AGENCY -> "receiving_agency";
      case CaseVariables.DISAGREEMENT_CATEGORY -> "disagreement_category";
      case CaseVariables.RISK_LEVEL -> "risk_level";
      case CaseVariables.SUBJECT_TYPE -> "subject_type";
      case CaseVariables.CURRENT_STAGE -> "current_stage";
      case CaseVariables.RESOLVED_AT_STAGE -> "resolved_at_stage";
      case CaseVariables.WORKING_DAYS_TO_RESOLUTION -> "working_days_to_resolution";
      default -> null;
    };
    if (column == null) {
      return;
    }
    ensureRow(id, key);
    if (column.equals("case_reference") || column.endsWith("_agency") || column.equals("disagreement_category")
        || column.equals("risk_level") || column.equals("subject_type")) {
      jdbc.update("update esc_case_summary set " + column + " = ? where process_instance_id = ?",
          truncate(e.getTextValue(), column.equals("case_reference") ? 255 : 64), id);
      return;
    }
    Integer number = e.getLongValue() == null ? null : (int) Math.min(Integer.MAX_VALUE, e.getLongValue());
    jdbc.update("update esc_case_summary set " + column + " = ? where process_instance_id = ?", number, id);
    if (column.equals("current_stage") && number != null) {
      jdbc.update("update esc_case_summary set highest_stage = ? where process_instance_id = ?"
          + " and (highest_stage is null or highest_stage < ?)", number, id, number);
    }
  }

  /** A timer on a stage (boundary) or on the whole case (event sub-process) fired: a deadline passed. */
  private void activity(String key, HistoricActivityInstanceEventEntity e) {
    boolean deadline = BOUNDARY_TIMER.equals(e.getActivityType())
        || (START_TIMER.equals(e.getActivityType()) && !e.getProcessInstanceId().equals(e.getParentActivityInstanceId()));
    if (!deadline || e.getId() == null) {
      return;
    }
    Integer known = jdbc.queryForObject("select count(*) from esc_case_breach where id = ?", Integer.class, e.getId());
    if (known != null && known > 0) {
      return;
    }
    String id = e.getProcessInstanceId();
    ensureRow(id, key);
    jdbc.update("insert into esc_case_breach (id, process_instance_id, process_key, stage, activity_id, breached_at)"
            + " select ?, ?, ?, current_stage, ?, ? from esc_case_summary where process_instance_id = ?",
        e.getId(), id, key, e.getActivityId(), ts(e.getStartTime()), id);
    jdbc.update("update esc_case_summary set breaches = breaches + 1 where process_instance_id = ?", id);
  }

  /** Start variables may be written before the instance's start event, so whichever comes first makes the row. */
  private void ensureRow(String processInstanceId, String key) {
    Integer rows = jdbc.queryForObject("select count(*) from esc_case_summary where process_instance_id = ?",
        Integer.class, processInstanceId);
    if (rows == null || rows == 0) {
      jdbc.update("insert into esc_case_summary (process_instance_id, process_key, state, breaches) values (?, ?, ?, 0)",
          processInstanceId, key, CaseState.RUNNING.code);
    }
  }

  static String processKey(HistoryEvent event) {
    if (event.getProcessDefinitionKey() != null) {
      return event.getProcessDefinitionKey();
    }
    String definitionId = event.getProcessDefinitionId();
    return definitionId == null ? null : definitionId.split(":")[0];
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
