package uk.safeguarding.vanilla;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Vanilla Camunda 7.24 for the benchmark's side-by-side figures: the Spring Boot starter (REST,
 * webapps) with Camunda's defaults, its own configuration ({@code vanilla.yml}, never our
 * application.yml), and one process, {@link VanillaProcess}, of the same shape as nssab-escalation
 * without listeners, validation or notifications. An admin user ({@code admin}/{@code demo}) signs
 * REST calls with HTTP Basic, as ours requires.
 *
 * <p>Start it (datasource and port from the environment like ours; H2 in memory without them):
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=uk.safeguarding.vanilla.VanillaCamunda</pre>
 * or from the benchmark: {@code AppProcess.mainClass("vanilla", VanillaCamunda.class, jvm, env)}.
 * {@code CAMUNDA_BPM_JOBEXECUTION_ENABLED=false} keeps its job executor off (filling a storm).
 */
// Its own root package, outside uk.safeguarding.escalation: it scans none of our configuration,
// plugins or listeners, and our application (tests start it from this classpath) never scans it.
@SpringBootApplication
public class VanillaCamunda {

  public static void main(String[] args) {
    // spring.config.name=vanilla: reads vanilla.yml, not the application.yml of our main classpath
    System.setProperty("spring.config.name", "vanilla");
    SpringApplication.run(VanillaCamunda.class, args);
  }

  /** HTTP Basic on the engine REST API, the filter Camunda's documentation gives for it. */
  @Bean
  FilterRegistrationBean<Filter> engineRestBasicAuth() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /** Deploys the process once (duplicate filtering: a second node or a restart finds it deployed). */
  @Bean
  ApplicationRunner deployVanillaProcess(ProcessEngine engine) {
    return args -> engine.getRepositoryService().createDeployment()
        .name("vanilla-escalation")
        .enableDuplicateFiltering(false)
        .addModelInstance("vanilla-escalation.bpmn", VanillaProcess.model())
        .deploy();
  }
}
