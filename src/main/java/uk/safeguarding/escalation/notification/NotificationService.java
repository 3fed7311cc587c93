package uk.safeguarding.escalation.notification;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import uk.safeguarding.escalation.EscalationProperties;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.identity.Partnership;
import uk.safeguarding.escalation.identity.Partnerships;

/**
 * Delivers one requested notification to everyone it concerns, through the configured channel, and
 * records each attempt. Runs in the asynchronous job of a delivery instance, never in the case's
 * own transaction: everyone reachable is reached; anyone not reached (mail down, no address) makes
 * it throw after the others have their message, so Camunda retries the job (recipients already
 * reached are skipped) and finally raises an incident on the delivery instance.
 */
@Service
public class NotificationService {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NotificationService.class);

  static final DateTimeFormatter DEADLINE_FORMAT =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm '(UK time)'", Locale.UK).withZone(WorkingDayCalendar.ZONE);

  /** The Tasklist route parameter that opens a case's outcome; plugin.js reads the same name. */
  public static final String OUTCOME_PARAMETER = "escalation-outcome";

  private final RecipientResolver recipients;
  private final NotificationTemplates templates;
  private final NotificationChannel channel;
  private final NotificationLog log;
  private final TaskService taskService;
  private final Partnerships partnerships;
  private final String tasklistUrl;
  private final MeterRegistry meters;

  NotificationService(RecipientResolver recipients, NotificationTemplates templates, NotificationChannel channel,
      NotificationLog log, TaskService taskService, Partnerships partnerships, EscalationProperties properties,
      MeterRegistry meters) {
    this.recipients = recipients;
    this.templates = templates;
    this.channel = channel;
    this.log = log;
    this.taskService = taskService;
    this.partnerships = partnerships;
    this.meters = meters;
    this.tasklistUrl = properties.publicUrl().replaceAll("/$", "") + "/camunda/app/tasklist/default/";
  }

  public void deliver(String deliveryKey, NotificationRequest request) {
    Task task = request.stageTask() == null ? null : findStageTask(request).orElse(null);
    if (task == null && request.stageTask() != null && request.kind() == NotificationKind.STAGE_STARTED) {
      // The stage was completed before this job ran (e.g. while mail was down): nothing left to announce.
      LOG.info("{} for case {}: stage task {} already completed, not sent", request.kind(), request.caseReference(),
          request.stageTask());
      return;
    }
    Set<String> groups = new LinkedHashSet<>(request.groups());
    Set<String> users = new LinkedHashSet<>(request.users());
    if (task != null && request.notifyStageOwners()) {
      addOwners(task, groups, users);
    }
    Map<String, Recipient> people = recipients.resolve(groups, users);
    if (people.isEmpty()) {
      throw new NotificationException("Nobody to notify (" + request.kind() + ", case " + request.caseReference()
          + "): groups " + groups + " have no members and no user is named. Add people to the groups in Admin,"
          + " then retry the delivery in Cockpit (process notification-delivery).");
    }
    Message message = templates.render(request.kind(), values(request, task));

    List<String> failures = new ArrayList<>();
    boolean allPermanent = true;
    for (Recipient recipient : people.values()) {
      if (log.delivered(deliveryKey, recipient.userId(), channel.name())) {
        continue; // reached by an earlier attempt of this job
      }
      if (recipient.email() == null) {
        record(deliveryKey, request, recipient, NotificationLog.Status.FAILED, "no email address");
        failures.add(recipient.userId() + " (no email address)");
        allPermanent = false; // an administrator may add it before the next retry
        continue;
      }
      try {
        channel.send(MessageIds.of(deliveryKey, recipient.userId()), recipient, message);
        record(deliveryKey, request, recipient, NotificationLog.Status.DELIVERED, null);
      } catch (RuntimeException e) {
        record(deliveryKey, request, recipient, NotificationLog.Status.FAILED, e.getMessage());
        boolean permanent = e instanceof NotificationException n && n.permanent();
        allPermanent &= permanent;
        // Our channels' own words name no recipient; other exceptions (e.g. SMTP's) might, so only their type.
        failures.add(recipient.userId() + " (" + (e instanceof NotificationException ? e.getMessage()
            : e.getClass().getSimpleName()) + ")");
      }
    }
    if (!failures.isEmpty()) {
      throw new NotificationException(request.kind() + " for case " + request.caseReference() + " not delivered to "
          + failures.size() + " of " + people.size() + ": " + String.join(", ", failures), allPermanent);
    }
  }

  /** The log entry an auditor reads, and the counter an operator watches (escalation_notifications_total). */
  private void record(String deliveryKey, NotificationRequest request, Recipient recipient, NotificationLog.Status status,
      String detail) {
    log.record(deliveryKey, request, recipient, channel.name(), status, detail);
    meters.counter("escalation.notifications", "channel", channel.name(), "kind", request.kind().name(),
        "status", status.name()).increment();
  }

  /** The open stage task; empty once it has been completed (then no owners, deadline or task link). */
  private java.util.Optional<Task> findStageTask(NotificationRequest request) {
    return taskService.createTaskQuery().processInstanceId(request.caseInstanceId())
        .taskDefinitionKey(request.stageTask()).list().stream()
        .max(Comparator.comparing(Task::getCreateTime));
  }

  /** The stage's owner: whoever claimed it, else everyone it is offered to. */
  private void addOwners(Task task, Set<String> groups, Set<String> users) {
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
      return;
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        } else if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
      }
    }
  }

  /** Tasklist's Outcome view of the case (plugin-webapp/escalation/app/plugin.js opens it from this parameter). */
  String outcomeLink(String caseInstanceId) {
    return tasklistUrl + "#/?" + OUTCOME_PARAMETER + "=" + caseInstanceId;
  }

  private Map<String, String> values(NotificationRequest request, Task task) {
    Map<String, String> values = new HashMap<>();
    values.put("caseReference", request.caseReference());
    values.put("protocol", partnerships.byProcessKey(request.processKey()).map(Partnership::name)
        .orElse(request.processKey()));
    values.put("stage", request.stage() == null ? "-" : request.stage().toString());
    values.put("deadline", task == null || task.getDueDate() == null ? "-"
        : DEADLINE_FORMAT.format(task.getDueDate().toInstant()));
    values.put("link", request.kind().linksToOutcome() ? outcomeLink(request.caseInstanceId())
        : task == null ? tasklistUrl : tasklistUrl + "#/?task=" + task.getId());
    return values;
  }
}
