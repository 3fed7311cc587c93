package uk.safeguarding.escalation.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;

/**
 * North Somerset practitioners working over REST, one thread each, as staff (or their case system)
 * would: raise a case, then for one in three leave it at stage 1, record "resolved" (and the
 * learning), or record "escalate" so it waits for the line managers. Every answer is kept with its
 * time, and every start answered 200 and every completion answered 204 is remembered, to be looked
 * for in the database afterwards.
 */
final class StaffClients {

  static final String[] AGENCIES = {"police", "health", "la-adults"};
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request: when it was sent and answered (epoch ms), its status, or the failure if none came. */
  record Answer(String what, long sentAt, long answeredAt, int status, String failure) {
    long millis() {
      return answeredAt - sentAt;
    }
  }

  private final int port;
  private final int clients;
  private final long pauseMillis;
  private final String run = Long.toString(System.currentTimeMillis() % 100_000, 36);
  final Set<String> startedCases = ConcurrentHashMap.newKeySet();
  final Set<String> completedTasks = ConcurrentHashMap.newKeySet();
  /** Cases their practitioner has finished with (left at a stage or ended): nobody touches them again. */
  final Set<String> settledCases = ConcurrentHashMap.newKeySet();
  final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  StaffClients(int port, int clients, long pauseMillis) {
    this.port = port;
    this.clients = clients;
    this.pauseMillis = pauseMillis;
  }

  StaffClients start() {
    running = true;
    for (int c = 0; c < clients; c++) {
      String agency = AGENCIES[c % AGENCIES.length];
      Thread thread = new Thread(() -> work(agency), "staff-" + c);
      thread.start();
      threads.add(thread);
    }
    return this;
  }

  void stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private void work(String agency) {
    Http rest = Http.anonymous(port).as("nssab." + agency + ".practitioner", "demo");
    while (running) {
      int i = sequence.incrementAndGet();
      HttpResponse<String> started = call("start", () -> rest.post(NssabCases.START, startBody("DRILL-" + run + "-" + i, agency)));
      if (started != null && started.statusCode() == 200) {
        String caseId = field(started.body(), "id");
        startedCases.add(caseId);
        if (i % 3 == 1) {
          if (complete(rest, caseId, NssabCases.stageRecord("resolved"))) {
            complete(rest, caseId, NssabCases.single("learningIdentified", "\"no\"", "String"));
          }
        } else if (i % 3 == 2) {
          complete(rest, caseId, NssabCases.stageRecord("escalate"));
        }
        settledCases.add(caseId);
      }
      // a client whose request got no answer (node down) tries again a second later, not at once
      pause(started == null ? 1000 : pauseMillis);
    }
  }

  /** Submits the form of the practitioner's open task of the case, as Tasklist does. */
  private boolean complete(Http rest, String caseId, String form) {
    HttpResponse<String> tasks = call("task list", () -> rest.get("/engine-rest/task?processInstanceId=" + caseId));
    if (tasks == null || tasks.statusCode() != 200 || tasks.body().equals("[]")) {
      return false;
    }
    String taskId = field(tasks.body(), "id");
    HttpResponse<String> done = call("submit-form", () -> rest.post("/engine-rest/task/" + taskId + "/submit-form", form));
    if (done != null && done.statusCode() == 204) {
      completedTasks.add(taskId);
      return true;
    }
    return false;
  }

  private HttpResponse<String> call(String what, Supplier<HttpResponse<String>> request) {
    long sent = System.currentTimeMillis();
    try {
      HttpResponse<String> response = request.get();
      int status = response.statusCode();
      answers.add(new Answer(what, sent, System.currentTimeMillis(), status, null));
      if (status >= 300 && status != 503) {
        System.out.println("        " + what + " answered " + status + ": " + response.body());
      }
      return response;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      answers.add(new Answer(what, sent, System.currentTimeMillis(), 0, cause.getClass().getSimpleName()));
      return null;
    }
  }

  /** A start as a practitioner of this agency raises it, against the next agency. */
  static String startBody(String reference, String agency) {
    String receiving = AGENCIES[(List.of(AGENCIES).indexOf(agency) + 1) % AGENCIES.length];
    return NssabCases.startBody(reference, "standard")
        .replace("\"raisingAgency\": {\"value\": \"police\"", "\"raisingAgency\": {\"value\": \"" + agency + "\"")
        .replace("\"receivingAgency\": {\"value\": \"la-adults\"", "\"receivingAgency\": {\"value\": \"" + receiving + "\"");
  }

  static String field(String json, String name) {
    try {
      JsonNode node = JSON.readTree(json);
      return (node.isArray() ? node.get(0) : node).get(name).asText();
    } catch (Exception e) {
      throw new IllegalStateException("unexpected answer: " + json, e);
    }
  }

  /** Answers by status (0 = none came), e.g. {200=412, 204=380, 0=12}. */
  Map<Integer, Long> statuses() {
    Map<Integer, Long> counts = new java.util.TreeMap<>();
    answers.forEach(a -> counts.merge(a.status(), 1L, Long::sum));
    return counts;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
