package uk.safeguarding.escalation.nssab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** Java and the diagram never drift: every constant names something that exists. */
class NssabEscalationProcessConstantsTest {

  final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/nssab-escalation.bpmn"));

  @Test
  void everyElementConstantIsAnElementOfTheDiagram() throws Exception {
    Set<String> ids = model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId)
        .collect(Collectors.toSet());
    assertThat(values(NssabEscalationProcess.Elements.class)).allSatisfy(id -> assertThat(ids).contains(id));
    assertThat(ids).contains(NssabEscalationProcess.KEY);
  }

  @Test
  void everyFormConstantIsADeployedFormTheDiagramUses() throws Exception {
    Set<String> used = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
        .collect(Collectors.toSet());
    ObjectMapper json = new ObjectMapper();
    for (String form : values(NssabEscalationProcess.Forms.class)) {
      File file = new File("forms/" + form + ".form");
      assertThat(json.readTree(file).path("id").asText()).as(file.toString()).isEqualTo(form);
      if (!form.equals(NssabEscalationProcess.Forms.START)) {
        assertThat(used).as("a task uses %s", form).contains(form);
      }
    }
  }

  private static List<String> values(Class<?> constants) throws IllegalAccessException {
    List<String> values = new java.util.ArrayList<>();
    for (Field field : constants.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    assertThat(values).isNotEmpty();
    return values;
  }
}
