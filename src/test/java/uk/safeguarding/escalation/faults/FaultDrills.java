package uk.safeguarding.escalation.faults;

import static uk.safeguarding.escalation.faults.Findings.step;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import uk.safeguarding.escalation.notification.MessageIds;
import uk.safeguarding.escalation.support.AppProcess;

/**
 * The fault drills of README "Fault drills": {@code kill9}, {@code db-outage}, {@code smtp-outage}
 * or {@code all}. Each starts PostgreSQL, GreenMail and the packaged jar, has staff work cases over
 * REST, applies its fault, then prints what it checked; it ends with 1 on any loss, duplicate or
 * wrong answer.
 *
 * <pre>mvn -q -DskipTests package &amp;&amp; mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=uk.safeguarding.escalation.faults.FaultDrills -Dexec.args=kill9</pre>
 */
public final class FaultDrills {

  public static void main(String[] args) throws Exception {
    // the node runs in London time (AppProcess); Camunda's timestamps are read in the same zone
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
    // the drill's own lines only: not PostgreSQL's or GreenMail's (the node logs to target/drill-*.log)
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    if (!new File(AppProcess.JAR).isFile()) {
      System.err.println(AppProcess.JAR + " is missing: run `mvn -q -DskipTests package` first");
      System.exit(2);
    }
    String which = args.length == 0 ? "all" : args[0];
    Map<String, Findings> results = new java.util.LinkedHashMap<>();
    if (which.equals("kill9") || which.equals("all")) {
      results.put("kill9", new Kill9Drill().run());
    }
    if (which.equals("db-outage") || which.equals("all")) {
      results.put("db-outage", new DatabaseOutageDrill().run());
    }
    if (which.equals("smtp-outage") || which.equals("all")) {
      results.put("smtp-outage", new SmtpOutageDrill().run());
    }
    if (results.isEmpty()) {
      System.err.println("usage: FaultDrills kill9 | db-outage | smtp-outage | all");
      System.exit(2);
    }
    boolean passed = true;
    System.out.println();
    for (Map.Entry<String, Findings> result : results.entrySet()) {
      System.out.println(result.getKey() + ": " + (result.getValue().passed() ? "PASSED"
          : "FAILED (" + String.join("; ", result.getValue().failures()) + ")"));
      passed &= result.getValue().passed();
    }
    System.exit(passed ? 0 : 1);
  }

  /** Every start answered 200 is a case, every completion answered 204 is completed in history. */
  static void checkCases(Findings findings, Records db, StaffClients staff) throws SQLException {
    long found = db.casesInHistory(staff.startedCases);
    findings.check(found == staff.startedCases.size(),
        "starts answered 200: " + staff.startedCases.size() + ", cases found afterwards: " + found);
    long completed = db.tasksCompleted(staff.completedTasks);
    findings.check(completed == staff.completedTasks.size(),
        "completions answered 204: " + staff.completedTasks.size() + ", completed in history: " + completed);
  }

  /**
   * Every delivery the log records as sent arrived exactly once (counted by its stable Message-ID,
   * per delivery and recipient), nothing arrived that the log does not know, no delivery is left
   * running or as an incident.
   */
  static void checkNotifications(Findings findings, Records db, List<MimeMessage> received) throws SQLException {
    Map<String, Long> arrived = received.stream().collect(Collectors.groupingBy(FaultDrills::messageId, Collectors.counting()));
    Map<Records.Delivered, Long> logged = db.delivered();
    Set<String> expected = logged.keySet().stream().map(d -> MessageIds.of(d.deliveryKey(), d.userId()))
        .collect(Collectors.toSet());
    long once = expected.stream().filter(id -> arrived.getOrDefault(id, 0L) == 1).count();
    long missing = expected.stream().filter(id -> !arrived.containsKey(id)).count();
    long twice = arrived.values().stream().filter(n -> n > 1).count();
    long unlogged = arrived.keySet().stream().filter(id -> !expected.contains(id)).count();
    long loggedTwice = logged.values().stream().filter(n -> n > 1).count();
    findings.check(missing == 0 && twice == 0 && unlogged == 0 && loggedTwice == 0,
        "notifications expected (delivery instances x recipients, per the notification log): " + expected.size()
            + ", arrived once: " + once + ", missing: " + missing + ", arrived more than once: " + twice
            + ", arrived without a log entry: " + unlogged + ", logged twice: " + loggedTwice
            + " (emails received: " + received.size() + ")");
    if (twice > 0 && loggedTwice == 0) {
      findings.info("each message that arrived more than once carries one Message-ID and has one DELIVERED entry: it was"
          + " resent by a retry after the relay had accepted it but before the log recorded it (the node died in between)");
    }
    long running = db.deliveriesRunning();
    long incidents = db.incidents();
    findings.check(running == 0 && incidents == 0, "deliveries in the notification log: " + db.deliveries()
        + ", delivery instances still running: " + running + ", incidents: " + incidents);
  }

  /** Every answer across the drill is one of {@code allowed} (0 = no answer, only while the node was down). */
  static void checkAnswers(Findings findings, StaffClients staff, Set<Integer> allowed) {
    Map<Integer, Long> statuses = staff.statuses();
    long wrong = statuses.entrySet().stream().filter(e -> !allowed.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue).sum();
    long serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
        .mapToLong(Map.Entry::getValue).sum();
    findings.check(wrong == 0, "answers by status (0 = no answer): " + statuses + "; 5xx other than 503: "
        + serverErrors + ", answers other than " + allowed + ": " + wrong);
  }

  static String messageId(MimeMessage mail) {
    try {
      String id = mail.getMessageID();
      return id == null ? "(none)" : id.replaceAll("^<|@.*$", "");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls a condition (a drill waits for the node, never for a fixed time); false if it did not hold in time. */
  static boolean await(Duration limit, Condition condition) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return true;
      }
      Thread.sleep(500);
    }
    return condition.holds();
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  static Map<String, String> env(String... keyValues) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return env;
  }

  static void sleep(Duration duration) throws InterruptedException {
    step("... " + duration.toSeconds() + " s");
    Thread.sleep(duration.toMillis());
  }

  private FaultDrills() {}
}
