package uk.safeguarding.escalation.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import uk.safeguarding.escalation.notification.NotificationDeliveryProcess;

/**
 * Runs a case's due jobs one by one, as the job executor would (tests keep the executor off): the
 * case's own (timers) and those of the notification deliveries it asked for.
 */
public final class Jobs {

  private Jobs() {}

  /** Every job of the case and its deliveries that is due at the engine's current time, until none is left; failures stay failed. */
  public static void runDue(ProcessEngine engine, String caseInstanceId) {
    List<String> failed = new ArrayList<>();
    for (int round = 0; round < 50; round++) {
      List<Job> due = Stream.concat(Stream.of(caseInstanceId), deliveries(engine, caseInstanceId).stream().map(ProcessInstance::getId))
          .flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id).executable().list().stream())
          .filter(j -> !failed.contains(j.getId())).toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException e) {
          failed.add(job.getId());
        }
      }
    }
    throw new IllegalStateException("Jobs of " + caseInstanceId + " keep coming: a timer loop?");
  }

  /** The running notification-delivery instances a case asked for. */
  public static List<ProcessInstance> deliveries(ProcessEngine engine, String caseInstanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(NotificationDeliveryProcess.KEY)
        .variableValueEquals(NotificationDeliveryProcess.Variables.CASE_INSTANCE_ID, caseInstanceId).list();
  }
}
