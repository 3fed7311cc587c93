package uk.safeguarding.escalation.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.safeguarding.escalation.calendar.JollydayBankHolidays;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.calendar.WorkingDays;
import uk.safeguarding.escalation.forms.DynamicListRows;

/** Dates people record (a date field, a date-time field, a column of a repeating table) as the deadlines read them. */
class RecordedDatesTest {

  final WorkingDayCalendar calendar = new WorkingDayCalendar(new JollydayBankHolidays(), LocalTime.of(17, 0), Set.of());
  final WorkingDays workingDays = new WorkingDays(calendar);

  @Test
  void aDateIsCloseOfBusinessThatDayInLondonSummerOrWinter() {
    assertThat(RecordedDates.instant("2026-09-18", workingDays)).contains(Instant.parse("2026-09-18T16:00:00Z")); // BST
    assertThat(RecordedDates.instant("2026-12-18", workingDays)).contains(Instant.parse("2026-12-18T17:00:00Z")); // GMT
  }

  @Test
  void aDateTimeIsThatInstantLondonTimeUnlessItCarriesAnOffset() {
    assertThat(RecordedDates.instant("2026-09-18T10:00", workingDays)).contains(Instant.parse("2026-09-18T09:00:00Z"));
    assertThat(RecordedDates.instant("2026-09-18T10:00:00Z", workingDays)).contains(Instant.parse("2026-09-18T10:00:00Z"));
    assertThat(RecordedDates.instant("soon", workingDays)).isEmpty();
    assertThat(RecordedDates.instant(null, workingDays)).isEmpty();
  }

  @Test
  void theLatestDateOfATablesColumnWhateverWayTheRowsArrive() {
    String json = "[{\"byWhen\":\"2026-09-14\"},{\"byWhen\":\"2026-09-18\"},{\"byWhen\":\"\"}]";
    Instant expected = Instant.parse("2026-09-18T16:00:00Z");
    assertThat(RecordedDates.latest(json, Optional.of("byWhen"), workingDays)).contains(expected);
    // in the engine, Tasklist's Json variable is a Spin JSON node
    assertThat(RecordedDates.latest(org.camunda.spin.Spin.JSON(json), Optional.of("byWhen"), workingDays)).contains(expected);
    assertThat(RecordedDates.latest(List.of(Map.of("byWhen", "2026-09-18")), Optional.of("byWhen"), workingDays)).contains(expected);
    assertThat(RecordedDates.latest("[]", Optional.of("byWhen"), workingDays)).isEmpty();
  }

  @Test
  void rowsThatAreNoListOfRowsAreNoRows() {
    assertThat(DynamicListRows.of("not json")).isEmpty();
    assertThat(DynamicListRows.of("{\"a\": 1}")).isEmpty();
    assertThat(DynamicListRows.of(null)).contains(List.of());
  }
}
