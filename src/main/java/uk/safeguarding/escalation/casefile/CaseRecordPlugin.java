package uk.safeguarding.escalation.casefile;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every user task of every diagram adds what it recorded to the {@link CaseRecord} as it completes. */
@Component
public class CaseRecordPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseRecord> caseRecord;

  public CaseRecordPlugin(ObjectProvider<CaseRecord> caseRecord) {
    this.caseRecord = caseRecord;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE,
        task -> caseRecord.getObject().taskCompleted(task));
  }
}
