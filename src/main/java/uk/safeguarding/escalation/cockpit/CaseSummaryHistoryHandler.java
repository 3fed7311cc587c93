package uk.safeguarding.escalation.cockpit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.escalation.casefile.CaseVariables;
import uk.safeguarding.escalation.identity.Partnership;
import uk.safeguarding.escalation.identity.Partnerships;

/**
 * Keeps {@code esc_case_summary} and {@code esc_case_breach} (the figures behind Cockpit's Cases
 * list and board monitoring) from the engine's own history events, beside Camunda's history
 * tables. What one command changes is gathered and written once, as its transaction commits
 * (Spring's, shared with the engine): a command that rolls back leaves no figure behind, a busy
 * case costs one or two statements per command, and a list of 10 000 cases is one indexed query
 * instead of a pivot over every variable ever written.
 */
class CaseSummaryHistoryHandler implements HistoryEventHandler {

  static final String BOUNDARY_TIMER = "boundaryTimer";
  static final String START_TIMER = "startTimerEvent";

  /** Variables the summary keeps, and their columns. */
  static final Map<String, String> COLUMNS = Map.of(
      CaseVariables.CASE_REFERENCE, "case_reference", CaseVariables.RAISING_AGENCY, "raising_agency",
      CaseVariables.RECEIVING_AGENCY, "receiving_agency", CaseVariables.DISAGREEMENT_CATEGORY, "disagreement_category",
      CaseVariables.RISK_LEVEL, "risk_level", CaseVariables.SUBJECT_TYPE, "subject_type",
      CaseVariables.CURRENT_STAGE, "current_stage", CaseVariables.RESOLVED_AT_STAGE, "resolved_at_stage",
      CaseVariables.WORKING_DAYS_TO_RESOLUTION, "working_days_to_resolution");
  static final Set<String> NUMBERS = Set.of("current_stage", "resolved_at_stage", "working_days_to_resolution");

  /** One command's changes to one case. */
  static final class Change {
    final String key;
    final Map<String, Object> values = new LinkedHashMap<>();
    Integer highestStage;
    Timestamp openedAt;
    Timestamp closedAt;
    String endState; // CaseState code, or "completed" (resolved or closed, by resolved_at_stage)
    final List<Object[]> breaches = new ArrayList<>(); // id, activity id, at, stage known in this command (or null)

    Change(String key) {
      this.key = key;
    }
  }

