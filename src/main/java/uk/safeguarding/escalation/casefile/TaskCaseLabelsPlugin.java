package uk.safeguarding.escalation.casefile;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives every user task its own copy of the case reference and stage when it is created, so the
 * Tasklist filters can show them on each task card. Staff may read the tasks offered to them but
 * not the whole case (that would show every case of the partnership), and Tasklist can only show
 * variables the reader may read.
 */
@Component
public class TaskCaseLabelsPlugin extends AbstractProcessEnginePlugin {

  static final List<String> LABELS = List.of(CaseVariables.CASE_REFERENCE, CaseVariables.CURRENT_STAGE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_CREATE, TaskCaseLabelsPlugin::copyLabels);
  }

  static void copyLabels(DelegateTask task) {
    for (String name : LABELS) {
      Object value = task.getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
