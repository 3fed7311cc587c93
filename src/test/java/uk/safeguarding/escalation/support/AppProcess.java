package uk.safeguarding.escalation.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application node as operations run it: the packaged jar (or, for the benchmark's vanilla
 * engine, a main class on the test classpath) in its own JVM, configured by environment variables.
 * It can be killed with SIGKILL ({@link #kill()}) and started again on the same port.
 */
public final class AppProcess implements AutoCloseable {

  /** The jar {@code mvn package} builds. */
  public static final String JAR = System.getProperty("app.jar", "target/escalation-engine-0.1.0-SNAPSHOT.jar");

  private final List<String> command;
  private final Map<String, String> environment;
  private final int port;
  private final Path log;
  private Process process;
  private Duration lastStartUp;

  private AppProcess(List<String> command, Map<String, String> environment, int port, Path log) {
    this.command = command;
    this.environment = environment;
    this.port = port;
    this.log = log;
  }

  /** The packaged jar with these JVM options (e.g. -Xmx512m) and environment; {@code PORT} is set here. */
  public static AppProcess jar(String name, List<String> jvmOptions, Map<String, String> environment) {
    if (!new File(JAR).isFile()) {
      throw new IllegalStateException(JAR + " is missing: run `mvn -q -DskipTests package` first");
    }
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR));
    return of(name, command, environment);
  }

  /** A main class on this JVM's own classpath (test scope included), e.g. the vanilla Camunda of the benchmark. */
  public static AppProcess mainClass(String name, Class<?> main, List<String> jvmOptions, Map<String, String> environment) {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    return of(name, command, environment);
  }

  private static AppProcess of(String name, List<String> command, Map<String, String> environment) {
    int port = freePort();
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("PORT", Integer.toString(port));
    env.putIfAbsent("TZ", "Europe/London");
    Path log = Path.of("target", name + ".log");
    return new AppProcess(List.copyOf(command), env, port, log);
  }

  /** Starts the JVM and waits (up to 3 minutes) until /actuator/health/liveness answers 200. */
  public AppProcess start() {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      long t0 = System.nanoTime();
      process = builder.start();
      awaitReady(Duration.ofMinutes(3));
      lastStartUp = Duration.ofNanos(System.nanoTime() - t0);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Duration limit) {
    Http http = http();
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(this + " exited with " + process.exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(this + " not ready within " + limit + "; see " + log);
      }
      try {
        if (http.get("/actuator/health/liveness").statusCode() == 200) {
          return;
        }
      } catch (RuntimeException notListeningYet) {
        // the port opens late in the start-up
      }
      sleep(200); // polling a booting process, not waiting for a timer
    }
  }

  /** SIGKILL: no shutdown hook, no transaction finishes, as when the host dies. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: Spring's orderly shutdown. */
  public void stop() {
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public Http http() {
    return Http.anonymous(port);
  }

  /** Wall time of the last start, from exec to a live health endpoint. */
  public Duration lastStartUp() {
    return lastStartUp;
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    if (isAlive()) {
      stop();
    }
  }

  @Override
  public String toString() {
    return "node on port " + port;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
