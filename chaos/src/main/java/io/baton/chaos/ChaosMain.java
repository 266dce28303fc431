package io.baton.chaos;

import io.baton.chaos.net.NetnsLauncher;
import io.baton.chaos.net.Topology;
import io.baton.chaos.report.RunReport;
import io.baton.chaos.run.ChaosLanes;
import io.baton.chaos.run.ChaosSession;
import io.baton.chaos.run.RunSettings;
import io.baton.chaos.run.SoakTotals;
import io.baton.chaos.schedule.RandomSchedule;
import io.baton.chaos.schedule.Scenario;
import io.baton.chaos.schedule.ScenarioCatalog;
import io.baton.chaos.schedule.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code baton chaos list | run --scenario NAME [--unsafe-no-fencing] | run --random --seed N | soak --duration D
 * --seed N}. Exit codes: 0 every run held (or the negative control found split brain), 1 a run failed, 2 usage,
 * 3 the kit could not run.
 */
public final class ChaosMain {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int CANNOT_RUN = 3;

  /** The NameNode hosts of a namespace run (the kit's clusters have two NameNodes). */
  private static final List<String> NAMENODES = List.of("nn1", "nn2");
  /** The outer bound of {@code run --all}, per run a lane takes (a run is bounded well below it by its own waits). */
  private static final Duration RUN_ALL_BOUND_PER_RUN = Duration.ofMinutes(15);

