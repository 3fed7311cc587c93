package uk.safeguarding.escalation.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Settings of a process test: own H2 file, job executor off (jobs run by hand), email to a test SMTP server. */
public final class ProcessTestProperties {

  private ProcessTestProperties() {}

  /** Own H2 file, job executor off (jobs are run by hand, or not at all). */
  public static void registerOwnDatabase(DynamicPropertyRegistry registry) {
    registry.add("escalation.data-dir", () -> RunningApp.newDataDir().toString());
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  public static void register(DynamicPropertyRegistry registry, SmtpServer smtp) {
    registerOwnDatabase(registry);
    registry.add("escalation.notification.channel", () -> "email");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", smtp::port);
  }
}
