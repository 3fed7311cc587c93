package uk.safeguarding.escalation.cockpit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import uk.safeguarding.escalation.casefile.CaseRecord;
import uk.safeguarding.escalation.casefile.CaseVariables;
import uk.safeguarding.escalation.notification.NotificationLog;

/**
 * One case as an auditor reads it afterwards: the path it took on its diagram, each stage (who,
 * when, outcome, against which deadline), the record each stage submitted, the deadlines breached,
 * the notifications sent and the user operation log. Instants are ISO-8601 UTC; people are named.
 */
public record CaseHistory(String processInstanceId, String caseReference, String process, Integer processVersion,
                          String state, String started, String ended, Person startedBy, List<Stage> stages,
                          List<Breach> breaches, List<Notification> notifications, List<Operation> operations,
                          Diagram diagram) {

  public record Person(String id, String name) {}

  /** A step of the timeline: the case being raised, or one task. {@code late}: finished (or still open) after its due date. */
  public record Stage(String taskId, String activityId, String title, Integer stage, Person who, String started,
                      String ended, String due, boolean late, boolean breached, String state, String outcome,
                      List<CaseRecord.Line> record) {}

  /** A deadline that passed with its stage open: the stage's timer boundary event fired. */
  public record Breach(String activityId, String name, String stageActivityId, String stageTitle, String at) {}

  public record Notification(String at, String kind, Person to, String channel, boolean delivered) {}

  public record Operation(String at, Person who, String operation, String entity, String property, String from,
                          String to, String annotation) {}

  /** The diagram, the activities that ran (still running ones too), and the breached ones. */
  public record Diagram(String bpmnXml, List<String> ran, List<String> running, List<String> breached) {}

  static final String TIMER_BOUNDARY = "boundaryTimer";

  /** Reads the case; the instance must already be known to be visible to the current user. */
  static CaseHistory of(ProcessEngine engine, HistoricProcessInstance instance, Function<Set<String>, Map<String, String>> names,
                        List<NotificationLog.Entry> notificationLog) {
    HistoryService history = engine.getHistoryService();
    String id = instance.getId();
    BpmnModelInstance model = model(engine, instance.getProcessDefinitionId());
    String bpmnXml = model == null ? null : Bpmn.convertToString(model);

    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().list();
    List<UserOperationLogEntry> operations = history.createUserOperationLogQuery().processInstanceId(id)
        .orderByTimestamp().asc().list();
    Map<String, String> outcomeByActivityInstance = new HashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
        .orderByTime().asc().list()) {
      if (detail instanceof HistoricVariableUpdate update && CaseVariables.STAGE_OUTCOME.equals(update.getVariableName())
          && update.getValue() != null) {
        outcomeByActivityInstance.put(update.getActivityInstanceId(), update.getValue().toString());
      }
    }
    List<CaseRecord.Entry> record = caseRecord(history, id);
    String caseReference = history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName(CaseVariables.CASE_REFERENCE).list().stream().map(HistoricVariableInstance::getValue)
        .filter(Objects::nonNull).map(Object::toString).findFirst().orElse(instance.getBusinessKey());

    // who did each task: its assignee, or whoever completed it unclaimed (the operation log knows)
    Map<String, String> completedBy = new HashMap<>();
    for (UserOperationLogEntry op : operations) {
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(op.getOperationType()) && op.getTaskId() != null) {
        completedBy.putIfAbsent(op.getTaskId(), op.getUserId());
      }
    }

    Set<String> people = new LinkedHashSet<>();
    people.add(instance.getStartUserId());
    tasks.forEach(t -> people.add(t.getAssignee() != null ? t.getAssignee() : completedBy.get(t.getId())));
    operations.forEach(op -> people.add(op.getUserId()));
    notificationLog.forEach(n -> people.add(n.recipientUserId()));
    people.remove(null);
    Map<String, String> named = names.apply(people);
    Function<String, Person> person = userId -> userId == null ? null : new Person(userId, named.getOrDefault(userId, userId));

    // timers that fired on a stage: the deadline breaches
    Map<String, String> hostOf = new HashMap<>();
    if (model != null) {
      for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
        if (!event.getChildElementsByType(TimerEventDefinition.class).isEmpty() && event.getAttachedTo() != null) {
          hostOf.put(event.getId(), event.getAttachedTo().getId());
        }
      }
    }
    List<HistoricActivityInstance> fired = activities.stream()
        .filter(a -> TIMER_BOUNDARY.equals(a.getActivityType()) || hostOf.containsKey(a.getActivityId())).toList();

    List<Stage> stages = new ArrayList<>();
    List<CaseRecord.Entry> unmatched = new ArrayList<>(record);
    CaseRecord.Entry raised = unmatched.isEmpty() ? null : unmatched.get(0);
    if (raised != null && "Case raised".equals(raised.title())) {
      unmatched.remove(0);
      stages.add(new Stage(null, null, raised.title(), raised.stage(), person.apply(instance.getStartUserId()),
          iso(instance.getStartTime()), iso(instance.getStartTime()), null, false, false, "completed", null, raised.lines()));
    }
    Date now = ClockUtil.getCurrentTime();
    for (HistoricTaskInstance task : tasks) {
      CaseRecord.Entry entry = task.getEndTime() == null ? null : take(unmatched, task.getName());
      List<CaseRecord.Line> lines = entry == null ? List.of() : entry.lines();
      String outcome = lines.stream().filter(l -> l.label() != null && l.label().startsWith("Outcome"))
          .map(CaseRecord.Line::value).findFirst().orElse(outcomeByActivityInstance.get(task.getActivityInstanceId()));
      Date finished = task.getEndTime() == null ? now : task.getEndTime();
      boolean late = task.getDueDate() != null && finished.after(task.getDueDate());
      boolean breached = fired.stream().anyMatch(f -> task.getTaskDefinitionKey().equals(hostOf.get(f.getActivityId()))
          && !f.getStartTime().before(task.getStartTime())
          && (task.getEndTime() == null || !f.getStartTime().after(task.getEndTime())));
      String who = task.getAssignee() != null ? task.getAssignee() : completedBy.get(task.getId());
      stages.add(new Stage(task.getId(), task.getTaskDefinitionKey(), task.getName(),
          entry == null ? null : entry.stage(), person.apply(who), iso(task.getStartTime()), iso(task.getEndTime()),
          iso(task.getDueDate()), late, breached, state(task), outcome, lines));
    }

    Map<String, String> taskNames = new HashMap<>();
    activities.forEach(a -> taskNames.put(a.getActivityId(), a.getActivityName()));
    List<Breach> breaches = fired.stream().map(f -> new Breach(f.getActivityId(), f.getActivityName(),
        hostOf.get(f.getActivityId()), taskNames.get(hostOf.get(f.getActivityId())), iso(f.getStartTime()))).toList();

    List<Notification> notifications = notificationLog.stream().map(n -> new Notification(iso(n.createdAt()),
        n.kind(), person.apply(n.recipientUserId()), n.channel(), n.status() == NotificationLog.Status.DELIVERED)).toList();

    List<Operation> ops = operations.stream().map(op -> new Operation(iso(op.getTimestamp()), person.apply(op.getUserId()),
        op.getOperationType(), op.getEntityType(), op.getProperty(), op.getOrgValue(), op.getNewValue(),
        op.getAnnotation())).toList();

    Set<String> ran = new LinkedHashSet<>();
    Set<String> running = new LinkedHashSet<>();
    activities.forEach(a -> {
      ran.add(a.getActivityId());
      if (a.getEndTime() == null) {
        running.add(a.getActivityId());
      }
    });
    Set<String> breachedIds = new LinkedHashSet<>();
    fired.forEach(f -> {
      breachedIds.add(f.getActivityId());
      if (hostOf.get(f.getActivityId()) != null) {
        breachedIds.add(hostOf.get(f.getActivityId()));
      }
    });

    return new CaseHistory(id, caseReference, instance.getProcessDefinitionName(), instance.getProcessDefinitionVersion(),
        words(instance.getState()), iso(instance.getStartTime()), iso(instance.getEndTime()),
        person.apply(instance.getStartUserId()), stages, breaches, notifications, ops,
        new Diagram(bpmnXml, List.copyOf(ran), List.copyOf(running), List.copyOf(breachedIds)));
  }

  private static CaseRecord.Entry take(List<CaseRecord.Entry> entries, String title) {
    for (int i = 0; i < entries.size(); i++) {
      if (Objects.equals(entries.get(i).title(), title)) {
        return entries.remove(i);
      }
    }
    return null;
  }

  private static List<CaseRecord.Entry> caseRecord(HistoryService history, String id) {
    List<HistoricVariableInstance> found = history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName(CaseVariables.CASE_RECORD).disableCustomObjectDeserialization().list();
    if (found.isEmpty()) {
      return List.of();
    }
    TypedValue value = found.get(0).getTypedValue();
    if (value instanceof SerializableValue serializable) {
      return CaseRecord.entries(serializable.getValueSerialized());
    }
    return value == null || value.getValue() == null ? List.of() : CaseRecord.entries(value.getValue().toString());
  }

  private static BpmnModelInstance model(ProcessEngine engine, String processDefinitionId) {
    try (InputStream xml = engine.getRepositoryService().getProcessModel(processDefinitionId)) {
      return xml == null ? null : Bpmn.readModelFromStream(new ByteArrayInputStream(xml.readAllBytes()));
    } catch (IOException | ProcessEngineException unreadable) {
      return null; // e.g. history readable but the diagram not (no READ on the protocol): the rest still shows
    }
  }

  private static String state(HistoricTaskInstance task) {
    if (task.getEndTime() == null) {
      return "open";
    }
    return "completed".equals(task.getDeleteReason()) ? "completed" : "cancelled";
  }

  private static String words(String state) {
    return switch (state == null ? "" : state) {
      case HistoricProcessInstance.STATE_ACTIVE -> "Open";
      case HistoricProcessInstance.STATE_SUSPENDED -> "Suspended";
      case HistoricProcessInstance.STATE_COMPLETED -> "Closed";
      case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED, HistoricProcessInstance.STATE_INTERNALLY_TERMINATED -> "Cancelled";
      default -> state;
    };
  }

  static String iso(Date date) {
    return date == null ? null : date.toInstant().toString();
  }
}