  private final JdbcTemplate jdbc;
  private final Set<String> processKeys;
  private final ThreadLocal<Map<CommandContext, Map<String, Change>>> pending =
      ThreadLocal.withInitial(IdentityHashMap::new);

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
      Change c = change(event.getProcessInstanceId(), key);
      if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(instance.getEventType())) {
        c.openedAt = ts(instance.getStartTime());
      } else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())) {
        c.closedAt = ts(instance.getEndTime());
        c.endState = HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) ? "completed" : CaseState.CANCELLED.code;
      }
    } else if (event instanceof HistoricVariableUpdateEventEntity variable) {
      variable(key, variable);
    } else if (event instanceof HistoricActivityInstanceEventEntity activity) {
      activity(key, activity);
    }
  }

  private void variable(String key, HistoricVariableUpdateEventEntity e) {
    String id = e.getProcessInstanceId();
    String column = COLUMNS.get(e.getVariableName());
    // only the case's own (process-wide) variables: task-local copies carry the same names
    if (column == null || e.getTaskId() != null || (e.getExecutionId() != null && !e.getExecutionId().equals(id))
        || HistoryEventTypes.VARIABLE_INSTANCE_DELETE.getEventName().equals(e.getEventType())) {
      return;
    }
    Change c = change(id, key);
    if (NUMBERS.contains(column)) {
      Integer n = e.getLongValue() == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, e.getLongValue()));
      c.values.put(column, n);
      if (column.equals("current_stage") && n != null && (c.highestStage == null || n > c.highestStage)) {
        c.highestStage = n;
      }
    } else {
      c.values.put(column, truncate(e.getTextValue(), column.equals("case_reference") ? 255 : 64));
    }
  }

  /** A timer on a stage (boundary) or on the whole case (event sub-process) fired: a deadline passed. */
  private void activity(String key, HistoricActivityInstanceEventEntity e) {
    boolean deadline = BOUNDARY_TIMER.equals(e.getActivityType())
        || (START_TIMER.equals(e.getActivityType()) && !e.getProcessInstanceId().equals(e.getParentActivityInstanceId()));
    if (!deadline || e.getId() == null) {
      return;
    }
    Change c = change(e.getProcessInstanceId(), key);
    if (c.breaches.stream().noneMatch(b -> b[0].equals(e.getId()))) {
      c.breaches.add(new Object[] {e.getId(), e.getActivityId(), ts(e.getStartTime()), c.values.get("current_stage")});
    }
  }

  private Change change(String processInstanceId, String key) {
    CommandContext command = Context.getCommandContext();
    if (command == null) { // history events come from engine commands; nothing to join otherwise
      return new Change(key);
    }
    Map<CommandContext, Map<String, Change>> byCommand = pending.get();
    Map<String, Change> changes = byCommand.get(command);
    if (changes == null) {
      Map<String, Change> created = new LinkedHashMap<>();
      byCommand.put(command, created);
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, ctx -> {
        byCommand.remove(command);
        write(created);
      });
      command.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, ctx -> byCommand.remove(command));
      changes = created;
    }
    return changes.computeIfAbsent(processInstanceId, id -> new Change(key));
  }

  private void write(Map<String, Change> changes) {
    changes.forEach((id, c) -> {
      Integer rows = jdbc.queryForObject("select count(*) from esc_case_summary where process_instance_id = ?", Integer.class, id);
      if (rows == null || rows == 0) {
        jdbc.update("insert into esc_case_summary (process_instance_id, process_key, state, breaches) values (?, ?, ?, 0)",
            id, c.key, CaseState.RUNNING.code);
      }
      for (Object[] b : c.breaches) {
        Integer known = jdbc.queryForObject("select count(*) from esc_case_breach where id = ?", Integer.class, b[0]);
        if (known == null || known == 0) {
          // the stage the case was at when the timer fired: this command's, or the one it had before
          jdbc.update("insert into esc_case_breach (id, process_instance_id, process_key, stage, activity_id, breached_at)"
                  + " select ?, ?, ?, coalesce(?, current_stage), ?, ? from esc_case_summary where process_instance_id = ?",
              b[0], id, c.key, b[3], b[1], b[2], id);
          jdbc.update("update esc_case_summary set breaches = breaches + 1 where process_instance_id = ?", id);
        }
      }
      StringBuilder sql = new StringBuilder("update esc_case_summary set process_key = ?");
      List<Object> params = new ArrayList<>(List.of(c.key));
      c.values.forEach((column, value) -> {
        sql.append(", ").append(column).append(" = ?");
        params.add(value);
      });
      if (c.highestStage != null) {
        sql.append(", highest_stage = case when highest_stage is null or highest_stage < ? then ? else highest_stage end");
        params.add(c.highestStage);
        params.add(c.highestStage);
      }
      if (c.openedAt != null) {
        sql.append(", opened_at = ?");
        params.add(c.openedAt);
      }
      if (c.closedAt != null) {
        sql.append(", closed_at = ?");
        params.add(c.closedAt);
      }
      if ("completed".equals(c.endState)) {
        // resolved if a resolution stage is known, now or from before
        sql.append(", state = case when coalesce(?, resolved_at_stage) is null then '").append(CaseState.CLOSED.code)
            .append("' else '").append(CaseState.RESOLVED.code).append("' end");
        params.add(c.values.get("resolved_at_stage"));
      } else if (c.endState != null) {
        sql.append(", state = ?");
        params.add(c.endState);
      }
      params.add(id);
      jdbc.update(sql.append(" where process_instance_id = ?").toString(), params.toArray());
    });
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
