package io.baton.chaos.run;

import io.baton.chaos.cluster.ChaosCluster;
import io.baton.chaos.cluster.FakeClock;
import io.baton.chaos.cluster.Sleep;
import io.baton.chaos.event.ChaosEvent;
import io.baton.chaos.event.EventLog;
import io.baton.chaos.fault.Fault;
import io.baton.chaos.fault.UnsupportedFaultException;
import io.baton.chaos.net.Topology;
import io.baton.chaos.report.ControllerFailover;
import io.baton.chaos.report.RunReport;
import io.baton.chaos.report.StepResult;
import io.baton.chaos.schedule.ClusterSetup;
import io.baton.chaos.schedule.Scenario;
import io.baton.chaos.schedule.Step;
import io.baton.chaos.verdict.Checker;
import io.baton.chaos.verdict.CheckerVerdict;
import io.baton.chaos.verdict.Histories;
import io.baton.chaos.verdict.LivenessBound;
import io.baton.chaos.verdict.RunVerdict;
import io.baton.worlds.zk.ZooKeeperEnsemble;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes one scenario: starts the cluster and the workload, runs the steps (inject, hold, heal, settle), waits
 * for liveness, stops everything, asks the checker, and writes the report. Reusable by the benchmark: a report's
 * step results carry "time from fault to first write acknowledged by the new active".
 */
public final class ChaosRun {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
  private static final Duration WORKLOAD_WARMUP = Duration.ofSeconds(30);
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
  private static final Duration TAIL_EXTRA = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZooKeeperEnsemble zookeeper;
  private final RunSettings settings;
  private final Topology topology;
  private final PrintStream out;
  private List<String> lastActive = List.of();

  public ChaosRun(ZooKeeperEnsemble zookeeper, RunSettings settings, Topology topology, PrintStream out) {
    this.zookeeper = zookeeper;
    this.settings = settings;
    this.topology = topology;
    this.out = out;
  }

