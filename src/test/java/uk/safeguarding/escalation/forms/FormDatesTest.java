package uk.safeguarding.escalation.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A date a person entered is stored as that day or refused: never read as another day. */
class FormDatesTest {

  static final CamundaForm FORM = CamundaForm.parse(new ByteArrayInputStream("""
      {"id": "f", "components": [
        {"type": "datetime", "key": "actionDueDate", "dateLabel": "Actions due by", "subtype": "date"},
        {"type": "datetime", "key": "meetingAt", "subtype": "datetime"},
        {"type": "datetime", "key": "callAt", "subtype": "time"}]}
      """.getBytes(StandardCharsets.UTF_8)));

  @Test
  void aRealIsoDateIsAccepted() {
    assertThat(FormValidator.validate(FORM, Map.of("actionDueDate", "2026-11-27", "meetingAt", "2026-11-27T14:30:00Z",
        "callAt", "14:30"))).isEmpty();
    assertThat(FormValidator.validate(FORM, Map.of("actionDueDate", "2028-02-29", "meetingAt", "2026-11-27T14:30",
        "callAt", "09:05+01:00"))).isEmpty();
  }

  @Test
  void aDayFirstDateIsRefusedNotReadAsAnotherDay() {
    assertThat(FormValidator.validate(FORM, Map.of("actionDueDate", "27/11/2026")))
        .containsExactly(new Violation("actionDueDate",
            "must be a real calendar date, year first, e.g. 2026-11-27 for 27 November 2026 (\"27/11/2026\" is not one)"));
  }

  @Test
  void impossibleDatesAreRefused() {
    assertThat(FormValidator.validate(FORM, Map.of("actionDueDate", "2026-02-30"))).extracting(Violation::field)
        .containsExactly("actionDueDate");
    assertThat(FormValidator.validate(FORM, Map.of("actionDueDate", "2027-02-29"))).hasSize(1);
    assertThat(FormValidator.validate(FORM, Map.of("actionDueDate", "2026-13-01"))).hasSize(1);
    assertThat(FormValidator.validate(FORM, Map.of("meetingAt", "2026-11-31T10:00"))).hasSize(1);
    assertThat(FormValidator.validate(FORM, Map.of("callAt", "25:00"))).hasSize(1);
    assertThat(FormValidator.validate(FORM, Map.of("actionDueDate", 20261127))).extracting(Violation::message)
        .containsExactly("must be a date written as text");
  }

  @Test
  void aYearOutsideAnyCaseIsTakenForASlip() {
    assertThat(FormValidator.validate(FORM, Map.of("actionDueDate", "0226-11-27"))).extracting(Violation::message)
        .containsExactly("must be a date between 1900 and 2100 (\"0226-11-27\" is not)");
    assertThat(FormValidator.validate(FORM, Map.of("actionDueDate", "+20261-11-27"))).hasSize(1);
  }
}
