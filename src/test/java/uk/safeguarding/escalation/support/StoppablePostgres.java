package uk.safeguarding.escalation.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (the Maven artifact's binaries) on a fixed port and data folder, so a
 * drill can stop it (an outage) and start it again with every row kept, and application nodes
 * (child JVMs) keep one JDBC URL throughout.
 */
public final class StoppablePostgres implements AutoCloseable {

  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres server;

  public StoppablePostgres() {
    try {
      this.dataDir = Files.createTempDirectory("escalation-pg-");
      try (ServerSocket socket = new ServerSocket(0)) {
        this.port = socket.getLocalPort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server (initialising the data folder the first time). */
  public StoppablePostgres start() {
    try {
      server = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPort(port)
          // more than the default 100 clients: several nodes, each with its pool and job executor
          .setServerConfig("max_connections", "300")
          .start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server the way an outage would: connections drop, the data stays. */
  public void stop() {
    try {
      server.close();
      server = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isRunning() {
    return server != null;
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  /** Spring Boot's datasource settings for a child JVM's environment. */
  public java.util.Map<String, String> springEnvironment() {
    return java.util.Map.of("SPRING_DATASOURCE_URL", jdbcUrl(), "SPRING_DATASOURCE_USERNAME", "postgres",
        "SPRING_DATASOURCE_PASSWORD", "postgres");
  }

  @Override
  public void close() {
    if (server != null) {
      stop();
    }
  }
}
