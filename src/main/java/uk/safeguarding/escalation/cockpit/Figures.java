package uk.safeguarding.escalation.cockpit;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;

/**
 * What the procedures ask boards to watch, computed from the case summaries: counts and working
 * days only — no names, no dispute text. Quarters are London calendar quarters.
 */
public final class Figures {

  /** The stage from which a case has left the agencies for the partnership (panel, scrutineer, chief officers, board). */
  public static final int TOP_LEVEL_STAGE = 4;

  public record Count(String key, long count) {}
  public record Pair(String raising, String receiving, long count) {}
  public record StageCount(String processKey, Integer stage, long count) {}
  public record Resolution(String processKey, int resolvedCases, Double medianWorkingDays, Integer p90WorkingDays) {}
  public record Quarter(String quarter, long opened, long resolved, long breaches) {}

  public record Result(long total, List<Count> byState, List<StageCount> resolvedAtStage, List<StageCount> stageReached,
                       List<Resolution> timeToResolution, List<StageCount> breachesPerStage, List<Pair> agencies,
                       List<Count> categories, List<Count> riskLevels, List<Count> topLevel, long learningReferred,
                       List<Quarter> quarters) {}

  private long total;
  private final Map<String, Long> byState = new TreeMap<>();
  private final Map<String, Long> resolvedAt = new TreeMap<>();
  private final Map<String, Long> reached = new TreeMap<>();
  private final Map<String, List<Integer>> workingDays = new TreeMap<>();
  private final Map<String, Long> agencies = new TreeMap<>();
  private final Map<String, Long> categories = new TreeMap<>();
  private final Map<String, Long> risks = new TreeMap<>();
  private final Map<String, Long> top = new TreeMap<>();
  private long learning;
  private final TreeMap<String, long[]> quarters = new TreeMap<>();

  public void add(CaseSummaries.Row row) {
    total++;
    byState.merge(row.state(), 1L, Long::sum);
    if (row.resolvedAtStage() != null) {
      resolvedAt.merge(row.processKey() + "|" + row.resolvedAtStage(), 1L, Long::sum);
    }
    if (row.highestStage() != null) {
      reached.merge(row.processKey() + "|" + row.highestStage(), 1L, Long::sum);
      if (row.highestStage() >= TOP_LEVEL_STAGE) {
        top.merge(row.processKey(), 1L, Long::sum);
      }
    }
    if (CaseState.RESOLVED.code.equals(row.state()) && row.workingDaysToResolution() != null) {
      workingDays.computeIfAbsent(row.processKey(), k -> new ArrayList<>()).add(row.workingDaysToResolution());
    }
    agencies.merge(nz(row.raisingAgency()) + "|" + nz(row.receivingAgency()), 1L, Long::sum);
    categories.merge(nz(row.category()), 1L, Long::sum);
    risks.merge(nz(row.riskLevel()), 1L, Long::sum);
    if (row.learningReferred()) {
      learning++;
    }
    if (row.openedAt() != null) {
      quarter(row.openedAt())[0]++;
    }
    if (CaseState.RESOLVED.code.equals(row.state()) && row.closedAt() != null) {
      quarter(row.closedAt())[1]++;
    }
  }

  public Result result(Collection<CaseSummaries.Breach> breaches) {
    Map<String, Long> perStage = new TreeMap<>();
    for (CaseSummaries.Breach b : breaches) {
      perStage.merge(b.processKey() + "|" + (b.stage() == null ? "" : b.stage()), 1L, Long::sum);
      if (b.breachedAt() != null) {
        quarter(b.breachedAt())[2]++;
      }
    }
    List<Resolution> resolution = new ArrayList<>();
    workingDays.forEach((key, days) -> {
      days.sort(Integer::compare);
      resolution.add(new Resolution(key, days.size(), median(days), percentile(days, 90)));
    });
    List<Pair> pairs = new ArrayList<>();
    agencies.forEach((k, n) -> pairs.add(new Pair(k.split("\\|", -1)[0], k.split("\\|", -1)[1], n)));
    return new Result(total, counts(byState), stages(resolvedAt), stages(reached), resolution, stages(perStage), pairs,
        counts(categories), counts(risks), counts(top), learning, filledQuarters());
  }

  static Double median(List<Integer> sorted) {
    if (sorted.isEmpty()) {
      return null;
    }
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  /** Nearest rank: the smallest value with at least p % of the cases at or below it. */
  static Integer percentile(List<Integer> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private long[] quarter(Instant at) {
    ZonedDateTime london = at.atZone(WorkingDayCalendar.ZONE);
    String q = london.getYear() + " Q" + ((london.getMonthValue() - 1) / 3 + 1);
    return quarters.computeIfAbsent(q, k -> new long[3]);
  }

  /** Every quarter from the first to the last, with zeros where nothing happened, so a trend reads right. */
  private List<Quarter> filledQuarters() {
    List<Quarter> out = new ArrayList<>();
    if (quarters.isEmpty()) {
      return out;
    }
    int year = Integer.parseInt(quarters.firstKey().substring(0, 4));
    int q = quarters.firstKey().charAt(6) - '0';
    String last = quarters.lastKey();
    while (true) {
      String key = year + " Q" + q;
      long[] n = quarters.getOrDefault(key, new long[3]);
      out.add(new Quarter(key, n[0], n[1], n[2]));
      if (key.equals(last) || out.size() > 400) {
        return out;
      }
      q = q == 4 ? 1 : q + 1;
      year = q == 1 ? year + 1 : year;
    }
  }

  private static List<Count> counts(Map<String, Long> map) {
    return map.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
  }

  private static List<StageCount> stages(Map<String, Long> map) {
    return map.entrySet().stream().map(e -> {
      String[] parts = e.getKey().split("\\|", -1);
      return new StageCount(parts[0], parts[1].isEmpty() ? null : Integer.valueOf(parts[1]), e.getValue());
    }).toList();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
