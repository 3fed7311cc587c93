package uk.safeguarding.escalation.collision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.notification.NotificationDeliveryProcess;
import uk.safeguarding.escalation.notification.NotificationLog;
import uk.safeguarding.escalation.nssab.NssabEscalationProcess;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.RunningApp;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * North Somerset cases raised and escalated through REST as fast as clients can, several at once,
 * with the job executor delivering notifications meanwhile (the way the application runs), against
 * a real SMTP server: no answer is a 5xx, every case ends, everyone is told exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentCasesTest {

  static final int CASES = 20;
  static final ObjectMapper JSON = new ObjectMapper();
  static final SmtpServer smtp = new SmtpServer();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("escalation.data-dir", () -> RunningApp.newDataDir().toString());
    registry.add("camunda.bpm.job-execution.enabled", () -> "true");
    registry.add("escalation.notification.channel", () -> "email");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", smtp::port);
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired NotificationLog notificationLog;

  final List<String> answers = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void startSmtp() {
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET));
    smtp.clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void twentyCasesAtOnceEndWithoutA5xxAndEveryoneIsToldExactlyOnce() throws Exception {
    List<String> caseIds = driveConcurrently("NS-LOAD-", CASES);

    awaitDeliveries();
    assertThat(answers).as("HTTP answers").noneMatch(a -> a.startsWith("5"));
    assertEveryCaseCompleted(caseIds);
    assertEveryoneToldOnce(caseIds);
    // written confirmation of each outcome: the raising practitioner and both agencies' line managers
    for (String caseId : caseIds) {
      assertThat(notificationLog.forProcessInstance(caseId)).filteredOn(e -> e.kind().equals("OUTCOME_RECORDED"))
          .extracting(NotificationLog.Entry::recipientUserId).containsExactlyInAnyOrder(
              "nssab.police.practitioner", "nssab.police.line-manager", "nssab.la-adults.line-manager");
    }
  }

  @Test
  void whileTheMailServerIsDownCasesStillMoveAndEveryMessageArrivesOnceWhenItIsBack() throws Exception {
    smtp.stop();
    List<String> caseIds;
    try {
      caseIds = driveConcurrently("NS-DOWN-", 4);
      assertThat(answers).as("HTTP answers").noneMatch(a -> a.startsWith("5"));
      assertEveryCaseCompleted(caseIds);
      // every delivery tried once, failed, and waits for its retry in 5 minutes
      await().atMost(Duration.ofSeconds(60)).until(() -> managementService.createJobQuery()
          .processDefinitionKey(NotificationDeliveryProcess.KEY).withException().count()
          == runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationDeliveryProcess.KEY).count());
    } finally {
      smtp.start();
    }
    ClockUtil.setCurrentTime(Date.from(NssabCases.OUTSET.plus(Duration.ofMinutes(6))));
    managementService.createJobQuery().processDefinitionKey(NotificationDeliveryProcess.KEY).list()
        .forEach(job -> assertThat(job.getRetries()).isEqualTo(4));
    awaitDeliveries();
    assertEveryoneToldOnce(caseIds);
    assertThat(caseIds).allSatisfy(caseId -> assertThat(notificationLog.forProcessInstance(caseId))
        .extracting(NotificationLog.Entry::status).contains(NotificationLog.Status.FAILED, NotificationLog.Status.DELIVERED));
  }

  // --- the clients ------------------------------------------------------------------------------

  /** Each case has its own thread; every step is taken the moment the previous one is answered. */
  private List<String> driveConcurrently(String prefix, int cases) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(cases);
    try {
      List<Future<String>> runs = IntStream.rangeClosed(1, cases)
          .mapToObj(i -> pool.submit(() -> driveToTheEnd(prefix + String.format("%02d", i)))).toList();
      List<String> ids = new ArrayList<>();
      for (Future<String> run : runs) {
        ids.add(run.get());
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Escalates through stages 1 and 2, resolves at stage 3, distributes the Monitoring Form, records no learning. */
  private String driveToTheEnd(String reference) throws IOException {
    Http practitioner = user("nssab.police.practitioner");
    HttpResponse<String> started = answer(() -> practitioner.post(NssabCases.START, NssabCases.startBody(reference, "standard")));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String caseId = JSON.readTree(started.body()).path("id").asText();

    work(caseId, "nssab.police.practitioner", NssabCases.stageRecord("escalate"));
    work(caseId, "nssab.police.line-manager", NssabCases.stageRecord("escalate"));
    work(caseId, "nssab.police.second-tier-manager", NssabCases.stageRecord("escalate"));
    work(caseId, "nssab.police.senior-manager", NssabCases.monitoringForm("resolved"));
    work(caseId, "nssab.business-manager", NssabCases.single("monitoringFormDistributed", "true", "Boolean"));
    work(caseId, "nssab.police.practitioner", NssabCases.single("learningIdentified", "\"no\"", "String"));
    return caseId;
  }

  /** As staff do in Tasklist: find the case's task, claim it if nobody has, submit its form (again, if asked to). */
  private void work(String caseId, String userId, String form) throws IOException {
    Http user = user(userId);
    HttpResponse<String> tasks = answer(() -> user.get("/engine-rest/task?processInstanceId=" + caseId));
    JsonNode list = JSON.readTree(tasks.body());
    assertThat(list).as("%s's task on %s: %s", userId, caseId, tasks.body()).hasSize(1);
    String taskId = list.get(0).path("id").asText();
    if (list.get(0).path("assignee").isNull()) {
      HttpResponse<String> claim = answer(() -> user.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + userId + "\"}"));
      assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    }
    HttpResponse<String> submitted = answer(() -> user.post("/engine-rest/task/" + taskId + "/submit-form", form));
    for (int again = 0; submitted.statusCode() == 409 && submitted.body().contains("submit again") && again < 3; again++) {
      submitted = answer(() -> user.post("/engine-rest/task/" + taskId + "/submit-form", form));
    }
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
  }

  private Http user(String userId) {
    return Http.anonymous(port).as(userId, "demo");
  }

  private HttpResponse<String> answer(Supplier<HttpResponse<String>> call) {
    HttpResponse<String> response = call.get();
    answers.add(response.statusCode() + " " + response.request().method() + " " + response.request().uri().getPath());
    return response;
  }

  // --- what users would notice ------------------------------------------------------------------

  private void awaitDeliveries() {
    await().atMost(Duration.ofSeconds(120)).until(() ->
        runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationDeliveryProcess.KEY).count() == 0);
  }

  private void assertEveryCaseCompleted(List<String> caseIds) {
    List<HistoricProcessInstance> cases = historyService.createHistoricProcessInstanceQuery()
        .processInstanceIds(Set(caseIds)).list();
    assertThat(cases).hasSize(caseIds.size()).allSatisfy(c -> {
      assertThat(c.getProcessDefinitionKey()).isEqualTo(NssabEscalationProcess.KEY);
      assertThat(c.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    });
  }

  /** Each (recipient, subject) of these cases arrived exactly once, and the log says so. */
  private void assertEveryoneToldOnce(List<String> caseIds) {
    List<String> delivered = caseIds.stream().flatMap(id -> notificationLog.forProcessInstance(id).stream())
        .filter(e -> e.status() == NotificationLog.Status.DELIVERED)
        .map(e -> e.recipientAddress() + " | " + e.caseReference() + " " + e.kind()).toList();
    List<String> references = caseIds.stream()
        .map(id -> historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey())
        .toList();
    List<String> mails = smtp.received().stream()
        .filter(m -> references.stream().anyMatch(r -> subject(m).contains(r + ":")))
        .map(m -> SmtpServer.to(m) + " | " + subject(m)).toList();
    Map<String, Long> perMail = mails.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(perMail).as("messages sent more than once").allSatisfy((mail, count) -> assertThat(count).as(mail).isEqualTo(1));
    assertThat(mails).hasSameSizeAs(delivered);
    assertThat(delivered).doesNotHaveDuplicates();
    // per case at least: the receiving agency at stages 1-3 (3), the outcome (3), the Monitoring Form (2); a
    // "stage started" message is dropped when that stage was already completed before it could go out
    assertThat(mails.size()).isGreaterThanOrEqualTo(caseIds.size() * 8);
  }

  private static java.util.Set<String> Set(List<String> ids) {
    return new java.util.HashSet<>(ids);
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
