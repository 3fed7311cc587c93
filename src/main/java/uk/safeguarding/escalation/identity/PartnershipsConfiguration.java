package uk.safeguarding.escalation.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/** The configured partnerships: the built-in partnerships.yml unless ESCALATION_PARTNERSHIPS_FILE names another file. */
@Configuration
class PartnershipsConfiguration {

  static final String BUILT_IN = "partnerships.yml";

  @Bean
  Partnerships partnerships(@Value("${escalation.partnerships-file:}") String file) {
    return Partnerships.load(file.isBlank() ? new ClassPathResource(BUILT_IN) : new FileSystemResource(file));
  }
}