  public RunReport run(Scenario scenario) throws IOException {
    String runId = scenario.name() + "-" + STAMP.format(Instant.now());
    Path runDir = settings.workRoot().resolve(runId);
    lastActive = List.of();
    EventLog events = new EventLog(runId, Clock.systemUTC(), Optional.of(runDir.resolve("events.jsonl")));
    java.nio.file.Files.createDirectories(runDir);
    out.printf("%s: %s%n", runId, scenario.description());
    List<StepResult> steps = new ArrayList<>();
    List<String> doubleActive = new ArrayList<>();
    Map<String, JsonNode> timelines = new LinkedHashMap<>();
    LivenessBound bound;
    List<Path> histories;
    Path journalDir;
    Instant lastHeal;
    Instant tailEnd;
    ClusterSetup setup = scenario.setup();
    if (setup.fakeClocks() && FakeClock.library().isEmpty()) {
      // the clock-jump step is then skipped (UnsupportedFaultException), and reported as such
      events.record("skip", "fake-clocks", "no C compiler to build the wall-clock library: controllers run on "
          + "the real clock");
      setup = setup.withoutFakeClocks();
    }
    try (ChaosCluster cluster = new ChaosCluster(runId, runDir, zookeeper, setup, settings.timing(), events,
        topology)) {
      bound = LivenessBound.derive(cluster.config(), cluster.spec().nameserviceId());
      out.printf("%s: liveness bound %s%n", runId, bound.derivation());
      cluster.startNameNodes();
      // The client JVM starts while the controllers elect (a JVM start is seconds on 2 cores): its writes fail
      // until a NameNode is active, and the run waits for its first acknowledged write before any fault.
      Path workload = cluster.startWorkload(settings.writesPerSecond());
      String active = cluster.startControllers();
      lastActive = List.of(active);
      out.printf("%s: cluster up, %s active; logs in %s%n", runId, active, runDir.resolve("logs"));
      awaitAck(workload, events.start(), WORKLOAD_WARMUP);
      int index = 1;
      for (Step step : scenario.steps()) {
        supervise(cluster, events);
        StepResult r = runStep(index++, step, cluster, events, doubleActive, bound);
        steps.add(r);
        out.printf("%s: step %d %s%s%n", runId, r.index(), r.fault(), r.skipped().map(s -> " SKIPPED: " + s)
            .or(() -> r.error().map(e -> " ERROR: " + e)).orElse(" " + r.injected() + " / " + r.healed()));
        if (r.error().isPresent()) {
          break;
        }
      }
      lastHeal = events.events("heal").stream().map(ChaosEvent::at).reduce((a, b) -> b).orElse(events.now());
      supervise(cluster, events);
      awaitAck(workload, lastHeal, Duration.ofMillis(bound.total().toMillis()));
      // Keep writing a while after the heal: late consequences (a resumed zombie, a demotion) must show up.
      Duration tail = cluster.sessionTimeout().plus(TAIL_EXTRA);
      events.record("phase", "tail", "observing " + tail.toMillis() + " ms more after the heal");
      observe(cluster, events, doubleActive, tail);
      // Live at the end too: a cluster that acknowledged once after the heal and then lost its active fails.
      tailEnd = events.record("phase", "end", "waiting for a write acknowledged after the observation window").at();
      awaitAck(workload, tailEnd, Duration.ofMillis(bound.total().toMillis()));
      cluster.stopWorkload();
      timelines.putAll(cluster.timelines());
      histories = cluster.histories();
      journalDir = cluster.journalDir();
    }
    events.record("phase", "check", "cluster stopped; checking " + histories.size() + " histories");
    CheckerVerdict checker = Checker.check(histories, journalDir, runDir);
    Histories h = Histories.read(histories);
    Optional<Long> liveness = h.timeToAck(lastHeal, nn -> true).map(Duration::toMillis);
    Optional<Long> endLiveness = h.timeToAck(tailEnd, nn -> true).map(Duration::toMillis);
    List<StepResult> measured = steps.stream().map(s -> withRecovery(s, h, events.start())).toList();
    RunVerdict verdict = RunVerdict.decide(scenario.expectation(), checker, liveness, endLiveness,
        bound.total().toMillis(), measured);
    List<ControllerFailover> failovers = new ArrayList<>();
    timelines.forEach((nn, t) -> failovers.addAll(ControllerFailover.read(nn, t)));
    RunReport report = new RunReport(runId, scenario.name(), scenario.description(), scenario.seed(), topology.mode(),
        scenario.expectation(), scenario.setup().toString(), runDir.toString(), measured, events.events(), timelines,
        failovers, bound.total().toMillis(), bound.derivation(), liveness, endLiveness, h.acknowledged(), doubleActive,
        checker.exitCode(), checker.violationKinds(), checkerJson(checker), verdict.problems(), verdict.passed(),
        verdict.summary());
    ReportFiles.write(report, runDir);
    out.printf("%s: %s%n%s: report %s%n", runId, verdict.summary(), runId, runDir.resolve("summary.txt"));
    return report;
  }

