package uk.safeguarding.escalation.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The HTTP entry points that Camunda leaves open.
 *
 * <ul>
 *   <li>{@code /engine-rest/*} and {@code /api/*}: HTTP Basic against the engine's identity service; the authenticated
 *       user and groups are set on the engine so authorizations apply (401 without credentials).
 *   <li>Expressions in ad-hoc query bodies or parameters, and Java-serialized values: refused with
 *       400 before any engine code ({@link RequestGuardFilter}).
 *   <li>The Admin webapp's initial-user setup: refused in every profile.
 *   <li>Error answers of both APIs: plain words, never the engine's internals ({@link ApiErrorFilter}).
 * </ul>
 * The webapps under {@code /camunda} keep their own session login, CSRF filter and security headers.
 */
@Configuration
public class RestAuthenticationConfiguration {

  static final String REST_PATTERN = "/engine-rest/*";
  static final String WEBAPP_API_PATTERN = "/camunda/api/*";
  /** The application's own API (e.g. the notification log), authenticated like the engine's. */
  static final String APP_API_PATTERN = "/api/*";

  /** Outermost, so it words every error answer of both APIs, ours and the engine's. */
  @Bean
  FilterRegistrationBean<Filter> apiErrors() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ApiErrorFilter());
    registration.setName("api-errors");
    registration.addUrlPatterns(REST_PATTERN, WEBAPP_API_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> requestGuard() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestGuardFilter());
    registration.setName("request-guard");
    registration.addUrlPatterns(REST_PATTERN, WEBAPP_API_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** After authentication, so that an anonymous request is answered 401 whatever its body. */
  @Bean
  FilterRegistrationBean<Filter> requestShape(org.camunda.bpm.engine.ProcessEngine processEngine) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestShapeFilter(
        processEngine.getIdentityService(),
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()));
    registration.setName("request-shape");
    registration.addUrlPatterns(REST_PATTERN, WEBAPP_API_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> adminSetupBlock() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new AdminSetupBlockingFilter());
    registration.setName("admin-setup-block");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  @Bean
  FilterRegistrationBean<Filter> restAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-basic-auth");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(REST_PATTERN, APP_API_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
