package uk.safeguarding.escalation.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A refusal names what the person saw on the form: its labels and option labels, not variable names. */
class ViolationWordsTest {

  static Optional<CamundaForm> form(String name) throws IOException {
    try (InputStream in = new FileInputStream("forms/" + name + ".form")) {
      return Optional.of(CamundaForm.parse(in));
    }
  }

  @Test
  void aCrossFieldRuleIsWrittenInTheFormsWords() throws IOException {
    assertThat(ViolationWords.sentence(form("nssab-learning"),
        List.of(new Violation("learningSummary", "is required when learningIdentified is yes"))))
        .isEqualTo("‘The issues or learning to refer’ is required when "
            + "‘Are there general safeguarding issues or learning to refer to the Board?’ is ‘Yes’");
  }

  @Test
  void choicesAreListedByTheirLabels() throws IOException {
    assertThat(ViolationWords.sentence(form("nssab-stage-record"), List.of(
        new Violation("stageOutcome", "must be one of escalate, resolved"), new Violation("contactBetween", "is required"))))
        .isEqualTo("‘Outcome of this stage’ must be one of ‘Not resolved: escalate to the next stage’, "
            + "‘Resolved: the agreed outcome is recorded’; ‘Contact between (names and roles)’ is required");
  }

  @Test
  void whatIsNotOnTheFormKeepsItsName() throws IOException {
    assertThat(ViolationWords.sentence(form("nssab-stage-record"), List.of(new Violation("currentStage", "is not a field of this form"))))
        .isEqualTo("currentStage: is not a field of this form");
    assertThat(ViolationWords.sentence(Optional.empty(), List.of(new Violation("riskLevel", "is required"))))
        .isEqualTo("riskLevel: is required");
  }
}
