package uk.safeguarding.escalation.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs a case's due jobs one by one, as the job executor would (tests keep the executor off). */
public final class Jobs {

  private Jobs() {}

  /** Every job of the process instance that is due at the engine's current time, until none is left; failures stay failed. */
  public static void runDue(ManagementService managementService, String processInstanceId) {
    List<String> failed = new ArrayList<>();
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()
          .stream().filter(j -> !failed.contains(j.getId())).toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException e) {
          failed.add(job.getId());
        }
      }
    }
    throw new IllegalStateException("Jobs of " + processInstanceId + " keep coming: a timer loop?");
  }
}
