package uk.safeguarding.escalation.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import uk.safeguarding.escalation.support.AppProcess;

/**
 * Case lifecycles per second: several REST clients at once, each driving cases from start through
 * every stage (escalated at each) to resolution by mediation, the Monitoring Form and learning.
 * Counted until the clients are done and, for ours, every notification those cases asked for has
 * left the outbox (no message job left): the work is not deferred out of the figure.
 */
final class Lifecycles {

  record Result(int lifecycles, int clients, double seconds, double clientSeconds) {
    double perSecond() {
      return lifecycles / seconds;
    }
  }

  private Lifecycles() {}

  static Result run(Engine engine, AppProcess node, BenchDatabase db, String database, int lifecycles, int clients)
      throws Exception {
    drive(engine, node, 2 * clients, clients, 1_000_000); // warm-up (JIT, pools, caches), not counted
    drain(db, database);
    long t0 = System.nanoTime();
    drive(engine, node, lifecycles, clients, 0);
    long clientsDone = System.nanoTime();
    drain(db, database);
    long t1 = System.nanoTime();
    return new Result(lifecycles, clients, (t1 - t0) / 1e9, (clientsDone - t0) / 1e9);
  }

  private static void drive(Engine engine, AppProcess node, int lifecycles, int clients, int offset) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        runs.add(pool.submit(() -> {
          Engine.Clients http = new Engine.Clients(List.of(node.port()));
          for (int i = next.getAndIncrement(); i < lifecycles; i = next.getAndIncrement()) {
            engine.lifecycle(http, offset + i);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits until no asynchronous job (notification delivery) is left. */
  static void drain(BenchDatabase db, String database) throws Exception {
    try (Connection c = db.connect(database)) {
      long deadline = System.currentTimeMillis() + 10 * 60_000;
      while (BenchDatabase.count(c, "SELECT count(*) FROM act_ru_job WHERE type_ = 'message'") > 0) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(database + ": notification jobs still queued after 10 minutes");
        }
        Thread.sleep(100); // polling the outbox of a running node
      }
    }
  }
}
