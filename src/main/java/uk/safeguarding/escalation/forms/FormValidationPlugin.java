package uk.safeguarding.escalation.forms;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.casefile.UserTaskListeners;

/**
 * The engine's own check on every user task with a Camunda Form: when a task completes, its
 * values must satisfy the form and the protocol rules, or the completion rolls back. The HTTP
 * layer (FormSubmissionFilter) already answers REST and Tasklist with a 400 naming the fields;
 * this catches any other way in (Java API, a future endpoint). Here the values are those the case
 * holds after the submission, since the engine cannot tell submitted from stored values.
 */
@Component
public class FormValidationPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<SubmissionValidator> validator;

  public FormValidationPlugin(ObjectProvider<SubmissionValidator> validator) {
    this.validator = validator;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.addToEveryUserTask(configuration, TaskListener.EVENTNAME_COMPLETE, this::checkCompletion);
  }

  private void checkCompletion(DelegateTask task) {
    List<Violation> violations = validator.getObject().checkTask(task, task.getVariables());
    if (!violations.isEmpty()) {
      throw new FormValidationException("task completion", violations);
    }
  }
}
