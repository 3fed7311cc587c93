package uk.safeguarding.escalation.bench;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.safeguarding.vanilla.VanillaCamunda;
import uk.safeguarding.vanilla.VanillaProcess;
import uk.safeguarding.escalation.support.AppProcess;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;

/**
 * The two engines measured side by side: ours (the packaged jar, North Somerset's diagram, forms
 * validated, notifications by email through the outbox) and vanilla Camunda running a process of
 * the same shape. Each knows how to start a node and how a REST client drives one case.
 */
enum Engine {

  OURS {
    @Override
    AppProcess node(String name, Map<String, String> env) {
      return AppProcess.jar(name, JVM, env);
    }

    @Override
    String startCase(Clients clients, int i) {
      String agency = AGENCIES[Math.floorMod(i, AGENCIES.length)];
      String body = NssabCases.startBody("BENCH-" + i, "standard")
          .replace("\"raisingAgency\": {\"value\": \"police\"", "\"raisingAgency\": {\"value\": \"" + agency + "\"")
          .replace("\"receivingAgency\": {\"value\": \"la-adults\"",
              "\"receivingAgency\": {\"value\": \"" + AGENCIES[Math.floorMod(i + 1, AGENCIES.length)] + "\"");
      return id(clients.as("nssab." + agency + ".practitioner").post(NssabCases.START, body), "start " + i);
    }

    @Override
    void lifecycle(Clients clients, int i) {
      // police raises against adult social care; escalated through every stage, settled by mediation
      String id = id(clients.as("nssab.police.practitioner").post(NssabCases.START, NssabCases.startBody("LIFE-" + i, "standard")),
          "start LIFE-" + i);
      work(clients, id, "nssab.police.practitioner", NssabCases.stageRecord("escalate"));
      work(clients, id, "nssab.police.line-manager", NssabCases.stageRecord("escalate"));
      work(clients, id, "nssab.police.second-tier-manager", NssabCases.stageRecord("escalate"));
      work(clients, id, "nssab.police.senior-manager", NssabCases.monitoringForm("escalate"));
      work(clients, id, "nssab.police.board-rep", NssabCases.monitoringForm("escalate"));
      work(clients, id, "nssab.business-manager", """
          {"variables": {"routeDecision": {"value": "mediation", "type": "String"},
            "routeDecisionReason": {"value": "Both agencies willing to meet", "type": "String"}}}""");
      work(clients, id, "nssab.business-manager", """
          {"variables": {"mediationDate": {"value": "2026-04-17", "type": "String"},
            "mediationParticipants": {"value": "Police and adult social care managers", "type": "String"},
            "mediationOutcome": {"value": "Discussed with a mediator", "type": "String"},
            "stageOutcome": {"value": "resolved", "type": "String"}}}""");
      work(clients, id, "nssab.business-manager", NssabCases.single("monitoringFormDistributed", "true", "Boolean"));
      work(clients, id, "nssab.police.practitioner", NssabCases.single("learningIdentified", "\"no\"", "String"));
    }
  },

