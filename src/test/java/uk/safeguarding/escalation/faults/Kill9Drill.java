package uk.safeguarding.escalation.faults;

import static uk.safeguarding.escalation.faults.Findings.step;

import java.net.http.HttpResponse;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import uk.safeguarding.escalation.support.Http;

/**
 * kill -9 under load: four practitioners raise and work cases; an administrator re-dates the
 * pending deadline timers so that some fall due before the kill, some while the node is down and
 * some after its restart; the node is killed mid-flight and started again while staff carry on.
 * Then: every start answered 200 is a case, every completion answered 204 is in history, every
 * re-dated deadline fired exactly once (those due in the downtime at start-up), every notification
 * arrived exactly once.
 */
final class Kill9Drill {

  static final Duration BEFORE_REDATING = Duration.ofSeconds(40);
  /** From the start of the re-dating to the kill: re-dating {@link #TIMERS} over REST takes ~10 s under the load. */
  static final Duration REDATED_TO_KILL = Duration.ofSeconds(30);
  /** Timers re-dated, a third each before the kill, in the downtime, after the restart. */
  static final int TIMERS = 90;
  static final Duration AFTER_RESTART = Duration.ofSeconds(30);
  /** Due this long after the kill: during the downtime (the restart takes ~15-30 s). */
  static final Duration DUE_IN_DOWNTIME = Duration.ofSeconds(3);
  /** Due this long after the kill: after the restart. */
  static final Duration DUE_AFTER_RESTART = Duration.ofSeconds(75);

  record Deadline(String jobId, String caseId, String activityId, long due) {}

  Findings run() throws Exception {
    Findings findings = new Findings();
    System.out.println("\n== kill -9 under load (PostgreSQL) ==");
    try (Stack stack = new Stack("drill-kill9", Map.of())) {
      step("starting the node");
      stack.node.start();
      step("node up in " + stack.node.lastStartUp().toSeconds() + " s; 4 practitioners start working cases");
      StaffClients staff = new StaffClients(stack.node.port(), 4, 100).start();
      FaultDrills.sleep(BEFORE_REDATING);

      long killAt = System.currentTimeMillis() + REDATED_TO_KILL.toMillis();
      List<Deadline> deadlines;
      try (Records db = new Records(stack.postgres)) {
        deadlines = redate(db, Http.anonymous(stack.node.port()).as("admin", "demo"), staff, killAt, findings);
      }
      step("administrator re-dated " + deadlines.size() + " deadline timers: now, kill + "
          + DUE_IN_DOWNTIME.toSeconds() + " s, kill + " + DUE_AFTER_RESTART.toSeconds() + " s");
      findings.check(System.currentTimeMillis() < killAt, "re-dating done before the planned kill");
      Thread.sleep(Math.max(0, killAt - System.currentTimeMillis()));

      long pid = stack.node.pid();
      stack.node.kill();
      long killedAt = System.currentTimeMillis();
      step("kill -9 " + pid + "; starting the node again (staff keep trying)");
      stack.node.start();
      long upAt = System.currentTimeMillis();
      step("node up again after " + (upAt - killedAt) / 1000 + " s");
      FaultDrills.sleep(AFTER_RESTART);
      staff.stop();
      step("staff stopped; waiting for the deadlines and notifications to be done");

      try (Records db = new Records(stack.postgres)) {
        List<String> jobIds = deadlines.stream().map(Deadline::jobId).toList();
        boolean drained = FaultDrills.await(Duration.ofMinutes(4), () ->
            db.count("select count(*) from act_ru_job where id_ = any(?)", jobIds) == 0 && db.deliveriesRunning() == 0);
        findings.check(drained, "re-dated timers and notification deliveries all done within 4 minutes");
        FaultDrills.checkAnswers(findings, staff, Set.of(200, 204, 0)); // 0: while the node was down
        FaultDrills.checkCases(findings, db, staff);
        checkDeadlines(findings, db, deadlines, killedAt, upAt);
        FaultDrills.checkNotifications(findings, db, stack.smtp.received());
      }
    }
    return findings;
  }

  /** Every timer of the cases staff are done with, re-dated as an administrator would over REST. */
  private List<Deadline> redate(Records db, Http admin, StaffClients staff, long killAt, Findings findings) throws Exception {
    List<String[]> timers = db.rows("select j.id_, j.process_instance_id_, d.act_id_ from act_ru_job j"
        + " join act_ru_jobdef d on d.id_ = j.job_def_id_ where j.type_ = 'timer' and j.process_instance_id_ = any(?)"
        + " order by j.id_ limit " + TIMERS, List.copyOf(staff.settledCases));
    SimpleDateFormat restDate = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    long now = System.currentTimeMillis();
    long[] dues = {now, killAt + DUE_IN_DOWNTIME.toMillis(), killAt + DUE_AFTER_RESTART.toMillis()};
    List<Deadline> deadlines = new ArrayList<>();
    java.util.Map<Integer, Integer> refused = new TreeMap<>();
    for (int i = 0; i < timers.size(); i++) {
      String[] timer = timers.get(i);
      long due = dues[i % dues.length];
      HttpResponse<String> answer = admin.send("PUT", "/engine-rest/job/" + timer[0] + "/duedate",
          "{\"duedate\": \"" + restDate.format(new Date(due)) + "\"}");
      if (answer.statusCode() == 204) {
        deadlines.add(new Deadline(timer[0], timer[1], timer[2], due));
      } else {
        refused.merge(answer.statusCode(), 1, Integer::sum);
      }
    }
    findings.check(refused.isEmpty(), "timers of " + staff.settledCases.size() + " cases staff are done with re-dated: "
        + deadlines.size() + ", refused (by status): " + refused);
    return deadlines;
  }

  private void checkDeadlines(Findings findings, Records db, List<Deadline> deadlines, long killedAt, long upAt)
      throws Exception {
    Map<String, int[]> byPhase = new TreeMap<>(); // phase -> pending, once, never, more than once
    long latestStartUpFiring = 0;
    for (Deadline deadline : deadlines) {
      String phase = deadline.due() < killedAt ? "1 due before the kill" : deadline.due() < upAt
          ? "2 due while the node was down" : "3 due after the restart";
      List<String[]> fired = db.rows("select start_time_ from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?",
          deadline.caseId(), deadline.activityId());
      int[] counts = byPhase.computeIfAbsent(phase, p -> new int[4]);
      counts[0]++;
      counts[fired.size() == 1 ? 1 : fired.isEmpty() ? 2 : 3]++;
      if (phase.startsWith("2") && fired.size() == 1) {
        long at = java.sql.Timestamp.valueOf(fired.get(0)[0]).getTime();
        latestStartUpFiring = Math.max(latestStartUpFiring, at - upAt);
      }
    }
    byPhase.forEach((phase, c) -> findings.check(c[2] == 0 && c[3] == 0, "deadlines " + phase.substring(2) + ": "
        + c[0] + ", fired once: " + c[1] + ", never: " + c[2] + ", more than once: " + c[3]));
    findings.info("the deadlines due while the node was down fired by " + latestStartUpFiring / 1000
        + " s after it answered again (jobs locked by the killed node wait for their lock, "
        + Long.parseLong(Stack.LOCK_TIME_MILLIS) / 1000 + " s here)");
  }
}
