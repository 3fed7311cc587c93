package uk.safeguarding.escalation.tasklist;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import uk.safeguarding.escalation.casefile.CaseVariables;
import uk.safeguarding.escalation.casefile.ProcessKeys;

/**
 * The cases a practitioner raised, as they need to follow them once they move up a stage and out
 * of the practitioner's own tasks: where each is, with whom, by when, and how it ended. Read-only,
 * and only ever the cases the person themselves started (the start event's initiator): nothing of
 * the case's record beyond these few facts.
 */
public final class RaisedCases {

  /** One raised case. {@code with}: the groups or person the open task is with; {@code due}: its deadline; instants in ISO-8601 UTC. */
  public record RaisedCase(String caseReference, String process, String started, String state, Integer stage,
                           List<String> openTasks, List<String> with, String due, String outcome, String ended) {}

  static final int MOST = 200;

  private RaisedCases() {}

  public static List<RaisedCase> of(ProcessEngine engine, String userId) {
    String[] protocols = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).filter(key -> key.endsWith(ProcessKeys.PROTOCOL_KEY_SUFFIX)).distinct()
        .toArray(String[]::new);
    if (protocols.length == 0) {
      return List.of();
    }
    List<HistoricProcessInstance> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .startedBy(userId).processDefinitionKeyIn(protocols) // not the notification deliveries a start also begins
        .orderByProcessInstanceStartTime().desc().listPage(0, MOST);
    List<RaisedCase> cases = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      if (instance.getSuperProcessInstanceId() != null) {
        continue;
      }
      Map<String, Object> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId())
          .variableNameIn(CaseVariables.CASE_REFERENCE, CaseVariables.CURRENT_STAGE, CaseVariables.STAGE_OUTCOME,
              CaseVariables.RESOLVED_AT_STAGE)
          .list().stream().filter(v -> v.getValue() != null)
          .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
      List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
      List<String> with = open.stream().flatMap(task -> holders(engine, task).stream()).distinct().toList();
      Date due = open.stream().map(Task::getDueDate).filter(d -> d != null).min(Date::compareTo).orElse(null);
      Object resolvedAt = variables.get(CaseVariables.RESOLVED_AT_STAGE);
      String outcome = instance.getEndTime() == null ? null
          : resolvedAt != null ? "Resolved at stage " + resolvedAt : "Ended (" + stateOf(instance) + ")";
      cases.add(new RaisedCase(
          (String) variables.getOrDefault(CaseVariables.CASE_REFERENCE, instance.getBusinessKey()),
          instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName() : instance.getProcessDefinitionKey(),
          iso(instance.getStartTime()), stateOf(instance),
          variables.get(CaseVariables.CURRENT_STAGE) instanceof Number n ? n.intValue() : null,
          open.stream().map(Task::getName).toList(), with, iso(due), outcome, iso(instance.getEndTime())));
    }
    return cases;
  }

  /** The roles (groups) a task is offered to, and who has claimed it, in words. */
  private static List<String> holders(ProcessEngine engine, Task task) {
    Function<String, String> groupName = id -> {
      var group = engine.getIdentityService().createGroupQuery().groupId(id).singleResult();
      return group == null || group.getName() == null ? id : group.getName();
    };
    List<String> holders = new ArrayList<>(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(link -> link.getGroupId() != null ? groupName.apply(link.getGroupId()) : name(engine, link.getUserId()))
        .toList());
    if (task.getAssignee() != null) {
      holders.add("claimed by " + name(engine, task.getAssignee()));
    }
    return holders;
  }

  private static String name(ProcessEngine engine, String userId) {
    var user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim();
  }

  /** Instants as ISO-8601 UTC text, which every browser parses. */
  private static String iso(Date date) {
    return date == null ? null : date.toInstant().toString();
  }

  private static String stateOf(HistoricProcessInstance instance) {
    return switch (instance.getState()) {
      case HistoricProcessInstance.STATE_ACTIVE -> "Open";
      case HistoricProcessInstance.STATE_COMPLETED -> "Closed";
      case HistoricProcessInstance.STATE_SUSPENDED -> "Suspended";
      default -> "Closed by an administrator";
    };
  }
}
