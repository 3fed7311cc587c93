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

  public static RunningApp start(String profile, String... properties) {
    List<String> props = new ArrayList<>(List.of("server.port=0"));
    props.addAll(List.of(properties));
    return new RunningApp(new SpringApplicationBuilder(EscalationApplication.class)
        .profiles(profile)
        .properties(props.toArray(String[]::new))
        .run());
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
