package uk.safeguarding.escalation.tasklist;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import uk.safeguarding.escalation.casefile.CaseRecord;
import uk.safeguarding.escalation.casefile.CaseVariables;
import uk.safeguarding.escalation.casefile.ProcessKeys;

/**
 * The written outcome of one case, as the parties told of it read it: reference, protocol, where it
 * stands, its dates and the record of the task that resolved it. Nothing else of the case: not the
 * dispute as raised, not the earlier stages' records, not who is involved beyond who recorded the
 * outcome (the person signing a written confirmation is part of it).
 */
public final class CaseOutcome {

  /**
   * {@code outcome}: the resolving task's record, null while the case is unresolved. Instants are
   * ISO-8601 UTC text.
   */
  public record Outcome(String processInstanceId, String caseReference, String protocol, String state,
                        Integer currentStage, Integer resolvedAtStage, String started, String resolved, String ended,
                        CaseRecord.Entry outcome) {}

  private CaseOutcome() {}

  /** Empty when there is no such case (or the id is a notification delivery, not a case). */
  public static Optional<Outcome> of(ProcessEngine engine, String processInstanceId) {
    HistoricProcessInstance instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null || instance.getProcessDefinitionKey() == null
        || !instance.getProcessDefinitionKey().endsWith(ProcessKeys.PROTOCOL_KEY_SUFFIX)) {
      return Optional.empty();
    }
    Map<String, HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization()
        .variableNameIn(CaseVariables.CASE_REFERENCE, CaseVariables.CURRENT_STAGE, CaseVariables.RESOLVED_AT_STAGE,
            CaseVariables.RESOLVED_AT, CaseVariables.CASE_RECORD)
        .list().stream()
        .collect(Collectors.toMap(HistoricVariableInstance::getName, v -> v, (a, b) -> a));
    // The written outcome is the entry CaseRecord.markResolution marked: the record of the task whose
    // completion resolved the case (the agreed outcome, actions and who agreed them, or a panel's
    // decision), as its author entered it. Earlier stages' records are the dispute's history, and
    // later ones (e.g. learning referred) are not the outcome: neither is shown.
    CaseRecord.Entry outcome = null;
    HistoricVariableInstance record = variables.get(CaseVariables.CASE_RECORD);
    if (record != null && record.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.SerializableValue json) {
      List<CaseRecord.Entry> entries = CaseRecord.entries(json.getValueSerialized());
      outcome = entries.stream().filter(e -> Boolean.TRUE.equals(e.resolves())).reduce((a, b) -> b).orElse(null);
    }
    Object reference = value(variables, CaseVariables.CASE_REFERENCE);
    return Optional.of(new Outcome(processInstanceId,
        reference instanceof String s ? s : instance.getBusinessKey(),
        instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName() : instance.getProcessDefinitionKey(),
        state(instance),
        value(variables, CaseVariables.CURRENT_STAGE) instanceof Number n ? n.intValue() : null,
        value(variables, CaseVariables.RESOLVED_AT_STAGE) instanceof Number n ? n.intValue() : null,
        iso(instance.getStartTime()),
        iso(value(variables, CaseVariables.RESOLVED_AT) instanceof Date d ? d : null),
        iso(instance.getEndTime()),
        outcome));
  }

  private static Object value(Map<String, HistoricVariableInstance> variables, String name) {
    HistoricVariableInstance variable = variables.get(name);
    return variable == null ? null : variable.getValue();
  }

  private static String iso(Date date) {
    return date == null ? null : date.toInstant().toString();
  }

  private static String state(HistoricProcessInstance instance) {
    return switch (instance.getState()) {
      case HistoricProcessInstance.STATE_ACTIVE -> "Open";
      case HistoricProcessInstance.STATE_COMPLETED -> "Closed";
      case HistoricProcessInstance.STATE_SUSPENDED -> "Suspended";
      default -> "Closed by an administrator";
    };
  }
}
