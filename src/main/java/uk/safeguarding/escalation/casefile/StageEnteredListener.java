package uk.safeguarding.escalation.casefile;

import static uk.safeguarding.escalation.casefile.CaseVariables.*;

import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.forms.DeployedForms;

/**
 * {@code ${stageEntered}} on each stage task ("start"), configured by the task's extension
 * properties (visible and editable in Modeler):
 * <ul>
 *   <li>{@code stage}: sets {@code currentStage}; also {@code stageStartedAt}. The previous stage's
 *       {@code stageOutcome} is cleared so that a gateway only ever routes on this stage's answer.
 *   <li>{@code freshRecord=true}: the task's form starts empty instead of showing the previous
 *       stage's record (whose values stay in history), so each stage records its own contact.
 *   <li>{@code freshFields=a,b,c}: only those fields start empty (e.g. a stage's contact record,
 *       while the Monitoring Form around it carries over).
 * </ul>
 */
@Component("stageEntered")
public class StageEnteredListener implements ExecutionListener {

  public static final String STAGE_PROPERTY = "stage";
  public static final String FRESH_RECORD_PROPERTY = "freshRecord";
  public static final String FRESH_FIELDS_PROPERTY = "freshFields";

  private final DeployedForms forms;
  private final RepositoryService repositoryService;

  public StageEnteredListener(DeployedForms forms, RepositoryService repositoryService) {
    this.forms = forms;
    this.repositoryService = repositoryService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    BaseElement element = execution.getBpmnModelElementInstance();
    String stage = property(element, STAGE_PROPERTY)
        .orElseThrow(() -> new IllegalStateException("Stage task " + execution.getCurrentActivityId()
            + " has no extension property 'stage'"));
    execution.setVariable(CURRENT_STAGE, Integer.parseInt(stage.trim()));
    execution.setVariable(STAGE_STARTED_AT, ClockUtil.getCurrentTime());
    execution.removeVariable(STAGE_OUTCOME);
    if (property(element, FRESH_RECORD_PROPERTY).map(v -> Boolean.parseBoolean(v.trim())).orElse(false)
        && element instanceof UserTask task && task.getCamundaFormRef() != null) {
      String deploymentId = repositoryService.getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId();
      forms.find(deploymentId, task.getCamundaFormRef()).ifPresent(form -> form.fields().stream()
          .filter(field -> !field.readonly())
          .forEach(field -> execution.removeVariable(field.key())));
    }
    property(element, FRESH_FIELDS_PROPERTY).ifPresent(fields -> java.util.Arrays.stream(fields.split(","))
        .map(String::trim).filter(f -> !f.isEmpty()).forEach(execution::removeVariable));
  }

  public static Optional<String> property(BaseElement element, String name) {
    if (element != null && element.getExtensionElements() != null) {
      for (CamundaProperties properties : element.getExtensionElements().getElementsQuery()
          .filterByType(CamundaProperties.class).list()) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (name.equals(property.getCamundaName())) {
            return Optional.ofNullable(property.getCamundaValue());
          }
        }
      }
    }
    return Optional.empty();
  }
}