  VANILLA {
    @Override
    AppProcess node(String name, Map<String, String> env) {
      return AppProcess.mainClass(name, VanillaCamunda.class, JVM, env);
    }

    @Override
    String startCase(Clients clients, int i) {
      return id(clients.as(ADMIN).post(START, startBody(i, AGENCIES[Math.floorMod(i, AGENCIES.length)])), "start " + i);
    }

    /** Deadlines as ours sets them for a case raised now: the stage tomorrow, the whole case in a week. */
    private static String startBody(int i, String agency) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      return """
          {"businessKey": "BENCH-%d", "variables": {
            "caseReference": {"value": "BENCH-%d", "type": "String"},
            "raisingAgency": {"value": "%s", "type": "String"},
            "stageDeadline": {"value": "%s", "type": "String"},
            "caseDeadline": {"value": "%s", "type": "String"}}}
          """.formatted(i, i, agency, now.plus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS));
    }

    /**
     * The same people as ours, each under Camunda's authorization checks (a Camunda admin is never
     * checked): police raises it, each stage's manager escalates it, the business manager settles it.
     */
    @Override
    void lifecycle(Clients clients, int i) {
      String raiser = "nssab.police.practitioner";
      String id = id(clients.as(raiser).post(START, startBody(-1 - i, "police")), "start LIFE-" + i);
      for (String role : STAGE_ROLES) {
        work(clients, id, "nssab.police." + role, "{\"variables\": {\"stageOutcome\": {\"value\": \"escalate\"}}}");
      }
      work(clients, id, BUSINESS_MANAGER, "{\"variables\": {\"routeDecision\": {\"value\": \"mediation\"}}}");
      work(clients, id, BUSINESS_MANAGER, "{\"variables\": {\"stageOutcome\": {\"value\": \"resolved\"}}}");
      work(clients, id, BUSINESS_MANAGER, "{\"variables\": {}}");
      work(clients, id, raiser, "{\"variables\": {\"learningIdentified\": {\"value\": \"no\"}}}");
    }

    /**
     * Vanilla's users for the lifecycles, as its admin would set them up (its REST API): the same IDs
     * and groups as ours; every staff member may start the process; tasks reach them through
     * Camunda's default grants to a task's assignee and candidate groups.
     */
    @Override
    void staff(AppProcess node) {
      Http admin = node.http().as(ADMIN, QueriesAtScale.PASSWORD);
      List<String> groups = new ArrayList<>(List.of(STAFF_GROUP, "nssab-police", "nssab-business-manager"));
      STAGE_ROLES.stream().skip(1).forEach(role -> groups.add("nssab-police-" + role));
      for (String group : groups) {
        expect(admin.post("/engine-rest/group/create", "{\"id\":\"" + group + "\",\"name\":\"" + group
            + "\",\"type\":\"WORKFLOW\"}"), 204, "group " + group);
      }
      for (String role : STAGE_ROLES) {
        QueriesAtScale.Vanilla.user(admin, "nssab.police." + role, STAFF_GROUP, "nssab-police",
            role.equals("practitioner") ? null : "nssab-police-" + role);
      }
      QueriesAtScale.Vanilla.user(admin, BUSINESS_MANAGER, STAFF_GROUP, "nssab-business-manager", null);
      // resource types: 6 process definition, 8 process instance
      QueriesAtScale.Vanilla.grant(admin, STAFF_GROUP, 6, VanillaProcess.KEY, "READ", "CREATE_INSTANCE");
      QueriesAtScale.Vanilla.grant(admin, STAFF_GROUP, 8, "*", "CREATE");
    }
  };

  /** Who works each of the five stages, as ours: the raiser, then the raising agency's managers. */
  static final List<String> STAGE_ROLES = List.of("practitioner", "line-manager", "second-tier-manager", "senior-manager",
      "board-rep");
  static final String BUSINESS_MANAGER = "nssab.business-manager";
  static final String STAFF_GROUP = "nssab";

  static final String[] AGENCIES = {"police", "health", "la-adults"};
  static final String ADMIN = "admin";
  static final String START = "/engine-rest/process-definition/key/" + VanillaProcess.KEY + "/start";
  /** Every node, ours and vanilla: the heap a small production container would give it. */
  static final List<String> JVM = jvm();

  /**
   * -Xmx512m, plus BENCH_NODE_JVM_OPTIONS (space-separated) to look inside a node, e.g. a profile:
   * {@code BENCH_NODE_JVM_OPTIONS=-XX:StartFlightRecording=settings=profile,filename=target/bench/jfr/}.
   */
  private static List<String> jvm() {
    List<String> options = new java.util.ArrayList<>(List.of("-Xmx512m"));
    String extra = System.getenv("BENCH_NODE_JVM_OPTIONS");
    if (extra != null && !extra.isBlank()) {
      options.addAll(List.of(extra.trim().split("\\s+")));
    }
    return List.copyOf(options);
  }

  abstract AppProcess node(String name, Map<String, String> env);

  /** Raises case i (its stage-1 deadline timer and whole-case timer are then waiting); returns its ID. */
  abstract String startCase(Clients clients, int i);

  /** One case from start, escalated through every stage, to resolution, as staff drive it over REST. */
  abstract void lifecycle(Clients clients, int i);

  /** Sets up the users {@link #lifecycle} works as; ours has them from its demo identities. */
  void staff(AppProcess node) {}

  String label() {
    return name().toLowerCase();
  }

  /** As staff do in Tasklist: find the case's task, claim it if nobody has, submit its form (again if asked). */
  static void work(Clients clients, String caseId, String userId, String form) {
    Http user = clients.as(userId);
    HttpResponse<String> tasks = user.get("/engine-rest/task?processInstanceId=" + caseId);
    String body = tasks.body();
    int at = body.indexOf("\"id\":\"");
    if (tasks.statusCode() != 200 || at < 0) {
      throw new IllegalStateException(userId + " finds no task on " + caseId + ": " + tasks.statusCode() + " " + body);
    }
    String taskId = body.substring(at + 6, body.indexOf('"', at + 6));
    if (body.contains("\"assignee\":null")) {
      expect(user.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + userId + "\"}"), 204, "claim");
    }
    HttpResponse<String> submitted = user.post("/engine-rest/task/" + taskId + "/submit-form", form);
    for (int again = 0; submitted.statusCode() == 409 && again < 3; again++) {
      submitted = user.post("/engine-rest/task/" + taskId + "/submit-form", form);
    }
    expect(submitted, 204, userId + " submits " + taskId);
  }

  static String id(HttpResponse<String> started, String what) {
    expect(started, 200, what);
    String body = started.body();
    int at = body.indexOf("\"id\":\"");
    return body.substring(at + 6, body.indexOf('"', at + 6));
  }

  static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
    }
  }

  /** One HTTP client per user and thread (each keeps its connections), all to one node or round-robin to several. */
  static final class Clients {
    private final List<Integer> ports;
    private final Map<String, Http> byUser = new LinkedHashMap<>();
    private int next;

    Clients(List<Integer> ports) {
      this.ports = new ArrayList<>(ports);
    }

    Http as(String user) {
      String key = user + "@" + ports.get(next++ % ports.size());
      return byUser.computeIfAbsent(key, k -> Http.anonymous(Integer.parseInt(k.substring(k.indexOf('@') + 1)))
          .as(user, "demo"));
    }
  }
}
