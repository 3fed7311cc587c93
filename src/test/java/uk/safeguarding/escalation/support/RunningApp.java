package uk.safeguarding.escalation.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.safeguarding.escalation.EscalationApplication;

/**
 * Starts the whole application in-process on a random port, the way {@code java -jar} would, so
 * tests can stop and start it again (restart) or give it another profile or database.
 */
public final class RunningApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private RunningApp(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Properties are passed as command-line arguments, so they override the configuration files. */
  public static RunningApp start(String profile, String... properties) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=" + profile));
    for (String property : properties) {
      args.add("--" + property);
    }
    return new RunningApp(new SpringApplicationBuilder(EscalationApplication.class).run(args.toArray(String[]::new)));
  }

  public static Path newDataDir() {
    try {
      return Files.createTempDirectory("escalation-data-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public Http http() {
    return Http.anonymous(port());
  }

  public ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  @Override
  public void close() {
    context.close();
  }
}
