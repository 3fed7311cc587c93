package uk.safeguarding.escalation.casefile;

import static uk.safeguarding.escalation.casefile.CaseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ${stageEntered}} on each stage task ("start"): the stage number is the task's extension
 * property {@code stage} (visible and editable in Modeler). Sets {@code currentStage} and
 * {@code stageStartedAt}, and clears the previous stage's {@code stageOutcome} so that a gateway
 * can only ever route on this stage's answer.
 */
@Component("stageEntered")
public class StageEnteredListener implements ExecutionListener {

  public static final String STAGE_PROPERTY = "stage";

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(CURRENT_STAGE, stageOf(execution.getBpmnModelElementInstance(), execution.getCurrentActivityId()));
    execution.setVariable(STAGE_STARTED_AT, ClockUtil.getCurrentTime());
    execution.removeVariable(STAGE_OUTCOME);
  }

  static int stageOf(BaseElement element, String activityId) {
    if (element != null && element.getExtensionElements() != null) {
      for (CamundaProperties properties : element.getExtensionElements().getElementsQuery()
          .filterByType(CamundaProperties.class).list()) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (STAGE_PROPERTY.equals(property.getCamundaName())) {
            return Integer.parseInt(property.getCamundaValue().trim());
          }
        }
      }
    }
    throw new IllegalStateException("Stage task " + activityId + " has no extension property 'stage'");
  }
}
