package uk.safeguarding.escalation.notification;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A job that failed with a permanent {@link NotificationException} gets no more retries: Camunda
 * raises the incident at once (Cockpit), instead of repeating a request the provider has refused
 * as invalid five times over 25 minutes. Every other failure keeps the configured retry cycle.
 */
@Component
class PermanentFailurePlugin extends AbstractProcessEnginePlugin {

  /** After init, so it wraps whichever factory the engine and starter configured (the retry cycle). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory standard = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, exception) -> {
      if (!isPermanent(exception)) {
        return standard.getCommand(jobId, exception);
      }
      return commandContext -> {
        standard.getCommand(jobId, exception).execute(commandContext);
        JobEntity job = commandContext.getJobManager().findJobById(jobId);
        if (job != null && job.getRetries() > 0) {
          job.setRetries(0); // creates the failed-job incident with the job's exception message
        }
        return null;
      };
    });
  }

  private static boolean isPermanent(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof NotificationException n && n.permanent()) {
        return true;
      }
    }
    return false;
  }
}
