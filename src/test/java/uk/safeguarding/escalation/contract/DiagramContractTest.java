package uk.safeguarding.escalation.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import uk.safeguarding.escalation.contract.DiagramContract.Breach;
import uk.safeguarding.escalation.contract.DiagramContract.Rule;
import uk.safeguarding.escalation.forms.CamundaForm;

/**
 * Every protocol diagram in processes/ keeps the contract (this test fails the build and names the
 * element), and the check itself catches each kind of mistake in a copy of North Somerset seeded
 * with it. Protocols' Java constants (a class with KEY, Elements, Forms) name only what exists.
 */
class DiagramContractTest {

  static final Path PROCESSES = Path.of("processes");
  static final Map<String, CamundaForm> FORMS = loadForms(Path.of("forms"));
  static final DiagramContract CONTRACT = new DiagramContract(id -> Optional.ofNullable(FORMS.get(id)));

  static Stream<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(list).isNotEmpty();
      return list.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyDiagramKeepsTheContract(Path diagram) {
    assertThat(CONTRACT.check(Bpmn.readModelFromFile(diagram.toFile()))).as(diagram.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void itsJavaConstantsNameOnlyWhatTheDiagramAndFormsHave(Path diagram) throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    String key = model.getModelElementsByType(Process.class).iterator().next().getId();
    Set<String> ids = model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId).collect(Collectors.toSet());
    for (Class<?> constants : protocolConstants()) {
      if (!key.equals(constants.getField("KEY").get(null))) {
        continue;
      }
      for (Class<?> nested : constants.getClasses()) {
        if (nested.getSimpleName().equals("Elements")) {
          assertThat(values(nested)).allSatisfy(id -> assertThat(ids).as(constants.getSimpleName()).contains(id));
        } else if (nested.getSimpleName().equals("Forms")) {
          assertThat(values(nested)).allSatisfy(form -> assertThat(FORMS).as(constants.getSimpleName()).containsKey(form));
        }
      }
    }
  }

  // --- each rule catches its mistake ----------------------------------------------------------

  @Test
  void aGroupOfAnotherPartnershipIsCaught() {
    assertBreach(Rule.OWN_PARTNERSHIP, "UserTask_ResolveBetweenLineManagers", model ->
        userTask(model, "UserTask_ResolveBetweenLineManagers").setCamundaCandidateGroups("bscp-${raisingAgency}-line-manager"));
  }

  @Test
  void aNamedUserOfAnotherPartnershipIsCaught() {
    assertBreach(Rule.OWN_PARTNERSHIP, "UserTask_ReferLearning", model ->
        userTask(model, "UserTask_ReferLearning").setCamundaAssignee("nel.police.practitioner"));
  }

  @Test
  void anUnknownNameInAnExpressionIsCaught() {
    assertBreach(Rule.KNOWN_NAMES, "UserTask_ResolveBetweenSecondTierManagers", model ->
        userTask(model, "UserTask_ResolveBetweenSecondTierManagers").setCamundaCandidateGroups("nssab-${raisingAgencyCode}-second-tier-manager"));
  }

  @Test
  void aTimerAtAnotherInstantThanTheDueDateIsCaught() {
    assertBreach(Rule.DEADLINE_AND_TIMER, "BoundaryEvent_Stage2Overdue", model -> {
      TimerEventDefinition timer = (TimerEventDefinition) ((BoundaryEvent) model.getModelElementById("BoundaryEvent_Stage2Overdue"))
          .getEventDefinitions().iterator().next();
      timer.getTimeDate().setTextContent("${workingDays.deadlineFrom(caseStartedAt, 3)}");
    });
  }

  @Test
  void anInterruptingDeadlineIsCaught() {
    assertBreach(Rule.DEADLINE_AND_TIMER, "BoundaryEvent_Stage3Overdue", model ->
        ((BoundaryEvent) model.getModelElementById("BoundaryEvent_Stage3Overdue")).setCancelActivity(true));
  }

  @Test
  void aStageWithADueDateButNoTimerIsCaught() {
    assertBreach(Rule.DEADLINE_AND_TIMER, "UserTask_ResolveBetweenSeniorManagers", model -> {
      BoundaryEvent timer = model.getModelElementById("BoundaryEvent_Stage3Overdue");
      timer.getOutgoing().forEach(flow -> flow.getParentElement().removeChildElement(flow));
      timer.getParentElement().removeChildElement(timer);
    });
  }

  @Test
  void aNotificationOfAnUnknownKindIsCaught() {
    assertBreach(Rule.NOTIFY_STEP, "SendTask_NotifyLineManagers", model ->
        inputs((SendTask) model.getModelElementById("SendTask_NotifyLineManagers")).stream()
            .filter(p -> p.getCamundaName().equals("kind")).forEach(p -> p.setTextContent("STAGE_BEGUN")));
  }

