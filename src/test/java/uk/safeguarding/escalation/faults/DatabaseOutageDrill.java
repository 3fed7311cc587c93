package uk.safeguarding.escalation.faults;

import static uk.safeguarding.escalation.faults.Findings.step;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import uk.safeguarding.escalation.support.Http;

/**
 * PostgreSQL stopped for 30 s under light load: while it is down every request is answered 503
 * within 2 s and health says DOWN; when it is back the same node (no restart) serves again by
 * itself, and no case answered 200 or completion answered 204 is lost.
 */
final class DatabaseOutageDrill {

  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final long QUICK_MILLIS = 2000;

  Findings run() throws Exception {
    Findings findings = new Findings();
    System.out.println("\n== PostgreSQL outage of " + OUTAGE.toSeconds() + " s under light load ==");
    try (Stack stack = new Stack("drill-db-outage", Map.of())) {
      step("starting the node");
      stack.node.start();
      long pid = stack.node.pid();
      StaffClients staff = new StaffClients(stack.node.port(), 2, 300).start();
      HealthWatch health = new HealthWatch(stack.node.http());
      health.start();
      step("node up; 2 practitioners working cases, health polled every 0.5 s");
      FaultDrills.sleep(Duration.ofSeconds(15));

      long down = System.currentTimeMillis();
      stack.postgres.stop();
      step("PostgreSQL stopped");
      FaultDrills.sleep(OUTAGE);
      long restarting = System.currentTimeMillis(); // PostgreSQL may answer before start() returns
      stack.postgres.start();
      long up = System.currentTimeMillis();
      step("PostgreSQL started again");
      boolean recovered = FaultDrills.await(Duration.ofSeconds(60), () -> staff.answers.stream()
          .anyMatch(a -> a.what().equals("start") && a.sentAt() > up && a.status() == 200));
      long recoveredAt = staff.answers.stream().filter(a -> a.what().equals("start") && a.sentAt() > up && a.status() == 200)
          .mapToLong(StaffClients.Answer::answeredAt).min().orElse(-1);
      FaultDrills.sleep(Duration.ofSeconds(15));
      staff.stop();
      health.stopWatching();
      health.join();
      step("staff stopped; waiting for the notification deliveries");

      // while it was down: sent after the connections had dropped, answered before it was started again
      List<StaffClients.Answer> during = staff.answers.stream()
          .filter(a -> a.sentAt() > down + 500 && a.answeredAt() < restarting).toList();
      Map<Integer, Long> statuses = new TreeMap<>();
      during.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
      long slowest = during.stream().mapToLong(StaffClients.Answer::millis).max().orElse(0);
      findings.check(!during.isEmpty() && statuses.keySet().equals(java.util.Set.of(503)),
          "requests while PostgreSQL was down: " + during.size() + ", by status (0 = no answer): " + statuses);
      findings.check(slowest <= QUICK_MILLIS, "slowest answer while it was down: " + slowest + " ms (limit " + QUICK_MILLIS + ")");
      List<HealthWatch.Poll> healthDuring = health.polls.stream()
          .filter(p -> p.sentAt() > down + 500 && p.answeredAt() < restarting).toList();
      Map<Integer, Long> healthStatuses = new TreeMap<>();
      healthDuring.forEach(p -> healthStatuses.merge(p.status(), 1L, Long::sum));
      findings.check(!healthDuring.isEmpty() && healthStatuses.keySet().equals(java.util.Set.of(503)),
          "/actuator/health while it was down: " + healthDuring.size() + " polls, by status: " + healthStatuses
              + " (503 = DOWN), slowest "
              + healthDuring.stream().mapToLong(p -> p.answeredAt() - p.sentAt()).max().orElse(0) + " ms");
      HealthWatch.Poll last = health.polls.stream().reduce((a, b) -> b).orElseThrow();
      findings.check(recovered && last.status() == 200 && stack.node.isAlive() && stack.node.pid() == pid,
          "same node (pid " + pid + ", not restarted) serving again: first case started "
              + (recoveredAt < 0 ? "never" : (recoveredAt - up) + " ms") + " after PostgreSQL was back; health now " + last.status());
      FaultDrills.checkAnswers(findings, staff, Set.of(200, 204, 503));
      try (Records db = new Records(stack.postgres)) {
        boolean drained = FaultDrills.await(Duration.ofMinutes(3), () -> db.deliveriesRunning() == 0);
        findings.check(drained, "notification deliveries all done within 3 minutes (the job executor resumed by itself)");
        FaultDrills.checkCases(findings, db, staff);
        FaultDrills.checkNotifications(findings, db, stack.smtp.received());
      }
    }
    return findings;
  }

  /** Polls /actuator/health as a load balancer would. */
  static final class HealthWatch extends Thread {
    record Poll(long sentAt, long answeredAt, int status) {}

    final ConcurrentLinkedQueue<Poll> polls = new ConcurrentLinkedQueue<>();
    private final Http http;
    private volatile boolean running = true;

    HealthWatch(Http http) {
      super("health-watch");
      this.http = http;
    }

    @Override
    public void run() {
      while (running) {
        long sent = System.currentTimeMillis();
        int status;
        try {
          HttpResponse<String> answer = http.get("/actuator/health");
          status = answer.statusCode();
        } catch (RuntimeException e) {
          status = 0;
        }
        polls.add(new Poll(sent, System.currentTimeMillis(), status));
        StaffClients.pause(500);
      }
    }

    void stopWatching() {
      running = false;
    }
  }
}
