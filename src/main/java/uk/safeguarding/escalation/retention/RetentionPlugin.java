package uk.safeguarding.escalation.retention;

import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandlerConfiguration;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Runs {@link CaseDataRetention} with every run of Camunda's history cleanup job, in the job's own
 * transaction just before it commits (after the engine's deletes are flushed): the case's history
 * and the application's rows of it go together, or neither does.
 */
@Component
class RetentionPlugin extends AbstractProcessEnginePlugin {

  private final CaseDataRetention retention;

  RetentionPlugin(DataSource dataSource) {
    this.retention = new CaseDataRetention(dataSource);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    @SuppressWarnings("unchecked")
    JobHandler<HistoryCleanupJobHandlerConfiguration> cleanup =
        (JobHandler<HistoryCleanupJobHandlerConfiguration>) configuration.getJobHandlers().get(HistoryCleanupJobHandler.TYPE);
    configuration.getJobHandlers().put(HistoryCleanupJobHandler.TYPE, new AfterCleanup(cleanup, retention));
  }

  /** Camunda's cleanup handler, then ours once its deletes are flushed. */
  record AfterCleanup(JobHandler<HistoryCleanupJobHandlerConfiguration> cleanup, CaseDataRetention retention)
      implements JobHandler<HistoryCleanupJobHandlerConfiguration> {

    @Override
    public String getType() {
      return cleanup.getType();
    }

    @Override
    public void execute(HistoryCleanupJobHandlerConfiguration configuration, ExecutionEntity execution,
        CommandContext commandContext, String tenantId) {
      cleanup.execute(configuration, execution, commandContext, tenantId);
      commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
          context -> retention.removeRowsOfRemovedCases());
    }

    @Override
    public HistoryCleanupJobHandlerConfiguration newConfiguration(String canonicalString) {
      return cleanup.newConfiguration(canonicalString);
    }

    @Override
    public void onDelete(HistoryCleanupJobHandlerConfiguration configuration, JobEntity jobEntity) {
      cleanup.onDelete(configuration, jobEntity);
    }
  }
}
