package uk.safeguarding.escalation.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.RunningApp;
import uk.safeguarding.escalation.support.StoppablePostgres;

/**
 * PostgreSQL goes away under a running node: REST, the webapps' API and our own API answer 503
 * in words with Retry-After within a couple of seconds, health says DOWN; when the database is
 * back the node serves again by itself and a case started then is kept.
 */
class DatabaseOutageTest {

  /** The pool's 1.5 s connection timeout, plus slack for a busy build machine (the db-outage drill holds 2 s). */
  static final Duration QUICK = Duration.ofSeconds(3);

  @Test
  void anOutageIsAnswered503AndTheNodeRecoversByItself() {
    try (StoppablePostgres postgres = new StoppablePostgres().start();
         RunningApp app = RunningApp.start("demo", "escalation.notification.channel=log",
             "spring.datasource.url=" + postgres.jdbcUrl(), "spring.datasource.username=postgres",
             "spring.datasource.password=postgres")) {
      Http practitioner = app.http().as("nssab.police.practitioner", "demo");
      Http tasklist = app.http();
      assertThat(tasklist.webappLogin("tasklist", "nssab.police.practitioner", "demo").statusCode()).isEqualTo(200);
      HttpResponse<String> before = practitioner.post(NssabCases.START, NssabCases.startBody("OUTAGE-1", "standard"));
      assertThat(before.statusCode()).isEqualTo(200);
      String caseId = id(before.body());

      postgres.stop();
      assertUnavailable(() -> practitioner.get("/engine-rest/task"));
      assertUnavailable(() -> practitioner.post(NssabCases.START, NssabCases.startBody("OUTAGE-2", "standard")));
      assertUnavailable(() -> practitioner.get("/api/notifications?processInstanceId=" + caseId));
      assertUnavailable(() -> tasklist.get("/camunda/api/engine/engine/default/task"));
      assertThat(app.http().get("/actuator/health").statusCode()).isEqualTo(503);

      postgres.start();
      awaitOk(() -> practitioner.get("/engine-rest/task"));
      assertThat(app.http().get("/actuator/health").statusCode()).isEqualTo(200);
      assertThat(tasklist.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(200);
      HttpResponse<String> after = practitioner.post(NssabCases.START, NssabCases.startBody("OUTAGE-3", "standard"));
      assertThat(after.statusCode()).isEqualTo(200);
      Http admin = app.http().as("admin", "demo");
      assertThat(admin.get("/engine-rest/history/process-instance/" + id(after.body())).statusCode()).isEqualTo(200);
      assertThat(admin.get("/engine-rest/history/process-instance/" + caseId).statusCode()).isEqualTo(200);
      assertThat(admin.get("/engine-rest/history/process-instance/count?processInstanceBusinessKey=OUTAGE-2").body())
          .isEqualTo("{\"count\":0}");
    }
  }

  static void assertUnavailable(Supplier<HttpResponse<String>> call) {
    long t0 = System.nanoTime();
    HttpResponse<String> response = call.get();
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(503);
    assertThat(took).as(response.uri() + " answered in").isLessThan(QUICK);
    assertThat(response.headers().firstValue("Retry-After")).hasValue(DatabaseUnavailableFilter.RETRY_AFTER_SECONDS);
    assertThat(response.body()).isEqualTo("{\"type\":\"ServiceUnavailable\",\"message\":\""
        + DatabaseUnavailableFilter.MESSAGE + "\"}");
  }

  /** The pool reconnects on the next request once the server is back: polled, bounded. */
  static void awaitOk(Supplier<HttpResponse<String>> call) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status;
    while ((status = call.get().statusCode()) != 200) {
      assertThat(status).as("answers while the database comes back").isEqualTo(503);
      assertThat(System.nanoTime()).as("the node serves again within 30 s").isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static String id(String json) {
    return json.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
  }
}
