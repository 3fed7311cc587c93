package uk.safeguarding.escalation.faults;

import static uk.safeguarding.escalation.faults.Findings.step;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.safeguarding.escalation.support.Http;

/**
 * The mail server down for longer than the retry cycle: staff keep working (every start 200, every
 * completion 204), the deliveries fail into incidents; the mail server comes back, an operator
 * retries each incident as Cockpit's Retry does, and every message then arrives exactly once.
 */
final class SmtpOutageDrill {

  /** Short enough for a drill; production keeps R5/PT5M. */
  static final String RETRY_CYCLE = "R2/PT5S";

  Findings run() throws Exception {
    Findings findings = new Findings();
    System.out.println("\n== SMTP outage longer than the retry cycle (" + RETRY_CYCLE + ") ==");
    try (Stack stack = new Stack("drill-smtp-outage", Map.of("ESCALATION_JOB_RETRY_CYCLE", RETRY_CYCLE))) {
      step("starting the node");
      stack.node.start();
      stack.smtp.stop();
      long down = System.currentTimeMillis();
      step("mail server stopped; 3 practitioners working cases");
      StaffClients staff = new StaffClients(stack.node.port(), 3, 200).start();
      FaultDrills.sleep(Duration.ofSeconds(30));
      staff.stop();
      step("staff stopped; waiting until every delivery has used its retries");

      try (Records db = new Records(stack.postgres)) {
        boolean exhausted = FaultDrills.await(Duration.ofMinutes(3), () -> db.deliveriesRunning() > 0
            && db.count("select count(*) from act_ru_job where process_def_key_ = 'notification-delivery'"
                + " and retries_ > 0") == 0);
        long running = db.deliveriesRunning();
        long incidents = db.count("select count(*) from act_ru_incident where incident_type_ = 'failedJob'"
            + " and proc_def_id_ like 'notification-delivery:%'");
        long failedAttempts = db.count("select count(*) from esc_notification_log where status = 'FAILED'");
        findings.check(exhausted && incidents == running && incidents > 0, "deliveries waiting: " + running
            + ", incidents (failed job, notification-delivery): " + incidents + ", failed attempts logged: "
            + failedAttempts + "; emails received meanwhile: " + stack.smtp.received().size());
        FaultDrills.checkAnswers(findings, staff, Set.of(200, 204));

        stack.smtp.start();
        step("mail server back after " + (System.currentTimeMillis() - down) / 1000
            + " s; administrator retries each incident in Cockpit");
        Http cockpit = Http.anonymous(stack.node.port());
        findings.check(cockpit.webappLogin("cockpit", "admin", "demo").statusCode() == 200, "administrator logged into Cockpit");
        int retried = 0;
        int refused = 0;
        for (String[] incident : db.rows("select configuration_ from act_ru_incident where incident_type_ = 'failedJob'")) {
          // Cockpit's Retry on a failed job: PUT …/job/{id}/retries {"retries":1} over the webapps' API
          HttpResponse<String> answer = cockpit.sendWithCsrf("PUT", "/camunda/api/engine/engine/default/job/"
              + incident[0] + "/retries", "{\"retries\": 1}");
          if (answer.statusCode() == 204) {
            retried++;
          } else {
            refused++;
          }
        }
        findings.check(refused == 0, "incidents retried: " + retried + ", refused: " + refused);
        boolean drained = FaultDrills.await(Duration.ofMinutes(2), () -> db.deliveriesRunning() == 0);
        findings.check(drained, "every delivery done within 2 minutes of the retry");
        FaultDrills.checkCases(findings, db, staff);
        FaultDrills.checkNotifications(findings, db, stack.smtp.received());
      }
    }
    return findings;
  }
}
