package uk.safeguarding.escalation.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.calendar.WorkingDays;

/**
 * Both evaluations of {@code ${stageDeadline.of(execution)}} on one stage (its timer first, then its
 * task) give the very same instant, even when the clock has moved on between them.
 */
class StageDeadlineTest {

  static final Instant START = Instant.parse("2026-04-07T08:30:00Z");
  final StageDeadline stageDeadline = new StageDeadline(
      new WorkingDays(new WorkingDayCalendar(date -> false, LocalTime.of(17, 0), Set.of())));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theTimerAndTheTaskOfAStageGetTheSameInstant() {
    ActivityExecution stage = stageExecution(true, "hours", "24");
    ClockUtil.setCurrentTime(Date.from(START));
    Date timer = stageDeadline.of(stage);
    ClockUtil.setCurrentTime(Date.from(START.plusMillis(40)));
    Date task = stageDeadline.of(stage);

    assertThat(timer.toInstant()).isEqualTo(START.plus(Duration.ofHours(24)));
    assertThat(task).isEqualTo(timer);
  }

  @Test
  void aStageWithoutATimerKeepsNothingOnTheCase() {
    ActivityExecution stage = stageExecution(false, "hours", "24");
    ClockUtil.setCurrentTime(Date.from(START));
    stageDeadline.of(stage);
    assertThat(stage.getVariableLocal(StageDeadline.DEADLINE_VARIABLE)).isNull();
  }

  @Test
  void aMissingOrWrongTimescaleNamesTheStage() {
    assertThatThrownBy(() -> stageDeadline.of(stageExecution(true, "weeks", "2")))
        .hasMessageContaining("UserTask_ResolveAtBoardLevel").hasMessageContaining("timescaleRule");
    assertThatThrownBy(() -> stageDeadline.of(stageExecution(true, "working-days", "0")))
        .hasMessageContaining("UserTask_ResolveAtBoardLevel").hasMessageContaining("timescale");
  }

  /** North Somerset's stage 4 (counted from its own start) with the given rule and N, entered through a scope or not. */
  private static ActivityExecution stageExecution(boolean scope, String rule, String n) {
    String id = "UserTask_ResolveAtBoardLevel";
    BpmnModelInstance model = Bpmn.readModelFromFile(new java.io.File("processes/nssab-escalation.bpmn"));
    org.camunda.bpm.model.bpmn.instance.UserTask task = model.getModelElementById(id);
    task.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
        .getCamundaProperties().forEach(p -> {
          if (p.getCamundaName().equals(StageDeadline.RULE_PROPERTY)) {
            p.setCamundaValue(rule);
          } else if (p.getCamundaName().equals(StageDeadline.TIMESCALE_PROPERTY)) {
            p.setCamundaValue(n);
          }
        });
    PvmActivity activity = mock(PvmActivity.class);
    when(activity.isScope()).thenReturn(scope);
    when(activity.getId()).thenReturn(id);
    ActivityExecution execution = mock(ActivityExecution.class);
    Map<String, Object> local = new HashMap<>();
    when(execution.getCurrentActivityId()).thenReturn(id);
    when(execution.getBpmnModelInstance()).thenReturn(model);
    when(execution.getActivity()).thenReturn(activity);
    when(execution.getVariableLocal(anyString())).thenAnswer(i -> local.get(i.<String>getArgument(0)));
    doAnswer(i -> local.put(i.getArgument(0), i.getArgument(1))).when(execution).setVariableLocal(anyString(), any());
    return execution;
  }
}
