package uk.safeguarding.escalation.forms;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class FormValidationConfiguration {

  /** After REST authentication (order +20), so it knows who asks and unauthenticated calls stay 401. */
  @Bean
  FilterRegistrationBean<Filter> formSubmissionValidation(SubmissionValidator validator, RepositoryService repositoryService,
      IdentityService identityService) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new FormSubmissionFilter(validator, repositoryService, identityService));
    registration.setName("form-submission-validation");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
