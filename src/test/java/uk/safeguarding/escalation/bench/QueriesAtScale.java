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
import uk.safeguarding.vanilla.VanillaProcess;
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
 * <pre>mvn -q -o -DskipTests package
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/bench/classpath)" \
 *   uk.safeguarding.escalation.bench.QueriesAtScale [100000 [150]]</pre>
 * (a plain java command, as bench/run uses: vanilla is a child JVM on this classpath).
 * Arguments: open cases (default 100 000), template cases per side (default 150).
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
  static final int SAMPLING_SECONDS = 40;
  static final double TARGET_MS = 100;
  /** What Tasklist posts for a filter's first page, sorted by due date (as the filter itself is). */
  static final String TASKLIST_LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"orQueries\":[],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";

  static final String FILTER = "Tasklist: My group's tasks by due date (15)";
  static final String FORM = "Tasklist: task form load (task, form, vars)";
  static final String CASES = "Cockpit: auditor's case list (newest 50)";
  static final String HISTORY = "Cockpit: a case's history";

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
    int templates = Math.min(cases, args.length > 1 ? Integer.parseInt(args[1]) : 150);
    int copies = Math.max(0, cases / templates - 1);
    int expected = templates * (copies + 1);
    try (StoppablePostgres pg = new StoppablePostgres().start()) {
      tune(pg);
      BenchDatabase db = new BenchDatabase(pg.port());
      db.create("queries_ours", null);
      db.create("queries_vanilla", null);
      Map<String, String> oursEnv = new LinkedHashMap<>(db.springEnvironment("queries_ours"));
      oursEnv.put("ESCALATION_NOTIFICATION_CHANNEL", "log");
      oursEnv.put("LOGGING_LEVEL_ROOT", "WARN");
      Map<String, String> vanillaEnv = new LinkedHashMap<>(db.springEnvironment("queries_vanilla"));
      vanillaEnv.put("LOGGING_LEVEL_ROOT", "WARN");
      try (AppProcess ours = Engine.OURS.node("queries-ours", oursEnv).start();
           AppProcess vanilla = Engine.VANILLA.node("queries-vanilla", vanillaEnv).start()) {
        long t0 = System.nanoTime();
        Vanilla.identities(vanilla);
        // both sides at once: the engines work while the other waits for its database
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
          Future<CloneFill.Result> oursFill = two.submit(() -> {
            double seconds = oursTemplates(ours, templates);
            System.out.printf(Locale.UK, "  ours: %d templates in %.0f s%n", templates, seconds);
            awaitNoPendingJobs(db.url("queries_ours"), OURS_KEY);
            return CloneFill.copy(db.url("queries_ours"), OURS_KEY, copies);
          });
          Future<CloneFill.Result> vanillaFill = two.submit(() -> {
            double seconds = Vanilla.templates(vanilla, templates);
            System.out.printf(Locale.UK, "  vanilla: %d templates in %.0f s%n", templates, seconds);
            awaitNoPendingJobs(db.url("queries_vanilla"), VanillaProcess.KEY);
            return CloneFill.copy(db.url("queries_vanilla"), VanillaProcess.KEY, copies);
          });
          CloneFill.Result o = oursFill.get();
          CloneFill.Result v = vanillaFill.get();
          double fillSeconds = (System.nanoTime() - t0) / 1e9;
          table.note(String.format(Locale.UK, "queries at scale: %,d open cases each side (%d templates through REST, %d copies"
              + " each in SQL: ours %.0f s, vanilla %.0f s); whole fill %.0f s", expected, templates, copies, o.seconds(),
              v.seconds(), fillSeconds));
        } finally {
          two.shutdown();
        }
        long oursHistory = historyRows(db.url("queries_ours"));
        long vanillaHistory = historyRows(db.url("queries_vanilla"));
        table.note(String.format(Locale.UK, "history rows (ACT_HI_*): ours %,d, vanilla %,d", oursHistory, vanillaHistory));

        Ours o = new Ours(ours, ours.http().as("admin", PASSWORD), expected);
        o.verify(table, oursHistory);
        Vanilla v = new Vanilla(vanilla, expected);
        v.verify(table, vanillaHistory);
        Map<String, Supplier<Long>> oursQueries = o.queries();
        Map<String, Supplier<Long>> vanillaQueries = v.queries();
        resetStatements(pg.jdbcUrl());
        for (String figure : oursQueries.keySet()) {
          // side by side: ours, then vanilla's equivalent, each after its own warm-up
          double[] oursMs = percentiles(oursQueries.get(figure));
          double[] vanillaMs = percentiles(vanillaQueries.get(figure));
          cancelRunaways(pg.jdbcUrl());
          add(table, figure, oursMs, vanillaMs);
          if (oursMs[2] < SAMPLES || vanillaMs[2] < SAMPLES) {
            table.note(String.format(Locale.UK, "%s: %.0f samples ours, %.0f vanilla (sampling stops after %d s)", figure,
                oursMs[2], vanillaMs[2], SAMPLING_SECONDS));
          }
        }
        slowestStatements(table, "ours", pg.jdbcUrl(), "queries_ours");
        slowestStatements(table, "vanilla", pg.jdbcUrl(), "queries_vanilla");
        hold(pg);
      }
    }
  }

  static void add(BenchTable table, String figure, double[] ours, double[] vanilla) {
    table.add(new BenchTable.Row(figure + ", p50", "ms", ours[0], vanilla[0], BenchTable.Better.LOWER, "p95 ≤ 100 ms", null));
    table.add(new BenchTable.Row(figure + ", p95", "ms", ours[1], vanilla[1], BenchTable.Better.LOWER, "p95 ≤ 100 ms",
        ours[1] <= TARGET_MS));
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

  /**
   * Statements still running for requests the client gave up on (30 s timeout) would slow the next
   * figure: they are cancelled, as PostgreSQL's statement_timeout would in production.
   */
  static void cancelRunaways(String jdbcUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
         ResultSet rs = c.createStatement().executeQuery("select count(pg_cancel_backend(pid)) from pg_stat_activity"
             + " where state = 'active' and pid <> pg_backend_pid() and datname like 'queries_%'"
             + " and now() - query_start > interval '5 seconds'")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        System.out.println("  cancelled " + rs.getLong(1) + " statements left running by timed-out requests");
      }
    }
  }

  /** Forgets the statements so far (the fill's), so the statistics are the timed reads'. */
  static void resetStatements(String jdbcUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
      c.createStatement().execute("select pg_stat_statements_reset()");
    }
  }

  /** The statements the timed reads spent most time in (total), as notes under the table. */
  static void slowestStatements(BenchTable table, String side, String jdbcUrl, String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
         ResultSet rs = c.createStatement().executeQuery("select s.calls, s.mean_exec_time, s.rows,"
             + " regexp_replace(s.query, '\\s+', ' ', 'g') from pg_stat_statements s join pg_database d on d.oid = s.dbid"
             + " where d.datname = '" + database + "' and s.calls >= 10 order by s.total_exec_time desc limit 5")) {
      while (rs.next()) {
        String sql = rs.getString(4);
        table.note(String.format(Locale.UK, "%s SQL: %6.1f ms mean × %5d calls = %6.1f s: %s", side, rs.getDouble(2), rs.getLong(1), rs.getDouble(2) * rs.getLong(1) / 1000,
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
  /** Tasklist's first page of a saved filter, as both engines' webapps serve it. */
  static Supplier<Long> filterPage(Http staff, String filterId) {
    return () -> timed(() ->
        ok(staff.postHalWithCsrf(ENGINE_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=15", TASKLIST_LIST_BODY), "filter"));
  }

  static final class Ours {
    final AppProcess app;
    final Http admin;
    final int expected;
    final Http staff;
    final Http auditor;
    final String filterId;
    final List<String> taskIds = new ArrayList<>();
    final List<String> caseIds = new ArrayList<>();

    Ours(AppProcess app, Http admin, int expected) throws Exception {
      this.app = app;
      this.admin = admin;
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
      q.put(FILTER, filterPage(staff, filterId));
      int[] t = {0};
      q.put(FORM, () -> {
        String id = taskIds.get(t[0]++ % taskIds.size());
        return timed(() -> {
          ok(staff.get(ENGINE_API + "/task/" + id, "application/hal+json"), "task");
          ok(staff.get(ENGINE_API + "/task/" + id + "/deployed-form"), "deployed form");
          ok(staff.get(ENGINE_API + "/task/" + id + "/form-variables"), "form variables");
        });
      });
      q.put(CASES, () -> timed(() ->
          ok(auditor.get(CockpitBenchmark.PLUGIN + "/cases?sort=openedAt&order=desc&firstResult=0&maxResults=50"), "cases")));
      int[] c = {0};
      q.put(HISTORY, () -> {
        String id = caseIds.get(c[0]++ % caseIds.size());
        return timed(() -> ok(auditor.get(CockpitBenchmark.PLUGIN + "/case-history/" + id), "case history"));
      });
      return q;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // vanilla's side

  /**
   * Vanilla Camunda (issue-17-bench's VanillaCamunda, authorizations on, Camunda's defaults) with
   * what its Tasklist and Cockpit users would have: the same user and group ids as ours (created
   * through its REST API as its admin), application access, CREATE_INSTANCE for staff,
   * READ_HISTORY for the auditor, and the same saved "My group's tasks" filter. Tasks are visible
   * through Camunda's default per-task grants to their candidate groups, as ours.
   */
  static final class Vanilla {
    static final String STAFF_GROUP = "nssab";
    final AppProcess app;
    final Http admin;
    final int expected;
    final Http staff;
    final Http auditor;
    final String filterId;
    final List<String> taskIds = new ArrayList<>();
    final List<String> caseIds = new ArrayList<>();

    Vanilla(AppProcess app, int expected) {
      this.app = app;
      this.admin = app.http().as("admin", PASSWORD);
      this.expected = expected;
      staff = app.http();
      check(staff.webappLogin("tasklist", STAFF, PASSWORD), "vanilla tasklist login");
      auditor = app.http();
      check(auditor.webappLogin("cockpit", AUDITOR, PASSWORD), "vanilla cockpit login");
      filterId = json(ok(admin.get("/engine-rest/filter?resourceType=Task&name="
          + URLEncoder.encode("My group's tasks", StandardCharsets.UTF_8)), "filters")).get(0).path("id").asText();
    }

    static void identities(AppProcess app) {
      Http admin = app.http().as("admin", PASSWORD);
      List<String> groups = new ArrayList<>(List.of(STAFF_GROUP, "nssab-auditor"));
      for (String agency : AGENCIES) {
        groups.addAll(List.of("nssab-" + agency, "nssab-" + agency + "-line-manager", "nssab-" + agency + "-second-tier-manager"));
      }
      for (String group : groups) {
        ok(admin.post("/engine-rest/group/create", "{\"id\":\"" + group + "\",\"name\":\"" + group + "\",\"type\":\"WORKFLOW\"}"),
            "group " + group);
      }
      for (String agency : AGENCIES) {
        for (String role : List.of("practitioner", "line-manager", "second-tier-manager")) {
          user(admin, "nssab." + agency + "." + role, STAFF_GROUP, "nssab-" + agency,
              role.equals("practitioner") ? null : "nssab-" + agency + "-" + role);
        }
      }
      user(admin, AUDITOR, "nssab-auditor", null, null);
      // resource types: 0 application, 5 filter, 6 process definition, 8 process instance
      grant(admin, STAFF_GROUP, 0, "tasklist", "ACCESS");
      grant(admin, STAFF_GROUP, 6, VanillaProcess.KEY, "READ", "CREATE_INSTANCE");
      grant(admin, STAFF_GROUP, 8, "*", "CREATE");
      grant(admin, "nssab-auditor", 0, "cockpit", "ACCESS");
      grant(admin, "nssab-auditor", 6, VanillaProcess.KEY, "READ", "READ_HISTORY");
      String filter = """
          {"resourceType": "Task", "name": "My group's tasks",
           "query": {"candidateGroupsExpression": "${currentUserGroups()}", "sorting": [{"sortBy": "dueDate", "sortOrder": "asc"}]},
           "properties": {"description": "Unclaimed tasks offered to my groups", "priority": -20, "refresh": true,
             "variables": [{"name": "caseReference", "label": "Case"}, {"name": "currentStage", "label": "Stage"}]}}""";
      String id = json(ok(admin.post("/engine-rest/filter/create", filter), "vanilla filter")).path("id").asText();
      grant(admin, STAFF_GROUP, 5, id, "READ");
    }

    static void user(Http admin, String id, String... groups) {
      ok(admin.post("/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Bench\",\"lastName\":\""
          + id + "\",\"email\":\"" + id + "@example.org\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}"), "user " + id);
      for (String group : groups) {
        if (group != null) {
          ok(admin.send("PUT", "/engine-rest/group/" + group + "/members/" + id, null), "member " + id);
        }
      }
    }

    static void grant(Http admin, String group, int resourceType, String resourceId, String... permissions) {
      ok(admin.post("/engine-rest/authorization/create", "{\"type\":1,\"permissions\":[\"" + String.join("\",\"", permissions)
          + "\"],\"groupId\":\"" + group + "\",\"resourceType\":" + resourceType + ",\"resourceId\":\"" + resourceId + "\"}"),
          "grant " + group);
    }

    /** The same templates as ours ({@link #oursTemplate}): raised by staff, the same depths. */
    static double templates(AppProcess app, int n) throws Exception {
      long t0 = System.nanoTime();
      Http admin = app.http().as("admin", PASSWORD);
      for (int i = 0; i < n; i++) {
        String raising = AGENCIES[i % AGENCIES.length];
        String receiving = AGENCIES[(i + 1) % AGENCIES.length];
        Http practitioner = app.http().as("nssab." + raising + ".practitioner", PASSWORD);
        String reference = "QAS-" + i;
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String start = """
            {"businessKey": "%s", "variables": {
              "caseReference": {"value": "%s", "type": "String"},
              "subjectType": {"value": "adult", "type": "String"},
              "raisingAgency": {"value": "%s", "type": "String"},
              "receivingAgency": {"value": "%s", "type": "String"},
              "receivingPractitionerName": {"value": "Receiving practitioner", "type": "String"},
              "disagreementCategory": {"value": "%s", "type": "String"},
              "disputeSummary": {"value": "Benchmark case", "type": "String"},
              "riskLevel": {"value": "%s", "type": "String"},
              "stageDeadline": {"value": "%s", "type": "String"},
              "caseDeadline": {"value": "%s", "type": "String"}}}
            """.formatted(reference, reference, raising, receiving, CockpitBenchmark.CATEGORIES[i % CockpitBenchmark.CATEGORIES.length],
            CockpitBenchmark.RISKS[i % CockpitBenchmark.RISKS.length], now.plus(1, java.time.temporal.ChronoUnit.DAYS),
            now.plus(7, java.time.temporal.ChronoUnit.DAYS));
        String id = json(ok(practitioner.post(Engine.START, start), "vanilla start " + reference)).path("id").asText();
        int depth = (i / AGENCIES.length) % 6;
        if (depth == 1) {
          JsonNode timers = json(admin.get("/engine-rest/job?timers=true&processInstanceId=" + id + "&sortBy=jobDueDate&sortOrder=asc"));
          ok(admin.post("/engine-rest/job/" + timers.get(0).path("id").asText() + "/execute", "{}"), "vanilla timer " + reference);
        }
        for (int stage = 0; stage < (depth < 2 ? 0 : depth < 5 ? 1 : 2); stage++) {
          JsonNode task = json(admin.get("/engine-rest/task?processInstanceId=" + id)).get(0);
          ok(admin.post("/engine-rest/task/" + task.path("id").asText() + "/complete",
              "{\"variables\": {\"stageOutcome\": {\"value\": \"escalate\"}}}"), "vanilla stage of " + reference);
        }
      }
      return (System.nanoTime() - t0) / 1e9;
    }

    void verify(BenchTable table, long history) {
      long open = json(ok(admin.get("/engine-rest/process-instance/count?processDefinitionKey=" + VanillaProcess.KEY), "count")).path("count").asLong();
      table.check(open == expected, "vanilla: the engine counts " + open + " open cases, the fill made " + expected);
      table.check(history >= 10L * expected, String.format(Locale.UK, "vanilla: %,d history rows (≥ 10 per case)", history));
      // the group's tasks as the admin sees them (no authorization check): the tasks to open
      String group = "/engine-rest/task?candidateGroup=nssab-police-line-manager&sortBy=dueDate&sortOrder=asc";
      long count = json(ok(admin.get("/engine-rest/task/count?candidateGroup=nssab-police-line-manager"), "count")).path("count").asLong();
      for (int first = 0; first < count && taskIds.size() < 200; first += Math.max(15, (int) (count / 13))) {
        json(ok(admin.get(group + "&maxResults=15&firstResult=" + first), "vanilla tasks")).forEach(t -> taskIds.add(t.path("id").asText()));
      }
      try {
        JsonNode page = json(ok(staff.postHalWithCsrf(ENGINE_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
            TASKLIST_LIST_BODY), "vanilla filter list"));
        table.check(page.path("_embedded").path("task").size() == 15 && page.path("count").asLong() == count,
            "vanilla: " + STAFF + "'s \"My group's tasks\" lists 15 of " + page.path("count").asLong() + " tasks");
      } catch (RuntimeException slow) {
        // not a wrong answer: no answer within the client's 30 s (the table shows the time)
        table.note("vanilla: " + STAFF + "'s \"My group's tasks\" gave no answer within 30 s (" + count + " tasks in the group): " + slow);
      }
      String copy = taskIds.stream().filter(id -> id.length() > 36).findFirst().orElse(null);
      JsonNode vars = copy == null ? JSON.nullNode()
          : json(ok(staff.get(ENGINE_API + "/task/" + copy + "/form-variables"), "vanilla form variables"));
      table.check(vars.path("caseReference").path("value").asText().matches("QAS-\\d+-\\d+"),
          "vanilla: a copied task's form variables load (case " + vars.path("caseReference").path("value").asText() + ")");
      long total = json(ok(auditor.get(ENGINE_API + "/history/process-instance/count?processDefinitionKey=" + VanillaProcess.KEY),
          "vanilla history count")).path("count").asLong();
      table.check(total == expected, "vanilla: the auditor's history counts " + total + " cases");
      for (int first = 0; first < expected && caseIds.size() < 200; first += Math.max(50, expected / 10)) {
        json(ok(auditor.get(ENGINE_API + "/history/process-instance?sortBy=startTime&sortOrder=desc&maxResults=20&firstResult=" + first),
            "vanilla history")).forEach(c -> caseIds.add(c.path("id").asText()));
      }
      String copiedCase = caseIds.stream().filter(id -> id.length() > 36).findFirst().orElse(null);
      JsonNode activities = copiedCase == null ? JSON.nullNode()
          : json(ok(auditor.get(ENGINE_API + "/history/activity-instance?processInstanceId=" + copiedCase), "vanilla activities"));
      table.check(activities.size() >= 2, "vanilla: a copied case's history reads (" + activities.size() + " activities)");
    }

    /** The same figures' names as ours; what vanilla offers for each. */
    Map<String, Supplier<Long>> queries() {
      Map<String, Supplier<Long>> q = new LinkedHashMap<>();
      q.put(FILTER, filterPage(staff, filterId));
      int[] t = {0};
      q.put(FORM, () -> {
        String id = taskIds.get(t[0]++ % taskIds.size());
        // no Camunda Form in vanilla's diagram: Tasklist asks task/{id}/form instead of deployed-form
        return timed(() -> {
          ok(staff.get(ENGINE_API + "/task/" + id, "application/hal+json"), "task");
          ok(staff.get(ENGINE_API + "/task/" + id + "/form"), "form");
          ok(staff.get(ENGINE_API + "/task/" + id + "/form-variables"), "form variables");
        });
      });
      q.put(CASES, () -> timed(() -> {
        ok(auditor.get(ENGINE_API + "/history/process-instance?sortBy=startTime&sortOrder=desc&firstResult=0&maxResults=50"), "history");
        ok(auditor.get(ENGINE_API + "/history/process-instance/count"), "history count");
      }));
      int[] c = {0};
      q.put(HISTORY, () -> {
        String id = caseIds.get(c[0]++ % caseIds.size());
        return timed(() -> {
          ok(auditor.get(ENGINE_API + "/history/process-instance/" + id), "instance");
          ok(auditor.get(ENGINE_API + "/history/activity-instance?processInstanceId=" + id + "&sortBy=startTime&sortOrder=asc"), "activities");
          ok(auditor.get(ENGINE_API + "/history/variable-instance?processInstanceId=" + id), "variables");
        });
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

  /**
   * p50 and p95 (nearest rank) of up to {@link #SAMPLES} samples after {@link #WARM_UP} unrecorded
   * ones; a query that takes longer gets fewer (sampling stops after {@link #SAMPLING_SECONDS}, at
   * least 3 samples), and a request that fails (e.g. the client's 30 s timeout) counts as 30 s.
   */
  static double[] percentiles(Supplier<Long> sample) {
    long stop = System.nanoTime() + SAMPLING_SECONDS * 1_000_000_000L;
    for (int i = 0; i < WARM_UP && System.nanoTime() < stop; i++) {
      if (safely(sample) > SAMPLING_SECONDS * 250_000_000L) {
        break; // a quarter of the budget for one call: warm enough
      }
    }
    stop = System.nanoTime() + SAMPLING_SECONDS * 1_000_000_000L;
    List<Long> nanos = new ArrayList<>();
    while (nanos.size() < SAMPLES && (nanos.size() < 3 || System.nanoTime() < stop)) {
      nanos.add(safely(sample));
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = sorted.length;
    return new double[] {sorted[(int) Math.ceil(0.50 * n) - 1] / 1e6, sorted[(int) Math.ceil(0.95 * n) - 1] / 1e6, n};
  }

  private static long safely(Supplier<Long> sample) {
    try {
      return sample.get();
    } catch (RuntimeException e) {
      System.out.println("  a sample failed: " + e);
      return 30_000_000_000L;
    }
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
