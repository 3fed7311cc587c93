package uk.safeguarding.escalation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import uk.safeguarding.escalation.support.AppProcess;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.StoppablePostgres;

/**
 * Issue 17, "queries at scale": with 100 000 open cases (and over a million history rows) in
 * PostgreSQL, how fast do the reads people wait for answer, ours beside vanilla Camunda 7.24 in the
 * same run on the same server (one database each): Tasklist's "My group's tasks" filter sorted by
 * due date, a task's form load, the auditor's Cases list and one case's history.
 *
 * <p>The fill: a few hundred template cases through the engine's REST API as staff would raise
 * them (some a stage further, some past a missed deadline), then {@link CloneFill} copies them in
 * SQL up to the requested number of cases (a benchmark fill, see there). The copies are checked
 * through the engine's API before anything is timed.
 *
 * <pre>mvn -q -o -DskipTests package && mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=uk.safeguarding.escalation.bench.QueriesAtScale [-Dexec.args="100000 250"]</pre>
 * Arguments: open cases (default 100 000), template cases per side (default 250).
 */
public final class QueriesAtScale {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String OURS_KEY = "nssab-escalation";
  static final String ENGINE_API = "/camunda/api/engine/engine/default";
  /** The line managers of this agency are the staff member whose group's tasks are listed. */
  static final String STAFF = "nssab.police.line-manager";
  static final String AUDITOR = "nssab.auditor";
  static final String PASSWORD = "demo";
  static final int WARM_UP = 5;
  static final int SAMPLES = 60;
  static final double TARGET_MS = 100;
  /** What Tasklist posts for a filter's first page, sorted by due date (as the filter itself is). */
  static final String TASKLIST_LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"orQueries\":[],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";

  public static void main(String[] args) {
    BenchTable table = new BenchTable();
    try {
      run(table, args);
    } catch (Exception e) {
      e.printStackTrace();
      table.check(false, "queries at scale ran to the end (" + e + ")");
    }
    table.print(System.out);
    System.exit(table.failed() ? 1 : 0);
  }

  public static void run(BenchTable table, String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int templates = Math.min(cases, args.length > 1 ? Integer.parseInt(args[1]) : 250);
    int copies = Math.max(0, cases / templates - 1);
    int expected = templates * (copies + 1);
    try (StoppablePostgres pg = new StoppablePostgres().start()) {
      tune(pg);
      try (AppProcess ours = AppProcess.jar("queries-ours", List.of("-Xmx1g"), oursEnvironment(pg)).start()) {
        long t0 = System.nanoTime();
        Http admin = ours.http().as("admin", PASSWORD);
        double templateSeconds = oursTemplates(ours, templates);
        System.out.printf(Locale.UK, "  ours: %d templates in %.0f s%n", templates, templateSeconds);
        awaitNoPendingJobs(pg.jdbcUrl(), OURS_KEY);
        CloneFill.Result fill = CloneFill.copy(pg.jdbcUrl(), OURS_KEY, copies);
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        long history = historyRows(pg.jdbcUrl());
        table.note(String.format(Locale.UK, "queries at scale, ours: %,d open cases (%d templates through REST in %.0f s,"
            + " %d copies each in SQL in %.0f s), %,d history rows; fill %.0f s", expected, templates, templateSeconds,
            copies, fill.seconds(), history, fillSeconds));

        Ours o = new Ours(ours, admin, pg.jdbcUrl(), expected);
        o.verify(table, history);
        Map<String, Supplier<Long>> oursQueries = o.queries();
        // vanilla's side comes in here (issue-17-bench's vanilla Camunda)
        resetStatements(pg.jdbcUrl());
        for (Map.Entry<String, Supplier<Long>> q : oursQueries.entrySet()) {
          double[] ms = percentiles(q.getValue());
          add(table, q.getKey(), ms, new double[] {Double.NaN, Double.NaN});
        }
        slowestStatements(table, "ours", pg.jdbcUrl(), "postgres");
        hold(pg);
      }
    }
  }

