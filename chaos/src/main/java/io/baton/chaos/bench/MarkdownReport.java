package io.baton.chaos.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report as markdown: one failover table per profile, the targets, steady state, haadmin, safety. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(BenchReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Failover benchmark: Baton vs Hadoop's ZKFC\n\n");
    md.append("- command: `").append(r.command).append("`\n");
    md.append("- run: ").append(r.started).append(" to ").append(r.finished == null ? "(not finished)" : r.finished)
        .append("\n");
    md.append("- machine: ").append(r.machine).append(String.format(", load average %.1f at start", r.loadAtStart))
        .append(r.finished == null ? "\n" : String.format(", %.1f at end%n", r.loadAtEnd));
    md.append("- time = fault to the first write acknowledged by the new active, as the client saw it "
        + "(client writes ").append(TrialRunner.WRITE_RATE).append("/s); percentiles are nearest-rank, "
        + "so with fewer than 100 trials p99 is the maximum\n");
    md.append("- new active = fault to the new active NameNode's own transition to ACTIVE (its status' "
        + "lastHaTransitionTime): the controllers' part, without the client's retry timing\n");
    md.append("- each fault comes after a random pause of up to one health-check interval (seeded), so that it "
        + "lands at any point of either controller's polling; before the timed trials of a scenario each controller "
        + "runs one warm-up trial (its first failover after a JVM start, which pays class loading), shown on its own "
        + "and left out of the percentiles\n");
    for (String profile : r.profiles()) {
      failoverTable(md, r, profile);
    }
    targets(md, r);
    steady(md, r);
    haadmin(md, r);
    safety(md, r);
    failures(md, r);
    return md.toString();
  }

  private static void failoverTable(StringBuilder md, BenchReport r, String profile) {
    md.append("\n## Failover time (ms), profile `").append(profile).append("`\n\n");
    md.append("| scenario | controller | trials | p50 | p90 | p99 | max | Baton/ZKFC p50 | Baton/ZKFC p99 "
        + "| new active p50 / p99 | Baton phases, median ms | warm-up (untimed) |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Scenario s : r.scenarios(profile)) {
      for (ControllerKind k : r.controllers()) {
        List<TrialResult> row = r.row(profile, s, k);
        if (row.isEmpty()) {
          continue;
        }
        long failed = row.stream().filter(t -> !t.ok()).count();
        String trials = row.size() + (failed > 0 ? " (" + failed + " failed)" : "");
        if (!s.expectsFailover()) {
          long failovers = row.stream().filter(TrialResult::failedOver).count();
          md.append(String.format("| %s | %s | %s | failovers: %d of %d | | | | | | | | |%n", s.cliName(),
              k.label(), trials, failovers, row.size()));
          continue;
        }
        Optional<Percentiles> p = r.percentiles(profile, s, k);
        String ratio50 = k == ControllerKind.BATON ? ratio(r, profile, s, Percentiles::p50) : "";
        String ratio99 = k == ControllerKind.BATON ? ratio(r, profile, s, Percentiles::p99) : "";
        String phases = r.medianPhases(profile, s, k).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
        String active = r.activePercentiles(profile, s, k).map(a -> a.p50() + " / " + a.p99()).orElse("-");
        String warmup = r.warmup(profile, s, k).map(t -> t.millis().map(ms -> ms + " ms").orElse("failed"))
            .orElse("-");
        md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", s.cliName(),
            k.label(), trials, num(p.map(Percentiles::p50)), num(p.map(Percentiles::p90)),
            num(p.map(Percentiles::p99)), num(p.map(Percentiles::max)), ratio50, ratio99, active, phases, warmup));
      }
    }
    processExit(md, r, profile);
  }

  /** The part of a kill's time that belongs to the kernel, not to either controller. */
  private static void processExit(StringBuilder md, BenchReport r, String profile) {
    List<String> parts = new java.util.ArrayList<>();
    for (Scenario s : r.scenarios(profile)) {
      for (ControllerKind k : r.controllers()) {
        r.exitPercentiles(profile, s, k).ifPresent(e -> parts.add(String.format("%s %s: p50 %d, max %d ms",
            s.cliName(), k.label(), e.p50(), e.max())));
      }
    }
    if (!parts.isEmpty()) {
      md.append("\nkill -9 to the killed NameNode's sockets closing (the kernel ending the process; no controller "
          + "can notice sooner), in every time above: ").append(String.join("; ", parts)).append(".\n");
    }
  }

  private static String ratio(BenchReport r, String profile, Scenario s,
      java.util.function.ToLongFunction<Percentiles> which) {
    Optional<Percentiles> b = r.percentiles(profile, s, ControllerKind.BATON);
    Optional<Percentiles> z = r.percentiles(profile, s, ControllerKind.ZKFC);
    if (b.isEmpty() || z.isEmpty() || which.applyAsLong(z.get()) == 0) {
      return "-";
    }
    return String.format("%.2f", (double) which.applyAsLong(b.get()) / which.applyAsLong(z.get()));
  }

  /** The targets, checked against the `defaults` profile. */
  private static void targets(StringBuilder md, BenchReport r) {
    String p = "defaults";
    if (!r.profiles().contains(p)) {
      return;
    }
    BenchReport.ProfileTimings t = r.timings.get(p);
    md.append("\n## Targets (profile `defaults`, Baton)\n\n| target | measured | met |\n|---|---|---|\n");
    Optional<Percentiles> crash = r.percentiles(p, Scenario.CRASH, ControllerKind.BATON);
    Optional<Percentiles> crashZ = r.percentiles(p, Scenario.CRASH, ControllerKind.ZKFC);
    crash.ifPresent(c -> {
      target(md, "crash p99 <= 250 ms", c.p99() + " ms", c.p99() <= 250);
      crashZ.ifPresent(z -> target(md, "crash p99 <= 1/5 of the ZKFC's (" + z.p99() + " ms)",
          String.format("%.2f of it", (double) c.p99() / z.p99()), c.p99() * 5 <= z.p99()));
    });
    long hangBound = t.hangTolerance().toMillis() + 500;
    r.percentiles(p, Scenario.HANG, ControllerKind.BATON).ifPresent(h -> target(md,
        "hang p99 <= tolerance " + t.hangTolerance().toMillis() + " ms + 500 ms, as the client sees it",
        h.p99() + " ms", h.p99() <= hangBound));
    r.activePercentiles(p, Scenario.HANG, ControllerKind.BATON).ifPresent(h -> target(md,
        "hang p99 <= tolerance " + t.hangTolerance().toMillis() + " ms + 500 ms, to the new active's transition",
        h.p99() + " ms", h.p99() <= hangBound));
    List<TrialResult> pauses = r.row(p, Scenario.SHORT_PAUSE, ControllerKind.BATON);
    if (!pauses.isEmpty()) {
      long failovers = pauses.stream().filter(TrialResult::failedOver).count();
      target(md, "no failover for a pause of half the tolerance", failovers + " failovers in " + pauses.size(),
          failovers == 0);
    }
    r.percentiles(p, Scenario.HOST_LOSS, ControllerKind.BATON).ifPresent(h -> target(md,
        "host loss p99 <= session timeout " + t.sessionTimeout().toMillis() + " ms + 1 s", h.p99() + " ms",
        h.p99() <= t.sessionTimeout().toMillis() + 1000));
    r.percentiles(p, Scenario.GRACEFUL, ControllerKind.BATON).ifPresent(g -> target(md,
        "graceful failover p99 <= 500 ms", g.p99() + " ms", g.p99() <= 500));
    Optional.ofNullable(r.steady.get(p)).flatMap(s -> SteadyState.of(s, ControllerKind.BATON)).ifPresent(s ->
        target(md, "controller RSS <= 150 MB", String.format("%.0f MB", s.maxRssKb() / 1024.0),
            s.maxRssKb() <= 150 * 1024));
    Optional<Percentiles> bh = haadminMillis(r, "baton haadmin");
    Optional<Percentiles> hh = haadminMillis(r, "Hadoop HAAdmin");
    if (bh.isPresent() && hh.isPresent()) {
      target(md, "haadmin -getServiceState <= 1/2 of Hadoop's (" + hh.get().p50() + " ms)",
          bh.get().p50() + " ms", bh.get().p50() * 2 <= hh.get().p50());
    }
  }

  private static void target(StringBuilder md, String what, String measured, boolean met) {
    md.append("| ").append(what).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
        .append(" |\n");
  }

  private static Optional<Percentiles> haadminMillis(BenchReport r, String tool) {
    return r.haadmin.stream().filter(h -> h.tool().equals(tool)).findFirst().flatMap(HaAdminTiming.Result::millis);
  }

  private static void steady(StringBuilder md, BenchReport r) {
    if (r.steady.isEmpty()) {
      return;
    }
    md.append("\n## Steady state (idle, no client)\n\n| profile | controller | window | max RSS per controller "
        + "| CPU per controller | ZooKeeper requests |\n|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<SteadyState.Result>> e : r.steady.entrySet()) {
      for (SteadyState.Result s : e.getValue()) {
        md.append(String.format("| %s | %s | %d s | %.0f MB | %.0f ms/min | %s |%n", e.getKey(),
            s.controller().label(), s.window().toSeconds(), s.maxRssKb() / 1024.0, s.cpuMillisPerMinute(),
            s.zookeeperRequestsPerMinute() < 0 ? "-" : String.format("%.0f /min", s.zookeeperRequestsPerMinute())));
      }
    }
  }

  private static void haadmin(StringBuilder md, BenchReport r) {
    if (r.haadmin.isEmpty()) {
      return;
    }
    md.append("\n## `haadmin -getServiceState` wall time (new JVM per call)\n\n| tool | started as | runs | p50 | p90 "
        + "| max | first run | note |\n|---|---|---|---|---|---|---|---|\n");
    for (HaAdminTiming.Result h : r.haadmin) {
      md.append(String.format("| %s | `%s` | %s | %s | %s | %s | %s | %s |%n", h.tool(), h.how(),
          h.millis().map(p -> Integer.toString(p.count())).orElse("-"), num(h.millis().map(Percentiles::p50)),
          num(h.millis().map(Percentiles::p90)), num(h.millis().map(Percentiles::max)), num(h.firstRun()),
          h.error().orElse("")));
    }
    HaAdminTiming.ratio(r.haadmin).ifPresent(q -> md.append(String.format(
        "%nBaton/Hadoop p50: %.2f (the first run is untimed; Baton's makes its class-data-sharing archive)%n", q)));
  }

  private static void safety(StringBuilder md, BenchReport r) {
    if (r.safety.isEmpty()) {
      return;
    }
    md.append("\n## Safety: every client write checked against the journal\n\n| profile | controller | verdict |\n"
        + "|---|---|---|\n");
    r.safety.forEach(s -> md.append("| ").append(s.profile()).append(" | ").append(s.controller().label())
        .append(" | ").append(s.summary().replace("\n", " ")).append(" |\n"));
  }

  private static void failures(StringBuilder md, BenchReport r) {
    List<TrialResult> failed = r.trials.stream().filter(t -> !t.ok()).toList();
    if (failed.isEmpty() && r.problems.isEmpty()) {
      return;
    }
    md.append("\n## Problems\n\n");
    failed.forEach(t -> md.append("- ").append(t.profile()).append(" ").append(t.scenario().cliName()).append(" ")
        .append(t.controller().label()).append(" trial ").append(t.trial()).append(": ").append(t.error().get())
        .append("\n"));
    r.problems.forEach(p -> md.append("- ").append(p).append("\n"));
  }

  private static String num(Optional<Long> v) {
    return v.map(Object::toString).orElse("-");
  }
}