  private ChaosMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    ChaosArgs a;
    try {
      a = ChaosArgs.parse(args);
    } catch (ChaosArgs.UsageException e) {
      err.println("baton chaos: " + e.getMessage());
      err.println(ChaosArgs.USAGE);
      return USAGE;
    }
    try {
      Topology topology = Topology.fromEnvironment(System.getenv()).orElse(Topology.loopback());
      if (a.netns() && !topology.namespaces() && (a.command() == ChaosArgs.Command.RUN
          || a.command() == ChaosArgs.Command.SOAK)) {
        return inNamespaces(args, a, out, err);
      }
      return switch (a.command()) {
        case HELP -> {
          out.println(ChaosArgs.USAGE);
          yield OK;
        }
        case LIST -> list(out);
        case RUN -> a.all() ? runAll(a, topology, out) : runOne(a, topology, out, err);
        case SOAK -> soak(a, topology, out, err);
      };
    } catch (IOException | RuntimeException e) {
      err.println("baton chaos: cannot run: " + e.getMessage());
      return CANNOT_RUN;
    }
  }

  static int list(PrintStream out) {
    out.println("Named scenarios (bin/baton chaos run --scenario NAME):");
    for (Scenario s : ScenarioCatalog.all()) {
      out.printf("  %-30s %s%n", s.name(), s.description());
      out.printf("  %-30s steps: %s%n", "", s.steps().stream().map(Step::describe).collect(Collectors.joining(
          ", ")));
    }
    out.println("Negative control: bin/baton chaos run --scenario zombie --unsafe-no-fencing (must find split brain)");
    out.println("Random schedules: bin/baton chaos run --random --seed N; soak: bin/baton chaos soak --duration 1h "
        + "--seed N");
    return OK;
  }

  /**
   * {@code --netns} from the root namespace: set the namespaces up and run this command again inside them (the
   * kit's JVM in the kit's namespace, which finds its topology in the environment).
   */
  private static int inNamespaces(String[] args, ChaosArgs a, PrintStream out, PrintStream err) throws IOException {
    Optional<String> why = NetnsLauncher.unavailable();
    if (why.isPresent()) {
      err.println("baton chaos: " + why.get());
      return CANNOT_RUN;
    }
    List<String> kitArgs = Arrays.stream(args).filter(x -> !x.equals("--netns")).toList();
    return NetnsLauncher.run(kitArgs, NAMENODES, settings(a).workRoot(), out);
  }

  private static int runOne(ChaosArgs a, Topology topology, PrintStream out, PrintStream err) throws IOException {
    Scenario scenario;
    if (a.random()) {
      scenario = RandomSchedule.generate(a.seed().orElseThrow(), topology.namespaces());
      out.printf("random schedule, seed %d (replay with --random --seed %d): %s%n", scenario.seed(),
          scenario.seed(), scenario.steps().stream().map(Step::describe).collect(Collectors.joining(", ")));
    } else {
      String name = a.scenario().orElseThrow();
      Scenario named = ScenarioCatalog.byName(name).orElse(null);
      if (named == null) {
        err.println("baton chaos: unknown scenario '" + name + "'; known: " + ScenarioCatalog.names());
        return USAGE;
      }
      scenario = a.unsafeNoFencing() ? named.unsafe() : named;
      if (a.unsafeNoFencing()) {
        out.println("NEGATIVE CONTROL: fencing off (shell(/bin/true)) and the journal's epoch check off; the "
            + "checker must report split brain");
      }
    }
    try (ChaosSession session = new ChaosSession(settings(a), out, topology)) {
      RunReport report = session.run(scenario);
      if (a.unsafeNoFencing()) {
        out.println(report.passed() ? "negative control: split brain was detected, as it must be without fencing"
            : "negative control FAILED: no split brain was detected with fencing off");
      }
      return report.passed() ? OK : FAILED;
    }
  }

  /**
   * Every named scenario and the negative control, as CI runs them: on {@code --lanes} clusters at once in
   * loopback mode (longest first, so that the lanes finish together), one after the other in namespace mode.
   */
  private static int runAll(ChaosArgs a, Topology topology, PrintStream out) throws IOException {
    List<Scenario> all = new ArrayList<>(ScenarioCatalog.all());
    all.add(ScenarioCatalog.negativeControl());
    RunSettings settings = settings(a);
    out.printf("run --all: %d runs on %d lane(s)%n", all.size(), a.lanes());
    Map<String, RunReport> reports = new LinkedHashMap<>();
    Map<String, String> broken = new LinkedHashMap<>();
    if (topology.namespaces()) {
      try (ChaosSession session = new ChaosSession(settings, out, topology)) {
        for (Scenario s : all) {
          try {
            reports.put(s.name(), session.run(s));
          } catch (IOException | RuntimeException e) {
            broken.put(s.name(), String.valueOf(e.getMessage()));
          }
        }
      }
    } else {
      List<Scenario> longestFirst = ChaosLanes.longestFirst(all, a.timing());
      Map<String, CompletableFuture<RunReport>> runs = new LinkedHashMap<>();
      try (ChaosLanes lanes = new ChaosLanes(settings, out, a.lanes())) {
        longestFirst.forEach(s -> runs.put(s.name(), lanes.submit(s)));
        // Each run is bounded by its liveness bounds and start waits; this bounds the whole in case one is not.
        long deadline = System.nanoTime() + RUN_ALL_BOUND_PER_RUN.toNanos() * ((all.size() + a.lanes() - 1) / a.lanes());
        for (Scenario s : all) {
          try {
            reports.put(s.name(), runs.get(s.name()).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
          } catch (ExecutionException | CancellationException e) {
            broken.put(s.name(), String.valueOf(e.getCause() == null ? e.toString() : e.getCause().getMessage()));
          } catch (TimeoutException e) {
            broken.put(s.name(), "not done within the bound of run --all (" + RUN_ALL_BOUND_PER_RUN.toMinutes()
                + " min per run and lane)");
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken.put(s.name(), "interrupted");
          }
        }
      }
    }
    out.println("== run --all ==");
    for (Scenario s : all) {
      RunReport r = reports.get(s.name());
      out.println(r == null ? "COULD NOT RUN " + s.name() + ": " + broken.get(s.name())
          : (r.passed() ? "PASS " : "FAIL ") + s.name() + ": " + r.verdict() + " (" + r.runDir() + ")");
    }
    long passed = reports.values().stream().filter(RunReport::passed).count();
    out.printf("%d of %d runs held%n", passed, all.size());
    return passed == all.size() ? OK : FAILED;
  }

  private static int soak(ChaosArgs a, Topology topology, PrintStream out, PrintStream err) throws IOException {
    Duration duration = a.duration().orElseThrow();
    long seed = a.seed().orElseThrow();
    Instant end = Instant.now().plus(duration);
    SoakTotals totals = new SoakTotals();
    RunSettings settings = settings(a);
    out.printf("soak: random schedules from seed %d for %s (no new schedule starts after %s)%n", seed, duration,
        end);
    try (ChaosSession session = new ChaosSession(settings, out, topology)) {
      for (long s = seed; Instant.now().isBefore(end); s++) {
        Scenario scenario = RandomSchedule.generate(s, topology.namespaces());
        try {
          totals.add(session.run(scenario));
        } catch (IOException | RuntimeException e) {
          err.println("soak: seed " + s + " could not run: " + e.getMessage());
          totals.addBroken(s, e.getMessage());
        }
        out.print(totals.render());
      }
    }
    String rendered = totals.render();
    out.println("== soak finished ==");
    out.print(rendered);
    Files.writeString(settings.workRoot().resolve("soak-totals.txt"), rendered);
    return totals.failed() == 0 && totals.schedules() > 0 ? OK : FAILED;
  }

  private static RunSettings settings(ChaosArgs a) throws IOException {
    Path work = a.work().orElse(Path.of(System.getProperty("java.io.tmpdir"), "baton-chaos"));
    Files.createDirectories(work);
    return new RunSettings(work, a.timing(), a.rate());
  }
}
