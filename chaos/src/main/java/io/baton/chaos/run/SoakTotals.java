package io.baton.chaos.run;

import io.baton.chaos.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a soak: schedules run and failed, violations by kind, and percentiles of the client-observed
 * recovery times over all steps.
 */
public final class SoakTotals {
  private int schedules;
  private int failed;
  private int faults;
  private long writes;
  private final List<String> failedRuns = new ArrayList<>();
  private final Map<String, Integer> violations = new TreeMap<>();
  private final List<Long> recoveries = new ArrayList<>();

  public synchronized void add(RunReport r) {
    schedules++;
    writes += r.acknowledgedWrites();
    faults += (int) r.steps().stream().filter(s -> s.skipped().isEmpty()).count();
    if (!r.passed()) {
      failed++;
      failedRuns.add(r.runId() + " (seed " + r.seed() + "): " + r.verdict());
    }
    r.violationKinds().forEach(k -> violations.merge(k, 1, Integer::sum));
    recoveries.addAll(r.recoveryTimes());
  }

  /** A run that could not even start counts as failed. */
  public synchronized void addBroken(long seed, String why) {
    schedules++;
    failed++;
    failedRuns.add("seed " + seed + ": " + why);
  }

  public synchronized int schedules() {
    return schedules;
  }

  public synchronized int failed() {
    return failed;
  }

  public synchronized Map<String, Integer> violations() {
    return Map.copyOf(violations);
  }

  /** The p-th percentile (nearest rank) of the recovery times in ms, or -1 without any. */
  public synchronized long percentile(double p) {
    return percentile(recoveries, p);
  }

  static long percentile(List<Long> values, double p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  public synchronized String render() {
    StringBuilder s = new StringBuilder();
    s.append(String.format("soak totals: %d schedules, %d failed, %d faults injected, %d writes acknowledged%n",
        schedules, failed, faults, writes));
    s.append(String.format("violations: %s%n", violations.isEmpty() ? "none" : violations));
    s.append(String.format("write recovery after a fault (ms, %d samples): p50 %d, p90 %d, p99 %d, max %d%n",
        recoveries.size(), percentile(50), percentile(90), percentile(99), percentile(100)));
    failedRuns.forEach(f -> s.append("  failed: ").append(f).append('\n'));
    return s.toString();
  }
}
