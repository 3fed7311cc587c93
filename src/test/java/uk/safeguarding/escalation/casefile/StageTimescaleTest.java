package uk.safeguarding.escalation.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.support.ProcessTestProperties;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * A stage's timescale is one field (the stage task's extension property, set through the
 * "Escalation stage" element template): a copy of the North Somerset diagram that differs only in
 * that field, deployed beside the released one, moves both the task's due date and its reminder
 * timer. The case starts on Thursday 2 April 2026, 10:00, before the Easter weekend.
 */
@SpringBootTest
class StageTimescaleTest {

  static final Path DIAGRAM = Path.of("processes/nssab-escalation.bpmn");
  static final String STAGE_2 = "UserTask_ResolveBetweenSecondTierManagers";
  static final String STAGE_1 = "UserTask_DiscussWithOtherPractitioner";
  static final String LINE_MANAGERS = "UserTask_ResolveBetweenLineManagers";

  static final Instant OUTSET = london("2026-04-02T10:00");
  /** Stage 2 as released: 2 working days from the outset (Good Friday and Easter Monday skipped). */
  static final Instant TWO_WD = london("2026-04-08T17:00");
  static final Instant FOUR_WD = london("2026-04-10T17:00");

  static final SmtpServer smtp = new SmtpServer(); // never started: the cases' emails are not sent in this test

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.register(registry, smtp);
  }

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  String copyDeploymentId;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(OUTSET));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    if (copyDeploymentId != null) {
      repositoryService.deleteDeployment(copyDeploymentId, true);
    }
  }

  @Test
  void changingOnlyTheTimescaleFieldMovesTheDueDateAndTheTimer() {
    String released = releasedDefinitionId();
    Task asReleased = startAtStage2(released);
    assertThat(asReleased.getDueDate().toInstant()).isEqualTo(TWO_WD);
    assertThat(timerOf(asReleased)).isEqualTo(TWO_WD);

    BpmnModelInstance copy = Bpmn.readModelFromFile(DIAGRAM.toFile());
    property(copy, STAGE_2, StageDeadline.TIMESCALE_PROPERTY).setCamundaValue("4");
    String changed = deployCopy(copy);

    Task fromCopy = startAtStage2(changed);
    assertThat(fromCopy.getDueDate().toInstant()).isEqualTo(FOUR_WD);
    assertThat(timerOf(fromCopy)).isEqualTo(FOUR_WD);
  }

  /**
   * Camunda creates a stage's boundary timer before its start listener ({@code ${stageEntered}})
   * runs, so "from the start of this stage" must not read stageStartedAt (still the previous stage's
   * then): escalated five days after the outset, a 24-hour stage is due 24 hours after that.
   */
  @Test
  void aStageCountedFromItsOwnStartIsTimedFromWhenItStartedNotFromThePreviousStage() {
    BpmnModelInstance copy = Bpmn.readModelFromFile(DIAGRAM.toFile());
    property(copy, LINE_MANAGERS, StageDeadline.RULE_PROPERTY).setCamundaValue(StageDeadline.HOURS);
    property(copy, LINE_MANAGERS, StageDeadline.TIMESCALE_PROPERTY).setCamundaValue("24");
    String changed = deployCopy(copy);

    ProcessInstance pi = start(changed, standardCase());
    Instant escalated = london("2026-04-07T09:30");
    ClockUtil.setCurrentTime(Date.from(escalated));
    Task stage1 = task(pi.getId(), STAGE_1);
    taskService.complete(stage1.getId(), Map.of("contactType", "phone", "contactBetween", "Both practitioners",
        "discussionSummary", "Discussed", "stageOutcome", "escalate"));

    Task lineManagers = task(pi.getId(), LINE_MANAGERS);
    Instant dayLater = london("2026-04-08T09:30");
    assertThat(lineManagers.getDueDate().toInstant()).isEqualTo(dayLater);
    assertThat(timerOf(lineManagers)).isEqualTo(dayLater);
    assertThat(runtimeService.getVariable(pi.getId(), CaseVariables.STAGE_STARTED_AT)).isEqualTo(Date.from(escalated));
  }

  // --- helpers -----------------------------------------------------------------------------------

  private String releasedDefinitionId() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("nssab-escalation").latestVersion()
        .singleResult().getId();
  }

  /** The copy with the released forms (bound to their deployment), as Modeler's Deploy would send it. */
  private String deployCopy(BpmnModelInstance copy) {
    DeploymentBuilder builder = repositoryService.createDeployment().name("timescale-copy")
        .addModelInstance("processes/nssab-escalation.bpmn", copy);
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        builder.addString("forms/" + form.getFileName(), Files.readString(form));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    copyDeploymentId = builder.deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(copyDeploymentId).singleResult().getId();
  }

  private static CamundaProperty property(BpmnModelInstance model, String taskId, String name) {
    UserTask task = model.getModelElementById(taskId);
    return task.getExtensionElements().getElementsQuery().filterByType(
            org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
        .getCamundaProperties().stream().filter(p -> name.equals(p.getCamundaName())).findFirst().orElseThrow();
  }

  private Task startAtStage2(String definitionId) {
    Map<String, Object> vars = standardCase();
    vars.put("riskLevel", "immediate");
    vars.put("immediateRiskReferralMade", true);
    vars.put("startingStage", "2");
    return task(start(definitionId, vars).getId(), STAGE_2);
  }

  private ProcessInstance start(String definitionId, Map<String, Object> vars) {
    String practitioner = "nssab.police.practitioner";
    identityService.setAuthentication(practitioner, identityService.createGroupQuery().groupMember(practitioner).list()
        .stream().map(Group::getId).toList());
    try {
      return runtimeService.startProcessInstanceById(definitionId, "NS-2026-0042", vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task task(String processInstanceId, String key) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  /** The due time of the stage's own reminder (its boundary timer), not the whole-case timer. */
  private Instant timerOf(Task task) {
    List<Job> timers = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list()
        .stream().filter(j -> task.getExecutionId().equals(j.getExecutionId())).toList();
    assertThat(timers).hasSize(1);
    return timers.get(0).getDuedate().toInstant();
  }

  private static Map<String, Object> standardCase() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseReference", "NS-2026-0042");
    vars.put("subjectType", "adult");
    vars.put("raisingAgency", "police");
    vars.put("receivingAgency", "la-adults");
    vars.put("receivingPractitionerName", "Dr Riley Other");
    vars.put("disagreementCategory", "thresholds");
    vars.put("disputeSummary", "Referral closed without contact; we believe the threshold is met.");
    vars.put("riskLevel", "standard");
    return vars;
  }

  private static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
  }
}
