package uk.safeguarding.escalation.availability;

import jakarta.servlet.Filter;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** A database outage answered 503 on every API (README "What we guarantee"). */
@Configuration
public class AvailabilityConfiguration {

  /** Outside every other API filter (the error wording is at +5), so its answer is the last word. */
  @Bean
  FilterRegistrationBean<Filter> databaseUnavailable(DataSourceProperties dataSource) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter(new DatabaseProbe(dataSource)));
    registration.setName("database-unavailable");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** The application's DataSource, wrapped so a request that could get no connection is known. */
  @Bean
  static BeanPostProcessor recordingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && !(bean instanceof RecordingDataSource)
            ? new RecordingDataSource(dataSource) : bean;
      }
    };
  }
}
