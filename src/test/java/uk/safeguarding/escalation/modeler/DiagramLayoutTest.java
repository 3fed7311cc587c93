package uk.safeguarding.escalation.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every diagram opens cleanly in Camunda Modeler: it declares the execution platform Modeler
 * lints against, each flow node and flow is drawn, and no two shapes overlap.
 */
class DiagramLayoutTest {

  /** The protocols' diagrams and the platform's own (notification delivery). */
  static Stream<Path> diagrams() throws IOException {
    List<Path> list = new ArrayList<>();
    for (String folder : List.of("processes", "src/main/resources/platform")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.filter(p -> p.toString().endsWith(".bpmn")).sorted().forEach(list::add);
      }
    }
    assertThat(list).hasSizeGreaterThan(1);
    return list.stream();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void isNamedAfterItsProcessKeyAndTargetsCamunda724(Path file) throws IOException {
    String xml = Files.readString(file);
    assertThat(xml).contains("modeler:executionPlatform=\"Camunda Platform\"")
        .contains("modeler:executionPlatformVersion=\"7.24.0\"");
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).extracting(Process::getId)
        .containsExactly(file.getFileName().toString().replace(".bpmn", ""));
    assertThat(processes.iterator().next().getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void drawsEveryFlowNodeAndFlow(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
    assertThat(model.getModelElementsByType(FlowNode.class)).extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(shapes).as("shape of %s", id).contains(id));
    assertThat(model.getModelElementsByType(SequenceFlow.class)).extracting(BaseElement::getId)
        .allSatisfy(id -> assertThat(edges).as("edge of %s", id).contains(id));
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void noTwoShapesOverlap(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    // boundary events sit on their task, and a sub-process contains its children: both by design
    List<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> !(s.getBpmnElement() instanceof BoundaryEvent) && !(s.getBpmnElement() instanceof SubProcess))
        .toList();
    List<String> overlaps = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        if (overlap(shapes.get(i).getBounds(), shapes.get(j).getBounds())) {
          overlaps.add(shapes.get(i).getBpmnElement().getId() + " / " + shapes.get(j).getBpmnElement().getId());
        }
      }
    }
    assertThat(overlaps).isEmpty();
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
