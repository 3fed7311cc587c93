package uk.safeguarding.escalation.bench;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.safeguarding.escalation.support.AppProcess;
import uk.safeguarding.escalation.support.SmtpServer;

/**
 * The first working morning after a long weekend: a database holding N open cases whose stage
 * deadlines all passed over the weekend ({@link BenchDatabase#pastTheLongWeekend}); then the
 * node(s) start, as they would on that morning after a deployment or with their job executor
 * catching up. The storm is over when every due timer has fired (its boundary event is in history,
 * no due timer is left in ACT_RU_JOB) and, for ours, every breach email is in GreenMail and the
 * outbox is empty. Timed from the first timer firing (history) to that moment, so a node's own
 * start-up is not counted, only the work; checked for timers fired twice and duplicate emails.
 */
final class DeadlineStorm {

  static final Pattern BREACH_SUBJECT = Pattern.compile("Case (\\S+): stage (\\d) deadline passed");
  static final long TIMEOUT_MILLIS = 15 * 60_000;

  record Result(int cases, int nodes, double seconds, double secondsFromExec, long fired, long firedTwice,
                long dueLeft, long expectedEmails, long emails, long duplicateEmails, boolean complete, double heapMb) {

    double deadlinesPerSecond() {
      return cases / seconds;
    }
  }

  private DeadlineStorm() {}

  /**
   * Runs the storm on {@code nodes} nodes made by {@code node} (job executor on) against the filled
   * {@code database}. {@code heap}: before stopping, the first node's live heap after a full GC.
   */
  static Result run(Engine engine, BenchDatabase db, String database, int cases, int nodes, SmtpServer smtp,
      IntFunction<AppProcess> node, boolean heap) throws Exception {
    int due = db.pastTheLongWeekend(database);
    if (due != cases) {
      throw new IllegalStateException(database + ": " + due + " timers due after the long weekend, expected " + cases);
    }
    long expected = engine == Engine.OURS ? expectedBreachEmails(db, database, cases) : 0;
    smtp.clear();
    List<AppProcess> started = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      started.add(node.apply(n));
    }
    long exec = System.currentTimeMillis();
    // nodes start together, as a deployment would restart them
    startTogether(started);
    try (Connection c = db.connect(database)) {
      long fired = 0;
      long dueLeft = due;
      long jobsLeft = 0;
      int emails = 0;
      boolean complete = false;
      long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
      int polls = 0;
      while (System.currentTimeMillis() < deadline) {
        fired = BenchDatabase.count(c, "SELECT count(*) FROM act_hi_actinst WHERE act_type_ = 'boundaryTimer'");
        dueLeft = BenchDatabase.dueTimers(c);
        jobsLeft = BenchDatabase.count(c, "SELECT count(*) FROM act_ru_job WHERE type_ = 'message'");
        emails = smtp.received().size();
        if (fired >= cases && dueLeft == 0 && jobsLeft == 0 && emails >= expected) {
          complete = true;
          break;
        }
        if (++polls % 40 == 0) {
          System.out.printf("    %s, %d node(s): %d of %d timers fired, %d jobs queued, %d of %d emails%n",
              engine.label(), nodes, fired, cases, jobsLeft, emails, expected);
        }
        Thread.sleep(250); // polling a running system; the granularity is far below the figure
      }
      long end = System.currentTimeMillis();
      Timestamp first = BenchDatabase.timestamp(c, "SELECT min(start_time_) FROM act_hi_actinst WHERE act_type_ = 'boundaryTimer'");
      long firedTwice = BenchDatabase.count(c, "SELECT count(*) FROM (SELECT proc_inst_id_, act_id_ FROM act_hi_actinst"
          + " WHERE act_type_ = 'boundaryTimer' GROUP BY proc_inst_id_, act_id_ HAVING count(*) > 1) twice");
      double heapMb = heap ? heapAfterGc(started.get(0)) : Double.NaN;
      long duplicates = duplicateBreachEmails(smtp.received());
      started.forEach(AppProcess::stop);
      double seconds = (end - (first == null ? exec : first.getTime())) / 1000.0;
      return new Result(cases, nodes, seconds, (end - exec) / 1000.0, fired, firedTwice, dueLeft, expected, emails,
          duplicates, complete, heapMb);
    } finally {
      started.forEach(AppProcess::close);
    }
  }

  /** Starts the nodes at once, each from its own thread (not the common pool: one thread on 2 cores). */
  static void startTogether(List<AppProcess> nodes) throws Exception {
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (AppProcess p : nodes) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Thread t = new Thread(() -> {
        try {
          p.start();
          done.complete(null);
        } catch (RuntimeException e) {
          done.completeExceptionally(e);
        }
      }, "start-" + p);
      t.start();
      starts.add(done);
    }
    CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get();
  }

  /** Each case's breach goes to its stage owner (the raising practitioner) and the raising agency's line managers. */
  static long expectedBreachEmails(BenchDatabase db, String database, int cases) throws SQLException {
    Map<String, Long> perAgency = new HashMap<>();
    try (Connection c = db.connect(database);
         PreparedStatement p = c.prepareStatement("SELECT count(DISTINCT u.id_) FROM act_id_user u"
             + " JOIN act_id_membership m ON m.user_id_ = u.id_ WHERE u.email_ IS NOT NULL AND u.id_ <> ?"
             + " AND m.group_id_ = ?")) {
      for (String agency : Engine.AGENCIES) {
        p.setString(1, "nssab." + agency + ".practitioner");
        p.setString(2, "nssab-" + agency + "-line-manager");
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          perAgency.put(agency, 1 + rs.getLong(1));
        }
      }
    }
    long total = 0;
    for (int i = 0; i < cases; i++) {
      total += perAgency.get(Engine.AGENCIES[i % Engine.AGENCIES.length]);
    }
    return total;
  }

  /** Breach emails beyond the first per (case, stage, recipient). */
  static long duplicateBreachEmails(List<MimeMessage> received) {
    Map<String, Integer> seen = new HashMap<>();
    long duplicates = 0;
    for (MimeMessage mail : received) {
      Matcher m = BREACH_SUBJECT.matcher(String.valueOf(SmtpServer.subject(mail)));
      if (m.find() && seen.merge(m.group(1) + "|" + m.group(2) + "|" + SmtpServer.to(mail), 1, Integer::sum) > 1) {
        duplicates++;
      }
    }
    return duplicates;
  }

  /** Live heap after a full collection, as jcmd reports it (GC.run, then GC.heap_info). */
  static double heapAfterGc(AppProcess node) throws IOException, InterruptedException {
    jcmd(node.pid(), "GC.run");
    String info = jcmd(node.pid(), "GC.heap_info");
    Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
    return used.find() ? Long.parseLong(used.group(2)) / 1024.0 : Double.NaN;
  }

  static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }
}
