package uk.safeguarding.escalation.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.safeguarding.escalation.casefile.StageDeadline;
import uk.safeguarding.escalation.casefile.StageEnteredListener;
import uk.safeguarding.escalation.notification.NotificationKind;
import uk.safeguarding.escalation.notification.NotifyDelegate;

/**
 * The element templates board admins use in Modeler name what the Java side reads: the kinds of
 * notification, the stage's extension properties and the one deadline expression. (Their schema and
 * their use in the diagrams are checked by `npm run check:templates`.)
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of("processes/.camunda/element-templates");
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theNotificationKindsAreExactlyTheEnumsValues() throws IOException {
    JsonNode kind = property(template("notification"), "camunda:inputParameter", NotifyDelegate.Inputs.KIND);
    assertThat(values(kind.get("choices"))).containsExactly(
        Arrays.stream(NotificationKind.values()).map(Enum::name).toArray(String[]::new));
    for (String input : List.of(NotifyDelegate.Inputs.NOTIFY_GROUPS, NotifyDelegate.Inputs.NOTIFY_USERS,
        NotifyDelegate.Inputs.STAGE_TASK, NotifyDelegate.Inputs.NOTIFY_STAGE_OWNERS)) {
      assertThat(property(template("notification"), "camunda:inputParameter", input)).as(input).isNotNull();
    }
  }

  @Test
  void theTimedStagesWriteTheTimescaleOnceAndTheSameExpressionAsTheReminder() throws IOException {
    String reminderDate = template("deadline-reminder").at("/metadata/timerTimeDate").asText();
    assertThat(reminderDate).isEqualTo("${stageDeadline.of(execution)}");
    for (String id : List.of("stage", "stage-raising-practitioner")) {
      JsonNode stage = template(id);
      assertThat(property(stage, "property", "camunda:dueDate").get("value").asText()).as(id).isEqualTo(reminderDate);
      assertThat(values(property(stage, "camunda:property", StageDeadline.RULE_PROPERTY).get("choices"))).as(id)
          .containsExactly(StageDeadline.WORKING_DAYS, StageDeadline.SAME_WORKING_DAY, StageDeadline.HOURS);
      assertThat(values(property(stage, "camunda:property", StageDeadline.FROM_PROPERTY).get("choices"))).as(id)
          .containsExactly(StageDeadline.FROM_STAGE_START, StageDeadline.FROM_CASE_OUTSET);
      assertThat(property(stage, "camunda:property", StageDeadline.TIMESCALE_PROPERTY)).as(id).isNotNull();
    }
    assertThat(property(template("stage-untimed"), "property", "camunda:dueDate")).isNull();
  }

  @Test
  void everyStageTemplateSetsTheStagePropertiesTheListenerReads() throws IOException {
    for (String id : List.of("stage", "stage-raising-practitioner", "stage-untimed")) {
      JsonNode stage = template(id);
      assertThat(property(stage, "camunda:property", StageEnteredListener.STAGE_PROPERTY)).as(id).isNotNull();
      assertThat(property(stage, "camunda:property", StageEnteredListener.FRESH_RECORD_PROPERTY)).as(id).isNotNull();
    }
  }

  private static JsonNode template(String file) throws IOException {
    return JSON.readTree(TEMPLATES.resolve(file + ".json").toFile());
  }

  /** The template's property bound to {@code bindingType} {@code name}, or null. */
  private static JsonNode property(JsonNode template, String bindingType, String name) {
    return StreamSupport.stream(template.get("properties").spliterator(), false)
        .filter(p -> bindingType.equals(p.at("/binding/type").asText()) && name.equals(p.at("/binding/name").asText()))
        .findFirst().orElse(null);
  }

  private static List<String> values(JsonNode choices) {
    List<String> values = new ArrayList<>();
    choices.forEach(c -> values.add(c.get("value").asText()));
    return values;
  }
}
