package uk.safeguarding.escalation.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.safeguarding.escalation.forms.CamundaForm;
import uk.safeguarding.escalation.forms.FormField;

/** A recorded value as the next person reads it: option labels, Yes/No, dates day first, a table a row a line. */
class CaseRecordWordsTest {

  static final CamundaForm FORM = CamundaForm.parse(new ByteArrayInputStream("""
      {"id": "f", "components": [
        {"type": "radio", "key": "outcome", "label": "Outcome", "values": [{"label": "Resolved", "value": "resolved"}]},
        {"type": "datetime", "key": "dueBy", "dateLabel": "Due by", "subtype": "date"},
        {"type": "checkbox", "key": "told", "label": "Told"},
        {"type": "checklist", "key": "parties", "label": "Parties", "values": [{"label": "Police", "value": "police"}]}]}
      """.getBytes(StandardCharsets.UTF_8)));

  static FormField field(String key) {
    return FORM.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void valuesAreWrittenAsTheFormShowedThem() {
    assertThat(CaseRecord.words(field("outcome"), "resolved")).hasValue("Resolved");
    assertThat(CaseRecord.words(field("dueBy"), "2026-11-27")).hasValue("27/11/2026");
    assertThat(CaseRecord.words(field("told"), true)).hasValue("Yes");
    assertThat(CaseRecord.words(field("parties"), List.of("police", "health"))).hasValue("Police, health");
    assertThat(CaseRecord.words(field("outcome"), " ")).isEmpty();
  }

  @Test
  void aRepeatingTableIsALineARow() {
    FormField actionPlan = new FormField("actionPlan", "dynamiclist", false, java.util.Set.of(), null, null, null, null,
        null, false);
    assertThat(CaseRecord.words(actionPlan, org.camunda.spin.Spin.JSON(
        "[{\"action\": \"Joint visit\", \"owner\": \"Police\", \"byWhen\": \"2026-12-01\"},"
            + " {\"action\": \"Share records\", \"owner\": \"Health\", \"byWhen\": \"2026-12-03\"}]")))
        .hasValue("Joint visit · Police · 01/12/2026\nShare records · Health · 03/12/2026");
  }
}
