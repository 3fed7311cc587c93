package uk.safeguarding.escalation.performance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates after the process engine has created or updated Camunda's tables: V3 adds an
 * index to Camunda's ACT_RU_JOB (job acquisition by due date), so on a new database the table must
 * exist first. Spring happened to create the beans in this order already; this makes it certain.
 */
@Configuration(proxyBeanMethods = false)
class MigrationOrder {

  static final String FLYWAY_INITIALIZER = "flywayInitializer";
  static final String PROCESS_ENGINE = "processEngine";

  @Bean
  static BeanFactoryPostProcessor flywayAfterProcessEngine() {
    return (ConfigurableListableBeanFactory factory) -> {
      if (!factory.containsBeanDefinition(FLYWAY_INITIALIZER) || !factory.containsBeanDefinition(PROCESS_ENGINE)) {
        return; // Flyway or the engine switched off (e.g. a test slice)
      }
      BeanDefinition flyway = factory.getBeanDefinition(FLYWAY_INITIALIZER);
      List<String> dependsOn = new ArrayList<>(flyway.getDependsOn() == null ? List.of() : Arrays.asList(flyway.getDependsOn()));
      dependsOn.add(PROCESS_ENGINE);
      flyway.setDependsOn(dependsOn.toArray(String[]::new));
    };
  }
}
