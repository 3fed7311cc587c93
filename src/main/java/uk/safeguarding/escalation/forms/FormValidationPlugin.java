package uk.safeguarding.escalation.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

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
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    TaskListener check = this::checkCompletion;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private void checkCompletion(DelegateTask task) {
    List<Violation> violations = validator.getObject().checkTask(task.getId(), task.getVariables());
    if (!violations.isEmpty()) {
      throw new FormValidationException("task completion", violations);
    }
  }
}