  static void add(BenchTable table, String figure, double[] ours, double[] vanilla) {
    table.add(new BenchTable.Row(figure + ", p50", "ms", ours[0], vanilla[0], BenchTable.Better.LOWER, "p95 ≤ 100 ms", null));
    table.add(new BenchTable.Row(figure + ", p95", "ms", ours[1], vanilla[1], BenchTable.Better.LOWER, "p95 ≤ 100 ms",
        ours[1] <= TARGET_MS));
  }

  /** Our application as operations run it: the packaged jar, demo identities, PostgreSQL. */
  static Map<String, String> oursEnvironment(StoppablePostgres pg) {
    Map<String, String> env = new HashMap<>(pg.springEnvironment());
    env.put("SPRING_PROFILES_ACTIVE", "demo");
    env.put("ESCALATION_NOTIFICATION_CHANNEL", "log");
    env.put("ESCALATION_DATA_DIR", "target/queries-ours-data");
    env.put("LOGGING_LEVEL_ROOT", "WARN");
    return env;
  }

  /**
   * The embedded server's defaults are for tests (128 MB shared buffers); a production server has
   * more. Same settings for both databases; the server restarts to apply them.
   */
  static void tune(StoppablePostgres pg) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres")) {
      for (String setting : List.of("shared_buffers = '1GB'", "effective_cache_size = '4GB'", "work_mem = '16MB'",
          "max_wal_size = '4GB'", "checkpoint_timeout = '30min'", "random_page_cost = 1.1",
          // -Dqas.slow=200: the server logs every statement slower than that (with its plan's input)
          "log_min_duration_statement = " + Integer.getInteger("qas.slow", -1),
          // statistics of every statement, so the table can say which SQL a slow read spends its time in
          "shared_preload_libraries = 'pg_stat_statements'", "track_activity_query_size = 16384")) {
        c.createStatement().execute("alter system set " + setting);
      }
    }
    pg.stop();
    pg.start();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "postgres")) {
      c.createStatement().execute("create extension if not exists pg_stat_statements");
    }
  }

  /** Forgets the statements so far (the fill's), so the statistics are the timed reads'. */
  static void resetStatements(String jdbcUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
      c.createStatement().execute("select pg_stat_statements_reset()");
    }
  }

  /** The database's slowest statements (mean time) during the timed reads, as notes under the table. */
  static void slowestStatements(BenchTable table, String side, String jdbcUrl, String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
         ResultSet rs = c.createStatement().executeQuery("select s.calls, s.mean_exec_time, s.rows,"
             + " regexp_replace(s.query, '\\s+', ' ', 'g') from pg_stat_statements s join pg_database d on d.oid = s.dbid"
             + " where d.datname = '" + database + "' and s.calls >= 10 order by s.mean_exec_time desc limit 4")) {
      while (rs.next()) {
        String sql = rs.getString(4);
        table.note(String.format(Locale.UK, "%s SQL: %6.1f ms mean × %d calls: %s", side, rs.getDouble(2), rs.getLong(1),
            sql.length() > 160 ? sql.substring(0, 160) + " …" : sql));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // our side

  static final String[] AGENCIES = CockpitBenchmark.AGENCIES;

  /**
   * Template cases as staff raise them through the REST API, three agencies at once: of every six,
   * two wait at stage 1 (the practitioner's discussion), one of them after its deadline passed (the
   * timer run by hand, as Cockpit would), two at stage 1's line managers, one at stage 2 (second-tier
   * managers) after the line managers escalated it.
   */
  static double oursTemplates(AppProcess app, int n) throws Exception {
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(AGENCIES.length);
    List<Future<?>> futures = new ArrayList<>();
    for (int a = 0; a < AGENCIES.length; a++) {
      int agency = a;
      futures.add(pool.submit(() -> {
        for (int i = agency; i < n; i += AGENCIES.length) {
          oursTemplate(app, i);
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static void oursTemplate(AppProcess app, int i) throws Exception {
    String raising = AGENCIES[i % AGENCIES.length];
    String receiving = AGENCIES[(i + 1) % AGENCIES.length];
    Http practitioner = app.http().as("nssab." + raising + ".practitioner", PASSWORD);
    Http lineManager = app.http().as("nssab." + raising + ".line-manager", PASSWORD);
    String reference = "QAS-" + i;
    String start = """
        {"businessKey": "%s", "variables": {
          "caseReference": {"value": "%s", "type": "String"},
          "subjectType": {"value": "adult", "type": "String"},
          "raisingAgency": {"value": "%s", "type": "String"},
          "receivingAgency": {"value": "%s", "type": "String"},
          "receivingPractitionerName": {"value": "Receiving practitioner", "type": "String"},
          "disagreementCategory": {"value": "%s", "type": "String"},
          "disputeSummary": {"value": "Benchmark case", "type": "String"},
          "riskLevel": {"value": "%s", "type": "String"}}}
        """.formatted(reference, reference, raising, receiving, CockpitBenchmark.CATEGORIES[i % CockpitBenchmark.CATEGORIES.length],
        CockpitBenchmark.RISKS[i % CockpitBenchmark.RISKS.length]);
    String id = json(ok(practitioner.post(NssabCases.START, start), "start " + reference)).path("id").asText();
    int depth = (i / AGENCIES.length) % 6;
    if (depth == 1) {
      Http admin = app.http().as("admin", PASSWORD);
      // the earliest timer is stage 1's deadline (the case's overall one is later)
      JsonNode timers = json(admin.get("/engine-rest/job?timers=true&processInstanceId=" + id + "&sortBy=jobDueDate&sortOrder=asc"));
      ok(admin.post("/engine-rest/job/" + timers.get(0).path("id").asText() + "/execute", "{}"), "run a timer of " + reference);
    }
    if (depth < 2) {
      return;
    }
    JsonNode discussion = awaitTask(practitioner, id, "UserTask_DiscussWithOtherPractitioner");
    ok(practitioner.post("/engine-rest/task/" + discussion.path("id").asText() + "/complete", NssabCases.stageRecord("escalate")),
        "stage 1 of " + reference);
    JsonNode stage = awaitTask(lineManager, id, "UserTask_ResolveBetweenLineManagers");
    if (depth < 5) {
      return;
    }
    ok(lineManager.post("/engine-rest/task/" + stage.path("id").asText() + "/complete", NssabCases.stageRecord("escalate")),
        "line managers' stage of " + reference);
    awaitTask(app.http().as("nssab." + raising + ".second-tier-manager", PASSWORD), id, "UserTask_ResolveBetweenSecondTierManagers");
  }

  /** The task appears once the job executor has run the case's asynchronous continuation. */
  static JsonNode awaitTask(Http http, String processInstanceId, String key) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      JsonNode tasks = json(http.get("/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + key));
      if (tasks.size() == 1) {
        return tasks.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no " + key + " task in " + processInstanceId);
      }
      Thread.sleep(50); // polling another process's job executor
    }
  }

  /** Our side's reads, each a supplier of one timed sample in ms, and its correctness checks. */
  static final class Ours {
    final AppProcess app;
    final Http admin;
    final String jdbcUrl;
    final int expected;
    final Http staff;
    final Http auditor;
    final String filterId;
    final List<String> taskIds = new ArrayList<>();
    final List<String> caseIds = new ArrayList<>();

    Ours(AppProcess app, Http admin, String jdbcUrl, int expected) throws Exception {
      this.app = app;
      this.admin = admin;
      this.jdbcUrl = jdbcUrl;
      this.expected = expected;
      staff = app.http();
      check(staff.webappLogin("tasklist", STAFF, PASSWORD), "tasklist login");
      auditor = app.http();
      check(auditor.webappLogin("cockpit", AUDITOR, PASSWORD), "cockpit login");
      JsonNode filters = json(ok(staff.get(ENGINE_API + "/filter?resourceType=Task&name="
          + URLEncoder.encode("My group's tasks", StandardCharsets.UTF_8)), "filters"));
      filterId = filters.get(0).path("id").asText();
    }

    void verify(BenchTable table, long history) throws Exception {
      long open = json(ok(admin.get("/engine-rest/process-instance/count?processDefinitionKey=" + OURS_KEY), "count")).path("count").asLong();
      table.check(open == expected, "ours: the engine counts " + open + " open cases, the fill made " + expected);
      long historic = json(ok(admin.get("/engine-rest/history/process-instance/count?processDefinitionKey=" + OURS_KEY
          + "&unfinished=true"), "count")).path("count").asLong();
      table.check(historic == expected, "ours: history counts " + historic + " unfinished cases");
      table.check(history >= 10L * expected, String.format(Locale.UK, "ours: %,d history rows (≥ 10 per case)", history));

      // the filter as Tasklist lists it: first page, due dates ascending, copies among them
      JsonNode page = json(ok(staff.postHalWithCsrf(ENGINE_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
          TASKLIST_LIST_BODY), "filter list"));
      JsonNode tasks = page.path("_embedded").path("task");
      long count = page.path("count").asLong();
      table.check(tasks.size() == 15 && count > expected / 10,
          "ours: " + STAFF + "'s \"My group's tasks\" lists 15 of " + count + " tasks");
      List<String> dues = new ArrayList<>();
      tasks.forEach(t -> dues.add(t.path("due").asText()));
      table.check(dues.stream().sorted().toList().equals(dues), "ours: the filter's page is in due-date order " + dues.get(0) + " …");
      // tasks to open: from pages across the whole list, so most are copies
      for (int first = 0; first < count && taskIds.size() < 200; first += Math.max(15, (int) (count / 13))) {
        JsonNode p = json(ok(staff.postHalWithCsrf(ENGINE_API + "/filter/" + filterId + "/list?firstResult=" + first
            + "&maxResults=15", TASKLIST_LIST_BODY), "filter page"));
        p.path("_embedded").path("task").forEach(t -> taskIds.add(t.path("id").asText()));
      }
      String copy = taskIds.stream().filter(id -> id.length() > 36).findFirst().orElse(null);
      table.check(copy != null, "ours: the filter lists copied tasks (" + copy + ")");
      if (copy != null) {
        JsonNode form = json(ok(staff.get(ENGINE_API + "/task/" + copy + "/deployed-form"), "deployed form"));
        JsonNode vars = json(ok(staff.get(ENGINE_API + "/task/" + copy + "/form-variables"), "form variables"));
        table.check(form.path("id").asText().startsWith("nssab-") && vars.path("caseReference").path("value").asText().matches("QAS-\\d+-\\d+"),
            "ours: a copied task's form loads (" + form.path("id").asText() + ", case " + vars.path("caseReference").path("value").asText() + ")");
      }

      // the auditor's Cases list and a copied case's history
      JsonNode list = json(ok(auditor.get(CockpitBenchmark.PLUGIN + "/cases?sort=openedAt&order=desc&firstResult=0&maxResults=50"), "cases"));
      table.check(list.path("total").asLong() == expected, "ours: the auditor's Cases list counts " + list.path("total").asLong());
      for (int first = 0; first < expected && caseIds.size() < 200; first += Math.max(50, expected / 10)) {
        json(ok(auditor.get(CockpitBenchmark.PLUGIN + "/cases?sort=openedAt&order=desc&maxResults=20&firstResult=" + first), "cases"))
            .path("cases").forEach(c -> caseIds.add(c.path("id").asText()));
      }
      String copiedCase = caseIds.stream().filter(id -> id.length() > 36).findFirst().orElse(null);
      JsonNode history2 = copiedCase == null ? JSON.nullNode()
          : json(ok(auditor.get(CockpitBenchmark.PLUGIN + "/case-history/" + copiedCase), "case history"));
      table.check(copiedCase != null && history2.path("caseReference").asText().matches("QAS-\\d+-\\d+")
              && history2.path("stages").size() >= 2,
          "ours: a copied case's history reads (" + history2.path("caseReference").asText() + ", "
              + history2.path("stages").size() + " steps)");
    }

    Map<String, Supplier<Long>> queries() {
      Map<String, Supplier<Long>> q = new LinkedHashMap<>();
      q.put("Tasklist: My group's tasks by due date (15)", () -> timed(() ->
          ok(staff.postHalWithCsrf(ENGINE_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=15", TASKLIST_LIST_BODY), "filter")));
      int[] t = {0};
      q.put("Tasklist: task form load (task, form, vars)", () -> {
        String id = taskIds.get(t[0]++ % taskIds.size());
        return timed(() -> {
          ok(staff.get(ENGINE_API + "/task/" + id, "application/hal+json"), "task");
          ok(staff.get(ENGINE_API + "/task/" + id + "/deployed-form"), "deployed form");
          ok(staff.get(ENGINE_API + "/task/" + id + "/form-variables"), "form variables");
        });
      });
      q.put("Cockpit: auditor's Cases list (newest 50)", () -> timed(() ->
          ok(auditor.get(CockpitBenchmark.PLUGIN + "/cases?sort=openedAt&order=desc&firstResult=0&maxResults=50"), "cases")));
      int[] c = {0};
      q.put("Cockpit: a case's history", () -> {
        String id = caseIds.get(c[0]++ % caseIds.size());
        return timed(() -> ok(auditor.get(CockpitBenchmark.PLUGIN + "/case-history/" + id), "case history"));
      });
      return q;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // shared

  /** Waits until the templates' notification and async jobs have run: only timers are copied. */
  static void awaitNoPendingJobs(String jdbcUrl, String processKey) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      long pending = count(jdbcUrl, "select count(*) from act_ru_job where type_ <> 'timer' and process_instance_id_ in"
          + " (select id_ from act_hi_procinst where proc_def_key_ = '" + processKey + "')");
      if (pending == 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(pending + " jobs still pending before the copy");
      }
      Thread.sleep(200); // the app's job executor is working through them
    }
  }

  /** -Dqas.hold=600: keeps the filled database up that many seconds for EXPLAIN (tuning only). */
  static void hold(StoppablePostgres pg) throws InterruptedException {
    int seconds = Integer.getInteger("qas.hold", 0);
    if (seconds > 0) {
      System.out.println("holding " + pg.jdbcUrl() + " for " + seconds + " s");
      Thread.sleep(seconds * 1000L);
    }
  }

  static long historyRows(String jdbcUrl) throws SQLException {
    return count(jdbcUrl, "select (select count(*) from act_hi_procinst) + (select count(*) from act_hi_actinst)"
        + " + (select count(*) from act_hi_taskinst) + (select count(*) from act_hi_varinst)"
        + " + (select count(*) from act_hi_detail) + (select count(*) from act_hi_identitylink)"
        + " + (select count(*) from act_hi_op_log) + (select count(*) from act_hi_job_log)");
  }

  static long count(String jdbcUrl, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
         ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** p50 and p95 (nearest rank) of {@link #SAMPLES} samples after {@link #WARM_UP} unrecorded ones. */
  static double[] percentiles(Supplier<Long> sample) {
    for (int i = 0; i < WARM_UP; i++) {
      sample.get();
    }
    long[] nanos = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      nanos[i] = sample.get();
    }
    Arrays.sort(nanos);
    return new double[] {nanos[(int) Math.ceil(0.50 * SAMPLES) - 1] / 1e6, nanos[(int) Math.ceil(0.95 * SAMPLES) - 1] / 1e6};
  }

  static long timed(Runnable requests) {
    long t = System.nanoTime();
    requests.run();
    return System.nanoTime() - t;
  }

  static HttpResponse<String> ok(HttpResponse<String> response, String what) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  static void check(HttpResponse<String> response, String what) {
    ok(response, what);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private QueriesAtScale() {}
}
