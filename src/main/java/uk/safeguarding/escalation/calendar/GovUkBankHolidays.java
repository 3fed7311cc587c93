package uk.safeguarding.escalation.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Bank holidays from a copy of GOV.UK's published {@code bank-holidays.json}
 * (https://www.gov.uk/bank-holidays.json), division {@code england-and-wales}. Lets an operator
 * replace the holiday data with the official file without a code change or a new release.
 */
public class GovUkBankHolidays implements BankHolidays {

  private final Set<LocalDate> dates = new HashSet<>();
  private final int lastYear;

  public GovUkBankHolidays(Path file) {
    try {
      JsonNode events = new ObjectMapper().readTree(file.toFile()).path("england-and-wales").path("events");
      if (!events.isArray() || events.isEmpty()) {
        throw new IllegalArgumentException(file + " has no england-and-wales events (expected GOV.UK bank-holidays.json)");
      }
      events.forEach(event -> dates.add(LocalDate.parse(event.path("date").asText())));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bank holidays from " + file, e);
    }
    lastYear = dates.stream().mapToInt(LocalDate::getYear).max().orElseThrow();
  }

  @Override
  public boolean isBankHoliday(LocalDate date) {
    if (date.getYear() > lastYear) {
      // A deadline past the file's data would silently ignore holidays: refuse instead.
      throw new IllegalStateException("Bank holiday file covers years up to " + lastYear + " only; update it");
    }
    return dates.contains(date);
  }
}
