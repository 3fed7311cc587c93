package uk.safeguarding.escalation.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda checks whether a person may run a job by hand ({@code POST /job/{id}/execute}, Cockpit's
 * "run" of a timer) only once the job is running, and counts the refusal as the job failing: an
 * auditor's refused attempt took one of the deadline timer's retries and re-dated it, and five made
 * an incident. So the same check (Camunda's own, UPDATE on the case) runs first, and the failure
 * handling Camunda runs after any refusal is skipped for this one: the job stays as it was. The job
 * executor runs without a user and is not affected.
 */
@Component
public class ManualJobGuard extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ManualJobGuard.class);
  private static final Field JOB_ID;
  private static final Field FAILURE;

  /** The refusal, told apart from a job that ran and failed. */
  static final class RefusedManualRun extends AuthorizationException {
    RefusedManualRun(AuthorizationException refusal) {
      super(refusal.getMessage());
    }
  }

  static {
    try {
      JOB_ID = ExecuteJobsCmd.class.getDeclaredField("jobId");
      JOB_ID.setAccessible(true);
      FAILURE = FailedJobListener.class.getDeclaredField("jobFailureCollector");
      FAILURE.setAccessible(true);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's ExecuteJobsCmd changed: review ManualJobGuard", e);
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof FailedJobListener listener && failure(listener) instanceof RefusedManualRun) {
          return null; // the job never ran: no retry taken, no failure recorded
        }
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (command instanceof ExecuteJobsCmd && user != null && configuration.isAuthorizationEnabled()) {
          String jobId = jobId((ExecuteJobsCmd) command);
          try {
            configuration.getCommandExecutorTxRequired().execute(context -> {
              JobEntity job = context.getJobManager().findJobById(jobId);
              if (job != null) { // an unknown job: Camunda answers that itself
                for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                  checker.checkUpdateJob(job);
                }
              }
              return null;
            });
          } catch (AuthorizationException refused) {
            LOG.warn("Refused running job {} by hand by '{}'", jobId, user.getUserId());
            throw new RefusedManualRun(refused);
          }
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private static Throwable failure(FailedJobListener listener) {
    try {
      JobFailureCollector collector = (JobFailureCollector) FAILURE.get(listener);
      return collector == null ? null : collector.getFailure();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jobId(ExecuteJobsCmd command) {
    try {
      return (String) JOB_ID.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
