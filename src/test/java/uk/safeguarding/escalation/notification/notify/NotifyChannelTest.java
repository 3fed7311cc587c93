package uk.safeguarding.escalation.notification.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.notification.NotificationKind;
import uk.safeguarding.escalation.notification.NotificationLog;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NotifyStub;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/**
 * Notifications through GOV.UK Notify, against a local stub of its API that checks the JWT and the
 * request as Notify does. The job executor is off; the delivery job is run by hand as it would run.
 */
@SpringBootTest
class NotifyChannelTest {

  static final NotifyStub notify = new NotifyStub();
  static final String STAGE_STARTED_TEMPLATE = "9d2f4c1e-5b6a-4f0e-8a3d-2c1b0e9f8a7d";
  static final Instant STARTED = LocalDateTime.parse("2026-04-02T11:00").atZone(WorkingDayCalendar.ZONE).toInstant();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
    registry.add("escalation.public-url", () -> "https://escalation.example.org");
    registry.add("escalation.notification.channel", () -> "notify");
    registry.add("NOTIFY_API_KEY", notify::apiKey);
    registry.add("NOTIFY_BASE_URL", notify::baseUrl);
    for (NotificationKind kind : NotificationKind.values()) {
      registry.add(NotifySettings.variable(kind), () -> kind == NotificationKind.STAGE_STARTED
          ? STAGE_STARTED_TEMPLATE : "00000000-0000-4000-8000-0000000000" + String.format("%02d", kind.ordinal()));
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired NotificationLog notificationLog;

  @AfterAll
  static void stopStub() {
    notify.close();
  }

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(STARTED));
    notify.accepted.clear();
    if (authorizationService.createAuthorizationQuery().groupIdIn("nssab").resourceId("notification-test").count() == 0) {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("nssab");
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId("notification-test");
      grant.addPermission(Permissions.ALL);
      authorizationService.saveAuthorization(grant);
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theStageOwnersGetTheirNotifyTemplateWithCaseFactsOnly() {
    ProcessInstance pi = startCase("NS-2026-0101");
    Jobs.runDue(engine, pi.getId());

    assertThat(notify.accepted).hasSize(1); // the stub verified the JWT: iss, HS256 with the key's secret, fresh iat
    JsonNode request = notify.accepted.get(0);
    assertThat(request.path("email_address").asText()).isEqualTo("nssab.police.line-manager@example.org");
    assertThat(request.path("template_id").asText()).isEqualTo(STAGE_STARTED_TEMPLATE);
    assertThat(request.path("reference").asText()).isEqualTo("NS-2026-0101");
    JsonNode personalisation = request.path("personalisation");
    assertThat(personalisation.properties()).extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("case_reference", "protocol", "stage", "deadline", "link");
    assertThat(personalisation.path("case_reference").asText()).isEqualTo("NS-2026-0101");
    assertThat(personalisation.path("protocol").asText()).isEqualTo("notification-test"); // a protocol's: its name
    assertThat(personalisation.path("stage").asText()).isEqualTo("1");
    assertThat(personalisation.path("deadline").asText()).isEqualTo("Wednesday 8 April 2026 at 17:00 (UK time)");
    assertThat(personalisation.path("link").asText()).startsWith("https://escalation.example.org/camunda/app/tasklist/default/#/?task=");
    // Never a name or the dispute text.
    assertThat(request.toString()).doesNotContain("Ashworth", "Riley", "placement");

    assertThat(notificationLog.forProcessInstance(pi.getId())).singleElement().satisfies(entry -> {
      assertThat(entry.channel()).isEqualTo("notify");
      assertThat(entry.status()).isEqualTo(NotificationLog.Status.DELIVERED);
    });
  }

  @Test
  void aRateLimitIsRetriedByTheDeliveryJobFiveMinutesLaterAndThenDelivered() {
    notify.failNext(429);
    ProcessInstance pi = startCase("NS-2026-0102");
    Jobs.runDue(engine, pi.getId());

    Job delivery = deliveryJob(pi);
    assertThat(delivery.getRetries()).isEqualTo(4);
    assertThat(delivery.getExceptionMessage()).contains("GOV.UK Notify answered 429: RateLimitError");
    assertThat(incidents(pi)).isEmpty();
    assertThat(notificationLog.forProcessInstance(pi.getId())).singleElement()
        .satisfies(entry -> assertThat(entry.status()).isEqualTo(NotificationLog.Status.FAILED));

    ClockUtil.setCurrentTime(Date.from(STARTED.plus(Duration.ofMinutes(6))));
    Jobs.runDue(engine, pi.getId());

    assertThat(notify.accepted).hasSize(2);
    assertThat(Jobs.deliveries(engine, pi.getId())).isEmpty(); // delivered, the delivery instance ended
    assertThat(notificationLog.forProcessInstance(pi.getId())).extracting(NotificationLog.Entry::status)
        .containsExactly(NotificationLog.Status.FAILED, NotificationLog.Status.DELIVERED);
  }

  @Test
  void aRefusedRequestBecomesAnIncidentAtOnceNotAnEndlessRetry() {
    notify.failNext(400);
    ProcessInstance pi = startCase("NS-2026-0103");
    Jobs.runDue(engine, pi.getId());

    assertThat(deliveryJob(pi).getRetries()).isZero();
    assertThat(incidents(pi)).singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage())
        .contains("GOV.UK Notify answered 400: BadRequestError Can't send to this recipient using a team-only API key"));
    // Hours later nothing has been sent again.
    ClockUtil.setCurrentTime(Date.from(STARTED.plus(Duration.ofHours(3))));
    Jobs.runDue(engine, pi.getId());
    assertThat(notify.accepted).hasSize(1);
  }

  @Test
  void aKeyNotifyDoesNotAcceptIsAnIncidentToo() {
    notify.failNext(403);
    ProcessInstance pi = startCase("NS-2026-0104");
    Jobs.runDue(engine, pi.getId());

    assertThat(incidents(pi)).singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage())
        .contains("GOV.UK Notify answered 403: AuthError"));
  }

  @Test
  void startUpNamesEveryMissingVariable() {
    org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
        .withProperty("NOTIFY_API_KEY", notify.apiKey()).withProperty("NOTIFY_TEMPLATE_STAGE_STARTED", STAGE_STARTED_TEMPLATE);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> NotifySettings.from(environment)))
        .hasMessageStartingWith("ESCALATION_NOTIFICATION_CHANNEL=notify: set NOTIFY_TEMPLATE_INTENTION_TO_ESCALATE, ")
        .hasMessageNotContaining("NOTIFY_TEMPLATE_STAGE_STARTED");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> NotifySettings.from(
        new org.springframework.mock.env.MockEnvironment().withProperty("NOTIFY_API_KEY", "not-a-key"))))
        .hasMessageStartingWith("NOTIFY_API_KEY is not a GOV.UK Notify API key");
  }

  private Job deliveryJob(ProcessInstance pi) {
    return managementService.createJobQuery()
        .processInstanceId(Jobs.deliveries(engine, pi.getId()).get(0).getId()).singleResult();
  }

  private List<Incident> incidents(ProcessInstance pi) {
    return Jobs.deliveries(engine, pi.getId()).stream()
        .flatMap(d -> runtimeService.createIncidentQuery().processInstanceId(d.getId()).list().stream()).toList();
  }

  private ProcessInstance startCase(String reference) {
    identityService.setAuthentication("nssab.police.practitioner", List.of("nssab", "nssab-police", "nssab-police-practitioner"));
    try {
      return runtimeService.startProcessInstanceByKey("notification-test", reference, Map.of(
          "caseReference", reference,
          "raisingAgency", "police",
          "currentStage", 1,
          "disputeSummary", "Ashworth Example: placement breakdown not shared",
          "receivingPractitionerName", "Dr Riley Other"));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
