package uk.safeguarding.escalation.faults;

import java.util.ArrayList;
import java.util.List;

/** What a drill checked, printed as it goes; any failed check makes the command end with 1. */
final class Findings {

  private final List<String> failures = new ArrayList<>();

  /** Prints the line; counts it as a failure unless {@code ok}. */
  void check(boolean ok, String line) {
    System.out.println((ok ? "  ok    " : "  FAIL  ") + line);
    if (!ok) {
      failures.add(line);
    }
  }

  void info(String line) {
    System.out.println("        " + line);
  }

  static void step(String line) {
    System.out.printf("[%tT] %s%n", System.currentTimeMillis(), line);
  }

  boolean passed() {
    return failures.isEmpty();
  }

  List<String> failures() {
    return failures;
  }
}
