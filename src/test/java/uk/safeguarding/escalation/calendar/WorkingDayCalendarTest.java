package uk.safeguarding.escalation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The working-day rule of ../shared/protocols/README.md, against the real E&W calendar. */
class WorkingDayCalendarTest {

  static final BankHolidays JOLLYDAY = new JollydayBankHolidays();
  final WorkingDayCalendar calendar = new WorkingDayCalendar(JOLLYDAY, LocalTime.of(17, 0), Set.of());

  static Instant london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // 2025
      "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
      // 2026 (Boxing Day is a Saturday: substitute Monday 28 December)
      "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
      // 2027 (Christmas and Boxing Day at a weekend: substitutes Monday 27 and Tuesday 28 December)
      "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
      // New Year's Day 2028 is a Saturday: substitute Monday 3 January
      "2028-01-03"})
  void englandAndWalesBankHolidaysAreNotWorkingDays(String date) {
    assertThat(JOLLYDAY.isBankHoliday(LocalDate.parse(date))).as(date).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse(date))).as(date).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-24", "2026-12-29", "2027-03-30", "2028-01-04", "2026-03-17", "2026-11-30"})
  void ordinaryWeekdaysAreWorkingDays(String date) {
    // St Patrick's and St Andrew's Days are holidays in Northern Ireland and Scotland, not in England.
    assertThat(calendar.isWorkingDay(LocalDate.parse(date))).as(date).isTrue();
  }

  @Test
  void weekendsAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-08"))).isFalse();
  }

  @ParameterizedTest(name = "{0} + {1} WD -> {2}")
  @CsvSource({
      // the spec's example: Monday 10:00 + 2 WD -> Wednesday 17:00 GMT
      "2026-03-02T10:00, 2, 2026-03-04T17:00:00Z",
      // over a weekend
      "2026-03-05T09:00, 2, 2026-03-09T17:00:00Z",
      // over the Easter weekend: Thursday 2 April 2026 + 1 WD skips Good Friday and Easter Monday
      "2026-04-02T11:00, 1, 2026-04-07T16:00:00Z",
      // over Christmas 2026: 24 Dec + 2 WD skips 25, weekend, 28 (substitute) -> 30 Dec
      "2026-12-24T09:00, 2, 2026-12-30T17:00:00Z",
      // over Christmas and New Year 2027/28: 24 Dec 2027 + 3 WD skips 27, 28 Dec and 3 Jan -> 4 Jan 2028
      "2027-12-24T09:00, 3, 2027-12-31T17:00:00Z",
      "2027-12-31T09:00, 1, 2028-01-04T17:00:00Z",
      // BST: the deadline is 17:00 local, i.e. 16:00Z in summer
      "2026-06-15T10:00, 5, 2026-06-22T16:00:00Z",
      // started on the Friday before the spring-forward Sunday (29 March 2026): GMT start, BST deadline
      "2026-03-27T15:00, 1, 2026-03-30T16:00:00Z",
      // started before the autumn switch (25 October 2026): BST start, GMT deadline
      "2026-10-23T15:00, 1, 2026-10-26T17:00:00Z",
      // started on a bank holiday: counting begins the next working day
      "2026-05-04T10:00, 1, 2026-05-05T16:00:00Z",
      // started on a Saturday
      "2026-03-07T12:00, 1, 2026-03-09T17:00:00Z",
      // started after close of business: counting is by date, so still the next working day
      "2026-03-02T18:30, 1, 2026-03-03T17:00:00Z",
      // 5 WD over the August bank holiday (Monday 31 August 2026)
      "2026-08-27T10:00, 5, 2026-09-04T16:00:00Z",
      // 15 WD and 25 WD (NEL)
      "2026-03-02T10:00, 15, 2026-03-23T17:00:00Z",
      "2026-03-02T10:00, 25, 2026-04-08T16:00:00Z"})
  void withinNWorkingDays(String start, int days, String expected) {
    assertThat(calendar.workingDaysAfter(london(start), days)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "same working day from {0} -> {1}")
  @CsvSource({
      "2026-03-02T10:00, 2026-03-02T17:00:00Z",
      "2026-03-02T16:59, 2026-03-02T17:00:00Z",
      // at or after close of business: the next working day
      "2026-03-02T17:00, 2026-03-03T17:00:00Z",
      "2026-03-06T18:00, 2026-03-09T17:00:00Z",
      // on a weekend or a bank holiday: the next working day
      "2026-03-07T09:00, 2026-03-09T17:00:00Z",
      "2026-12-25T09:00, 2026-12-29T17:00:00Z",
      // summer time
      "2026-07-01T09:00, 2026-07-01T16:00:00Z"})
  void sameWorkingDay(String start, String expected) {
    assertThat(calendar.sameWorkingDay(london(start))).isEqualTo(Instant.parse(expected));
  }

  @Test
  void twentyFourHoursIsCalendarTimeAcrossWeekendsAndClockChanges() {
    assertThat(calendar.hoursAfter(london("2026-03-06T15:00"), 24)).isEqualTo(london("2026-03-07T15:00"));
    // across spring-forward the local clock reads one hour later
    assertThat(calendar.hoursAfter(london("2026-03-28T12:00"), 24)).isEqualTo(london("2026-03-29T13:00"));
  }

  @Test
  void aConfiguredClosureDayIsSkipped() {
    WorkingDayCalendar withClosure = new WorkingDayCalendar(JOLLYDAY, LocalTime.of(17, 0),
        Set.of(LocalDate.parse("2026-03-03")));
    assertThat(withClosure.isWorkingDay(LocalDate.parse("2026-03-03"))).isFalse();
    assertThat(withClosure.workingDaysAfter(london("2026-03-02T10:00"), 2)).isEqualTo(Instant.parse("2026-03-05T17:00:00Z"));
  }

  @Test
  void closeOfBusinessIsConfigurable() {
    WorkingDayCalendar early = new WorkingDayCalendar(JOLLYDAY, LocalTime.of(16, 30), Set.of());
    assertThat(early.workingDaysAfter(london("2026-03-02T10:00"), 2)).isEqualTo(Instant.parse("2026-03-04T16:30:00Z"));
  }

  @Test
  void zeroWorkingDaysIsRefused() {
    assertThatThrownBy(() -> calendar.workingDaysAfter(Instant.now(), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void govUkFileReplacesTheBuiltInData(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path file = dir.resolve("bank-holidays.json");
    Files.writeString(file, """
        {"england-and-wales": {"division": "england-and-wales", "events": [
          {"title": "Christmas Day", "date": "2026-12-25"},
          {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day"},
          {"title": "Extra one-off holiday", "date": "2026-06-08"}]},
         "scotland": {"division": "scotland", "events": [{"title": "St Andrew's Day", "date": "2026-11-30"}]}}
        """);
    GovUkBankHolidays govUk = new GovUkBankHolidays(file);
    assertThat(govUk.isBankHoliday(LocalDate.parse("2026-06-08"))).isTrue();
    assertThat(govUk.isBankHoliday(LocalDate.parse("2026-12-28"))).isTrue();
    assertThat(govUk.isBankHoliday(LocalDate.parse("2026-11-30"))).isFalse();
    assertThatThrownBy(() -> govUk.isBankHoliday(LocalDate.parse("2027-01-01")))
        .hasMessageContaining("covers years up to 2026");
  }
}
