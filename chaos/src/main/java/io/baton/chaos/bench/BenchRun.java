package io.baton.chaos.bench;

import io.baton.worlds.process.ProcessKit;
import io.baton.mock.check.HistoryChecker;
import io.baton.mock.check.HistoryFiles;
import io.baton.mock.check.JournalSource;
import io.baton.mock.check.Verdict;
import io.baton.mock.client.HistoryWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole benchmark: per profile, one world per controller (started the same way), the steady-state window,
 * then every scenario with trials alternating between the controllers, then the checker over every write.
 * The report is rewritten after every profile, so an interrupted run still leaves its numbers.
 */
final class BenchRun {
  private final BenchOptions options;
  private final PrintStream out;
  private final BenchReport report;

  BenchRun(BenchOptions options, String command, PrintStream out) {
    this.options = options;
    this.out = out;
    this.report = new BenchReport(command, Instant.now(), machine(), load());
  }

  BenchReport report() {
    return report;
  }

  /** Runs everything; returns the report (also written to the out dir). */
  BenchReport run() throws Exception {
    out.println("baton bench: work folder " + options.workDir() + ", report to " + options.outDir());
    for (String profile : options.profiles()) {
      runProfile(profile);
      finish();
    }
    out.println("report: " + options.outDir().resolve("bench-report.md"));
    return report;
  }

  private void runProfile(String profile) throws Exception {
    Map<ControllerKind, BenchCluster> worlds = new LinkedHashMap<>();
    Map<ControllerKind, HistoryWriter> histories = new LinkedHashMap<>();
    try {
      for (ControllerKind kind : options.controllers()) {
        out.printf("[%s] starting the %s world%n", profile, kind.label());
        worlds.put(kind, BenchCluster.start(kind, BenchOptions.timing(profile),
            options.workDir().resolve(profile + "-" + kind.cliName())));
        histories.put(kind, new HistoryWriter(options.workDir().resolve(profile + "-" + kind.cliName() + "-history.jsonl")));
      }
      BenchCluster any = worlds.values().iterator().next();
      report.timings.put(profile, new BenchReport.ProfileTimings(any.hangTolerance(),
          any.nameservice().zookeeper().sessionTimeout()));
      if (!options.idle().isZero()) {
        out.printf("[%s] steady state: %d s idle%n", profile, options.idle().toSeconds());
        report.steady.put(profile, SteadyState.measure(new ArrayList<>(worlds.values()), options.idle()));
      }
      if (options.haadminRuns() > 0 && report.haadmin.isEmpty()) {
        out.printf("[%s] haadmin -getServiceState, %d runs per tool%n", profile, options.haadminRuns());
        try (ProcessKit kit = new ProcessKit(options.workDir().resolve("haadmin"))) {
          report.haadmin.addAll(HaAdminTiming.measure(kit, options.workDir().resolve("haadmin"), any.spec().confDir(),
              any.spec().namenodeIds().get(0), options.haadminRuns()));
        }
      }
      Map<ControllerKind, TrialRunner> runners = new LinkedHashMap<>();
      worlds.forEach((k, w) -> runners.put(k, new TrialRunner(w, profile, histories.get(k)::write)));
      for (Scenario s : options.scenarios()) {
        for (int trial = 0; trial <= options.trials(); trial++) { // trial 0: the untimed warm-up
          List<ControllerKind> order = new ArrayList<>(runners.keySet());
          if (trial % 2 == 0) {
            java.util.Collections.reverse(order); // neither controller always goes first
          }
          for (ControllerKind k : order) {
            TrialResult r = runners.get(k).run(s, trial);
            report.add(r);
            out.printf("[%s] %-11s %-11s %s: %s%n", profile, s.cliName(), k.label(),
                trial == 0 ? "warm-up " : String.format("trial %2d", trial), describe(r));
          }
        }
        report.write(options.outDir());
      }
    } finally {
      for (HistoryWriter h : histories.values()) {
        h.close();
      }
      worlds.values().forEach(BenchCluster::close);
    }
    for (ControllerKind k : histories.keySet()) {
      check(profile, k, worlds.get(k), histories.get(k).file());
    }
  }

  private void check(String profile, ControllerKind kind, BenchCluster world, Path history) {
    try {
      Verdict v = HistoryChecker.check(HistoryFiles.read(history),
          JournalSource.fromDirectory(world.spec().journalDir().resolve(world.spec().nameserviceId())));
      report.safety.add(new BenchReport.Safety(profile, kind, v.clean(), v.summary()));
      out.printf("[%s] checker, %s: %s%n", profile, kind.label(), v.summary().lines().findFirst().orElse(""));
    } catch (IOException | RuntimeException e) {
      report.problems.add(profile + " " + kind.label() + ": checker could not run: " + e.getMessage());
    }
  }

  private void finish() throws IOException {
    report.finished = Instant.now();
    report.loadAtEnd = load();
    report.write(options.outDir());
  }

  private static String describe(TrialResult r) {
    if (!r.ok()) {
      return "FAILED: " + r.error().get();
    }
    if (r.millis().isEmpty()) {
      return r.failedOver() ? "failed over (must not)" : "no failover";
    }
    return r.oldActive() + " -> " + r.newActive().orElse("?") + " in " + r.millis().get() + " ms"
        + (r.phases().isEmpty() ? "" : " " + r.phases());
  }

  /** Passes only when every trial produced its number and every checker verdict is clean. */
  boolean allGood() {
    return report.trials.stream().allMatch(TrialResult::ok) && report.safety.stream().allMatch(BenchReport.Safety::clean)
        && report.problems.isEmpty();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors() + " CPUs, Java " + Runtime.version() + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