  private StepResult runStep(int index, Step step, ChaosCluster cluster, EventLog events, List<String> doubleActive,
      LivenessBound bound) {
    Fault fault = step.kind().newFault();
    Duration hold = step.hold(cluster.sessionTimeout());
    String plan = step.describe() + " = " + hold.toMillis() + " ms";
    if (step.kind().needsHostLinks() && cluster.links().map(l -> !l.supportsHostToHost()).orElse(true)) {
      String why = step.kind().label() + " needs links between the NameNode hosts, which this cluster lacks";
      events.record("skip", step.kind().label(), why);
      return new StepResult(index, step.kind().label(), plan, 0, 0, "", "", Optional.empty(), Optional.empty(),
          Optional.of(why), Optional.empty());
    }
    ChaosEvent injected;
    try {
      injected = events.record("inject", step.kind().label(), fault.inject(cluster));
    } catch (UnsupportedFaultException e) {
      events.record("skip", step.kind().label(), e.getMessage());
      return new StepResult(index, step.kind().label(), plan, 0, 0, "", "", Optional.empty(), Optional.empty(),
          Optional.of(e.getMessage()), Optional.empty());
    } catch (RuntimeException e) {
      events.record("error", step.kind().label(), e.getMessage());
      return new StepResult(index, step.kind().label(), plan, events.elapsed().toMillis(), 0, "", "",
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("inject: " + e.getMessage()));
    }
    observe(cluster, events, doubleActive, hold);
    String healedText;
    ChaosEvent healed;
    try {
      healed = events.record("heal", fault.name(), fault.heal(cluster));
      healedText = healed.detail();
    } catch (RuntimeException e) {
      events.record("error", fault.name(), "heal: " + e.getMessage());
      return new StepResult(index, fault.name(), plan, injected.offsetMs(), events.elapsed().toMillis(),
          injected.detail(), "", fault.victimActive(), Optional.empty(), Optional.empty(),
          Optional.of("heal: " + e.getMessage()));
    }
    Optional<String> settled = cluster.awaitSingleActive(bound.total());
    events.record("settle", fault.name(), settled.map(a -> a + " active").orElse("no single active within "
        + bound.total().toMillis() + " ms"));
    return new StepResult(index, fault.name(), plan, injected.offsetMs(), healed.offsetMs(), injected.detail(),
        healedText, lostActive(fault.victimActive(), settled), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The NameNode that lost the active role in a step: the fault's victim, unless the victim is active again after
   * the heal (no failover happened, e.g. a client partition), so that recovery then counts any NameNode's write.
   */
  static Optional<String> lostActive(Optional<String> victim, Optional<String> activeAfterHeal) {
    return victim.filter(v -> !activeAfterHeal.equals(Optional.of(v)));
  }

  private static void supervise(ChaosCluster cluster, EventLog events) {
    List<String> restarted = cluster.supervise();
    if (!restarted.isEmpty()) {
      events.record("supervise", "cluster", "restarted " + String.join(", ", restarted));
    }
  }

  /**
   * Watches the NameNodes for {@code duration}: records every change of who answers /isActive with 200 as an
   * event, and every moment two do as evidence.
   */
  private void observe(ChaosCluster cluster, EventLog events, List<String> doubleActive, Duration duration) {
    Instant until = Instant.now().plus(duration);
    while (Instant.now().isBefore(until)) {
      List<String> active = cluster.activeNameNodes();
      if (!active.equals(lastActive)) {
        events.record("active", "namenodes", active.isEmpty() ? "none answers active" : String.join(" and ", active)
            + " active");
        lastActive = active;
      }
      if (active.size() > 1) {
        doubleActive.add("+" + events.elapsed().toMillis() + " ms: " + active);
      }
      Sleep.pause(SAMPLE_EVERY);
    }
  }

  /** Adds the client-observed recovery: injection to the first write acknowledged by a NameNode not the victim. */
  static StepResult withRecovery(StepResult s, Histories h, Instant runStart) {
    if (s.skipped().isPresent() || s.injected().isEmpty()) {
      return s;
    }
    Instant inject = runStart.plusMillis(s.injectMs());
    Optional<Long> recovery = h.timeToAck(inject, nn -> s.victim().map(v -> !v.equals(nn)).orElse(true))
        .map(Duration::toMillis);
    return new StepResult(s.index(), s.fault(), s.plan(), s.injectMs(), s.healMs(), s.injected(), s.healed(),
        s.victim(), recovery, s.skipped(), s.error());
  }

  /** Waits (bounded) until the history shows a write acknowledged after {@code after}. */
  private static void awaitAck(Path history, Instant after, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Histories.read(List.of(history)).firstAckAfter(after, nn -> true).isPresent()) {
        return;
      }
      Sleep.pause(Duration.ofMillis(200));
    }
  }

  private static JsonNode checkerJson(CheckerVerdict checker) {
    try {
      return JSON.readTree(checker.json().isBlank() ? "{}" : checker.json());
    } catch (IOException e) {
      return JSON.createObjectNode().put("text", checker.json()).put("stderr", checker.errors());
    }
  }
}
