package uk.safeguarding.escalation.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.RunningApp;

/**
 * How fast an auditor's Cockpit pages answer with many finished cases: fills a fresh database with
 * N finished North Somerset cases through the engine (started by staff, recorded and resolved at
 * stage 1, one in ten past a missed deadline), then times the Cases list, its CSV and the board's
 * figures as the Cockpit plugin calls them with an auditor's session. Prints a table; exits 1 if a
 * figure is wrong (not for slowness: the table says whether the 1 s target was met).
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=uk.safeguarding.escalation.bench.CockpitBenchmark [-Dexec.args="10000 postgres"]</pre>
 */
public final class CockpitBenchmark {

  static final String PLUGIN = "/camunda/api/cockpit/plugin/escalation/default";
  static final String[] AGENCIES = {"police", "health", "la-adults"};
  static final String[] CATEGORIES = {"thresholds", "assessment-outcome", "decision-making", "information-sharing", "other"};
  static final String[] RISKS = {"standard", "standard", "standard", "significant-harm"};
  static final int RUNS = 20;

  public static void main(String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    boolean postgres = args.length < 2 || !args[1].equals("h2");
    EmbeddedPostgres pg = postgres ? EmbeddedPostgres.start() : null;
    Path data = RunningApp.newDataDir();
    // the job executor stays off: the notifications the cases ask for wait as jobs instead of
    // competing with the fill; the pages timed here read none of them
    List<String> props = new ArrayList<>(List.of("escalation.data-dir=" + data, "escalation.notification.channel=log",
        "camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN", "logging.level.uk.safeguarding=WARN"));
    if (pg != null) {
      props.add("spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"));
      props.add("spring.datasource.username=postgres");
      props.add("spring.datasource.password=postgres");
    }
    int exit = 0;
    try (RunningApp app = RunningApp.start("demo", props.toArray(String[]::new))) {
      long t0 = System.nanoTime();
      fill(app.engine(), cases);
      double fillSeconds = (System.nanoTime() - t0) / 1e9;

      Http auditor = Http.anonymous(app.port());
      if (auditor.webappLogin("cockpit", "nssab.auditor", "demo").statusCode() != 200) {
        throw new IllegalStateException("auditor login failed");
      }
      String total = auditor.get(PLUGIN + "/cases?maxResults=1").body();
      if (!total.contains("\"total\":" + cases)) {
        System.err.println("WRONG: the Cases list does not count " + cases + " cases: " + total);
        exit = 1;
      }
      String figures = auditor.get(PLUGIN + "/monitoring").body();
      if (!figures.contains("\"total\":" + cases) || !figures.contains("{\"key\":\"resolved\",\"count\":" + cases + "}")) {
        System.err.println("WRONG: the figures do not count " + cases + " resolved cases");
        exit = 1;
      }
      System.out.printf("%nCockpit with %d finished cases on %s (filled in %.0f s, %.0f cases/s)%n", cases,
          postgres ? "PostgreSQL (embedded)" : "H2 (file)", fillSeconds, cases / fillSeconds);
      System.out.printf("%-52s %8s %8s %8s %8s%n", "request (auditor's session)", "p50 ms", "p95 ms", "max ms", "≤1 s");
      Map<String, String> requests = new java.util.LinkedHashMap<>();
      requests.put("Cases list, first page (newest first)", "/cases");
      requests.put("Cases list, filtered + sorted by reference", "/cases?breached=true&raisingAgency=police&sort=caseReference&order=asc");
      requests.put("Cases list, page 100", "/cases?firstResult=4950&maxResults=50");
      requests.put("Board monitoring figures (all cases)", "/monitoring");
      java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
      java.time.LocalDate quarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
      requests.put("Board monitoring, this quarter's cases", "/monitoring?openedFrom=" + quarter + "&openedTo=" + today);
      requests.put("Cases CSV export (every case)", "/cases/csv");
      requests.put("Figures CSV export", "/monitoring/csv");
      for (Map.Entry<String, String> r : requests.entrySet()) {
        long[] ms = time(auditor, PLUGIN + r.getValue());
        System.out.printf("%-52s %8d %8d %8d %8s%n", r.getKey(), ms[0], ms[1], ms[2], ms[1] <= 1000 ? "yes" : "NO");
      }
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
    System.exit(exit);
  }

  /** N cases by several staff at once, as the engine would see them from Tasklist. */
  static void fill(ProcessEngine engine, int n) throws Exception {
    Map<String, List<String>> groups = new HashMap<>();
    for (String agency : AGENCIES) {
      String user = "nssab." + agency + ".practitioner";
      groups.put(user, engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    }
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        Random random = new Random(42 + thread);
        for (int i = thread; i < n; i += 4) {
          oneCase(engine, groups, random, i);
          int k = done.incrementAndGet();
          if (k % 1000 == 0) {
            System.out.printf("  %d cases%n", k);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  static void oneCase(ProcessEngine engine, Map<String, List<String>> groups, Random random, int i) {
    String raising = AGENCIES[i % AGENCIES.length];
    String user = "nssab." + raising + ".practitioner";
    Map<String, Object> start = new HashMap<>();
    start.put("caseReference", "BENCH-" + i);
    start.put("subjectType", "adult");
    start.put("raisingAgency", raising);
    start.put("receivingAgency", AGENCIES[(i + 1) % AGENCIES.length]);
    start.put("receivingPractitionerName", "Receiving practitioner");
    start.put("disagreementCategory", CATEGORIES[random.nextInt(CATEGORIES.length)]);
    start.put("disputeSummary", "Benchmark case");
    start.put("riskLevel", RISKS[random.nextInt(RISKS.length)]);
    engine.getIdentityService().setAuthentication(user, groups.get(user));
    try {
      String id = engine.getRuntimeService().startProcessInstanceByKey("nssab-escalation", "BENCH-" + i, start).getId();
      if (i % 10 == 0) {
        // the stage's deadline passes before it is recorded: the reminder timer fires
        for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(id).timers().list()) {
          engine.getManagementService().executeJob(timer.getId());
        }
      }
      Task discussion = engine.getTaskService().createTaskQuery().processInstanceId(id).taskAssignee(user).singleResult();
      engine.getTaskService().complete(discussion.getId(), Map.of("contactType", "phone", "contactBetween", "Both practitioners",
          "discussionSummary", "Discussed", "stageOutcome", "resolved"));
      Task learning = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
      engine.getTaskService().complete(learning.getId(), Map.of("learningIdentified", "no"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** p50, p95, max over {@link #RUNS} calls after three warm-ups. */
  static long[] time(Http http, String path) {
    for (int i = 0; i < 3; i++) {
      check(http.get(path), path);
    }
    long[] ms = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      check(http.get(path), path);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    java.util.Arrays.sort(ms);
    return new long[] {ms[RUNS / 2], ms[(int) Math.ceil(0.95 * RUNS) - 1], ms[RUNS - 1]};
  }

  static void check(HttpResponse<String> response, String path) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
  }

  private CockpitBenchmark() {}
}
