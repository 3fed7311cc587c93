package uk.safeguarding.escalation.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.calendar.*}: close of business, the board's closure days and one-off national
 * holidays, and optionally a GOV.UK bank-holidays.json that replaces the built-in (Jollyday) data.
 */
@ConfigurationProperties("escalation.calendar")
public record CalendarProperties(
    @DefaultValue("17:00") LocalTime closeOfBusiness,
    @DefaultValue List<LocalDate> closureDays,
    @DefaultValue List<LocalDate> additionalBankHolidays,
    Path bankHolidaysFile) {}
