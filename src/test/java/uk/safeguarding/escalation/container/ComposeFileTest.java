package uk.safeguarding.escalation.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;
import uk.safeguarding.escalation.EscalationApplication;
import uk.safeguarding.escalation.support.Http;

/**
 * docker/ without a Docker engine: the compose file's wiring and the Dockerfile's promises are
 * checked as text, and the application is started with exactly the environment compose gives an
 * engine node (host names pointed at a local PostgreSQL), bound as environment variables.
 */
class ComposeFileTest {

  static final Path COMPOSE = Path.of("docker/compose.yml");
  static final Path DOCKERFILE = Path.of("docker/Dockerfile");
  static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(:\\?[^}]*|:-[^}]*)?}");

  @SuppressWarnings("unchecked")
  static Map<String, Object> compose() throws Exception {
    return new Yaml().load(Files.readString(COMPOSE));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> service(String name) throws Exception {
    return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> environment(String service) throws Exception {
    Map<String, String> env = new HashMap<>();
    ((Map<String, Object>) service(service).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  @Test
  @SuppressWarnings("unchecked")
  void bothEngineNodesBuildTheImageAndWaitForAHealthyDatabase() throws Exception {
    for (String node : List.of("engine-1", "engine-2")) {
      Map<String, Object> build = (Map<String, Object>) service(node).get("build");
      Path context = COMPOSE.getParent().resolve(String.valueOf(build.get("context"))).normalize();
      assertThat(context.resolve(String.valueOf(build.get("dockerfile")))).as(node).exists();
      assertThat(context.resolve("pom.xml")).as(node + " builds from the repository root").exists();
      assertThat(((Map<String, Map<String, String>>) service(node).get("depends_on")).get("postgres"))
          .containsEntry("condition", "service_healthy");
      Map<String, String> env = environment(node);
      assertThat(env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
      assertThat(compose().get("services")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsKeys(env.get("SPRING_MAIL_HOST"), "postgres");
    }
    assertThat(service("postgres")).containsKey("healthcheck");
    assertThat(List.of(service("engine-1").get("ports"), service("engine-2").get("ports"))).doesNotHaveDuplicates();
  }

  @Test
  void noPasswordHasADefault() throws Exception {
    Matcher m = VARIABLE.matcher(Files.readString(COMPOSE));
    while (m.find()) {
      if (m.group(1).contains("PASSWORD")) {
        assertThat(m.group(2)).as(m.group()).startsWith(":?");
      }
    }
  }

  @Test
  void theImageIsMultiStageNonRootLondonTimeWithAHealthCheck() throws Exception {
    String dockerfile = Files.readString(DOCKERFILE);
    List<String> froms = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(froms).hasSize(2);
    assertThat(froms.get(0)).endsWith(" AS build");
    assertThat(froms).allSatisfy(from -> assertThat(from).doesNotContain(":latest").containsPattern(":[0-9]"));
    String finalStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    assertThat(finalStage).contains("TZ=Europe/London").containsPattern("(?m)^USER 10001$")
        .contains("HEALTHCHECK").contains("/actuator/health/liveness");
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<project.build.outputTimestamp>");
  }

  @Test
  void theApplicationStartsWithTheEngineNodesEnvironment() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE USER escalation PASSWORD 'Compose-Db-Pass-1'");
        s.execute("CREATE DATABASE escalation OWNER escalation");
      }
      // What compose gives engine-1, with its variables set as an operator would, and the service
      // names resolved to where they run here.
      Map<String, String> operator = Map.of("POSTGRES_PASSWORD", "Compose-Db-Pass-1",
          "ESCALATION_ADMIN_USER", "opsadmin", "ESCALATION_ADMIN_PASSWORD", "Correct-Horse-7-Battery");
      Map<String, Object> env = new HashMap<>();
      environment("engine-1").forEach((name, value) -> {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(resolved, Matcher.quoteReplacement(operator.get(m.group(1))));
        }
        m.appendTail(resolved);
        env.put(name, resolved.toString().replace("//postgres:5432/", "//localhost:" + postgres.getPort() + "/"));
      });
      env.put("SPRING_MAIL_HOST", "localhost");
      env.put("PORT", "0");
      env.put("ESCALATION_DATA_DIR", Files.createTempDirectory("compose-data").toString()); // the image's ENV

      StandardEnvironment environment = new StandardEnvironment();
      environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", env));
      try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EscalationApplication.class)
          .environment(environment).run()) {
        assertThat(app.getEnvironment().getActiveProfiles()).containsExactly("prod");
        assertThat(app.getEnvironment().getProperty("spring.datasource.url")).contains("postgresql");
        Http http = Http.anonymous(((WebServerApplicationContext) app).getWebServer().getPort());
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200); // the HEALTHCHECK
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.as("opsadmin", "Correct-Horse-7-Battery").get("/engine-rest/process-definition").statusCode())
            .isEqualTo(200);
        assertThat(http.as("admin", "demo").get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
      }
    }
  }
}
