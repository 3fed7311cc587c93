package uk.safeguarding.escalation.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A case's variables as comparable values, to show a refused request changed nothing: Json values
 * (the case record) compare by their text, since Spin's objects do not compare by content.
 */
public final class Snapshots {

  private Snapshots() {}

  public static Map<String, Object> variables(RuntimeService runtimeService, String executionId) {
    return comparable(runtimeService.getVariablesTyped(executionId, false));
  }

  public static Map<String, Object> localTaskVariables(TaskService taskService, String taskId) {
    return comparable(taskService.getVariablesLocalTyped(taskId, false));
  }

  private static Map<String, Object> comparable(VariableMap variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : variables.keySet()) {
      TypedValue value = variables.getValueTyped(name);
      values.put(name, value instanceof SerializableValue serializable ? serializable.getValueSerialized() : value.getValue());
    }
    return values;
  }
}
