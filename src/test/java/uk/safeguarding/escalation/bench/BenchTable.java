package uk.safeguarding.escalation.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's printed result: one row per figure, ours beside vanilla Camunda measured in the
 * same run, their ratio, the target and whether it was met; plus the correctness checks (all
 * timers fired, no duplicate email), which decide the exit code.
 */
public final class BenchTable {

  /** How a figure compares: higher is better (throughput) or lower is better (latency, time). */
  public enum Better { HIGHER, LOWER }

  public record Row(String figure, String unit, double ours, double vanilla, Better better, String target, Boolean met) {

    /** ours / vanilla for throughput, vanilla / ours for times: above 1 means we are faster. */
    public double ratio() {
      if (Double.isNaN(vanilla) || vanilla == 0 || ours == 0) {
        return Double.NaN;
      }
      return better == Better.HIGHER ? ours / vanilla : vanilla / ours;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public synchronized void add(Row row) {
    rows.add(row);
  }

  /** A correctness check: a false one makes the run exit non-zero. */
  public synchronized void check(boolean ok, String what) {
    notes.add((ok ? "ok    " : "FAILED ") + what);
    if (!ok) {
      failures.add(what);
    }
  }

  public synchronized void note(String line) {
    notes.add("      " + line);
  }

  public synchronized boolean failed() {
    return !failures.isEmpty();
  }

  public synchronized void print(PrintStream out) {
    String format = "%-52s %-8s %12s %12s %8s  %-22s %s%n";
    out.printf(Locale.UK, format, "figure", "unit", "ours", "vanilla", "ratio", "target", "met");
    for (Row row : rows) {
      out.printf(Locale.UK, format, row.figure(), row.unit(), number(row.ours()), number(row.vanilla()),
          Double.isNaN(row.ratio()) ? "-" : String.format(Locale.UK, "%.2f×", row.ratio()), row.target(),
          row.met() == null ? "-" : row.met() ? "yes" : "NO");
    }
    out.println();
    notes.forEach(out::println);
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return value >= 100 ? String.format(Locale.UK, "%.0f", value) : String.format(Locale.UK, "%.2f", value);
  }
}
