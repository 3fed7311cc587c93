package uk.safeguarding.escalation.monitoring;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Guards the actuator endpoints (all but health need a login) and refreshes the metrics at each scrape. */
@Configuration
class MonitoringConfiguration {

  @Bean
  FilterRegistrationBean<Filter> actuatorAccess(IdentityService identity, EscalationMetrics metrics) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ActuatorAccessFilter(identity, metrics::refresh));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
