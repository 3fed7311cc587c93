package uk.safeguarding.escalation.calendar;

import java.util.HashSet;
import java.util.Set;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarConfiguration {

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
    BankHolidays bankHolidays = properties.bankHolidaysFile() == null
        ? new JollydayBankHolidays()
        : new GovUkBankHolidays(properties.bankHolidaysFile());
    Set<LocalDate> nonWorking = new HashSet<>(properties.closureDays());
    nonWorking.addAll(properties.additionalBankHolidays());
    return new WorkingDayCalendar(bankHolidays, properties.closeOfBusiness(), nonWorking);
  }
}
