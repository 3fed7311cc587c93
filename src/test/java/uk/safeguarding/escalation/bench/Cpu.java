package uk.safeguarding.escalation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process from /proc (Linux): how much work a figure cost, whatever else ran on the machine. */
final class Cpu {

  /** USER_HZ, the unit of /proc/[pid]/stat times; 100 on every mainstream Linux. */
  static final double TICKS = 100.0;

  private Cpu() {}

  /** utime + stime (and, with {@code children}, cutime + cstime of waited-for children) in seconds; NaN off Linux. */
  static double seconds(long pid, boolean children) {
    String[] f = fields(pid);
    if (f == null) {
      return Double.NaN;
    }
    // fields after the command name: state is [0], utime [11], stime [12], cutime [13], cstime [14]
    double ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    if (children) {
      ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    return ticks / TICKS;
  }

  static long parent(long pid) {
    String[] f = fields(pid);
    return f == null ? -1 : Long.parseLong(f[1]);
  }

  private static String[] fields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