  @Test
  void anAsynchronousNotificationIsCaught() {
    assertBreach(Rule.NOTIFY_STEP, "SendTask_ConfirmOutcome", model ->
        ((SendTask) model.getModelElementById("SendTask_ConfirmOutcome")).setCamundaAsyncBefore(true));
  }

  @Test
  void aNotificationAboutATaskThatDoesNotExistIsCaught() {
    assertBreach(Rule.NOTIFY_STEP, "SendTask_NotifyReceivingSeniorManagers", model ->
        inputs((SendTask) model.getModelElementById("SendTask_NotifyReceivingSeniorManagers")).stream()
            .filter(p -> p.getCamundaName().equals("stageTask")).forEach(p -> p.setTextContent("UserTask_Stage3")));
  }

  @Test
  void aMissingFormIsCaught() {
    assertBreach(Rule.FORM_EXISTS, "UserTask_DistributeMonitoringForm", model ->
        userTask(model, "UserTask_DistributeMonitoringForm").setCamundaFormRef("nssab-monitoring-distribution"));
  }

  @Test
  void aStageTaskWithoutItsBookkeepingIsCaught() {
    assertBreach(Rule.STAGE_CONTRACT, "UserTask_ResolveBetweenSeniorManagers", model -> {
      UserTask task = userTask(model, "UserTask_ResolveBetweenSeniorManagers");
      task.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list()
          .forEach(listener -> task.getExtensionElements().removeChildElement(listener));
    });
  }

  @Test
  void routingOnAnOutcomeTheFormDoesNotOfferIsCaught() {
    assertBreach(Rule.STAGE_CONTRACT, "Gateway_ResolvedAtStage2", model ->
        model.getModelElementById("Flow_ResolvedAtStage2").getChildElementsByType(
                org.camunda.bpm.model.bpmn.instance.ConditionExpression.class)
            .forEach(c -> c.setTextContent("${stageOutcome == 'agreed'}")));
  }

  @Test
  void aMethodChainThatWouldRunCodeIsCaught() {
    assertBreach(Rule.SAFE_EXPRESSIONS, "Flow_ResolvedAtStage3", model ->
        model.getModelElementById("Flow_ResolvedAtStage3").getChildElementsByType(
                org.camunda.bpm.model.bpmn.instance.ConditionExpression.class)
            .forEach(c -> c.setTextContent("${stageOutcome.getClass().forName('java.lang.Runtime') != null}")));
  }

  @Test
  void aJavaClassInsteadOfABeanIsCaught() {
    assertBreach(Rule.SAFE_EXPRESSIONS, "ServiceTask_RecordResolution", model -> {
      org.camunda.bpm.model.bpmn.instance.ServiceTask task = model.getModelElementById("ServiceTask_RecordResolution");
      task.setCamundaClass("java.lang.ProcessBuilder");
    });
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static void assertBreach(Rule rule, String elementId, Consumer<BpmnModelInstance> mistake) {
    BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve("nssab-escalation.bpmn").toFile());
    assertThat(CONTRACT.check(model)).as("before the mistake").isEmpty();
    mistake.accept(model);
    List<Breach> breaches = CONTRACT.check(model);
    assertThat(breaches).as(breaches.toString()).isNotEmpty()
        .allSatisfy(b -> assertThat(b.rule()).isEqualTo(rule))
        .anySatisfy(b -> assertThat(b.elementId()).isEqualTo(elementId));
  }

  private static UserTask userTask(BpmnModelInstance model, String id) {
    return model.getModelElementById(id);
  }

  private static List<CamundaInputParameter> inputs(SendTask task) {
    return new ArrayList<>(task.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).singleResult()
        .getCamundaInputParameters());
  }

  private static Map<String, CamundaForm> loadForms(Path folder) {
    Map<String, CamundaForm> forms = new HashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          CamundaForm form = CamundaForm.parse(in);
          assertThat(form.id() + ".form").as("a form file is named after its ID").isEqualTo(file.getFileName().toString());
          forms.put(form.id(), form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  /** Classes named *Process in the application with a KEY constant: a protocol's names spelled once. */
  private static List<Class<?>> protocolConstants() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
        return definition.getMetadata().isIndependent();
      }
    };
    scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*Process")));
    List<Class<?>> classes = new ArrayList<>();
    for (var candidate : scanner.findCandidateComponents("uk.safeguarding.escalation")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      if (Stream.of(type.getFields()).anyMatch(f -> f.getName().equals("KEY"))) {
        classes.add(type);
      }
    }
    assertThat(classes).isNotEmpty();
    return classes;
  }

  private static List<String> values(Class<?> constants) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : constants.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    assertThat(values).isNotEmpty();
    return values;
  }
}
