package io.baton.chaos.bench;

import io.baton.chaos.cluster.Sleep;
import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.process.Signal;
import io.baton.mock.client.FailoverClient;
import io.baton.mock.client.HistoryRecord;
import io.baton.mock.client.NameNodeEndpoint;
import io.baton.mock.client.Workload;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one trial: a client writes at a fixed rate, the fault hits the active NameNode, and the time until the
 * first write acknowledged by another NameNode (as the client saw it) is the result. Then the world is restored.
 * Every wait is bounded by the world's {@link BenchCluster#trialTimeout()}.
 */
final class TrialRunner {
  private static final Logger log = LoggerFactory.getLogger(TrialRunner.class);
  static final int WRITE_RATE = 100;
  private static final FailoverClient.Options CLIENT = new FailoverClient.Options(Duration.ofMillis(200),
      Duration.ofSeconds(1), 40, Duration.ofMillis(20));
  private static final Duration FIRST_ACK = Duration.ofSeconds(30);
  /** A killed process's sockets close within milliseconds; by the time a write is acknowledged elsewhere, surely. */
  private static final Duration EXIT_WAIT = Duration.ofSeconds(2);
  /** Both controllers' runners draw the same pauses before their faults: same seed, same sequence. */
  static final long PHASE_SEED = 20261126L;

  private final BenchCluster world;
  private final String profile;
  private final Consumer<HistoryRecord> history;
  private final TimelineReader timeline;
  private final java.util.Random phase = new java.util.Random(PHASE_SEED);

  TrialRunner(BenchCluster world, String profile, Consumer<HistoryRecord> history) {
    this.world = world;
    this.profile = profile;
    this.history = history;
    this.timeline = new TimelineReader(world.local());
  }

  TrialResult run(Scenario scenario, int trial) throws Exception {
    String old = world.singleActive().orElseThrow(() -> new IllegalStateException(
        "no single active NameNode before the trial; logs in " + world.logDir()));
    String clientId = profile + "-" + scenario.cliName() + "-" + world.kind().cliName() + "-" + trial;
    AckLog acks = new AckLog(history);
    Duration timeout = world.trialTimeout();
    Workload workload = new Workload(clientId, new FailoverClient(clientId, endpoints(), CLIENT, Clock.systemUTC()),
        WRITE_RATE, Optional.of(timeout.plus(FIRST_ACK).plusSeconds(30)), Optional.empty(), acks,
        Clock.systemUTC()).start();
    try {
      if (acks.await(r -> true, FIRST_ACK).isEmpty()) {
        return failed(scenario, trial, old, "no write was acknowledged before the fault within " + FIRST_ACK);
      }
      if (scenario == Scenario.SHORT_PAUSE) {
        workload.stop(); // a write stuck in the pause outlives the NameNode's journal timeout: it would step down itself
        return shortPause(trial, old);
      }
      return timed(scenario, trial, old, acks, timeout);
    } finally {
      workload.stop();
      world.restore();
    }
  }

  private TrialResult timed(Scenario scenario, int trial, String old, AckLog acks, Duration timeout)
      throws Exception {
    // A trial starts a fixed time after the last one settled: without this pause the fault would land at about
    // the same point of a controller's health polling every time, and detection would look always slow or fast.
    long interval = Math.max(1, world.deployment().healthMonitor().checkInterval().toMillis());
    Sleep.pause(Duration.ofMillis(phase.nextLong(interval)));
    Optional<ExitWatch> exit = scenario == Scenario.CRASH || scenario == Scenario.HOST_LOSS
        ? ExitWatch.open(world.namenode(old).haAddress()) : Optional.empty();
    Instant faultAt = Instant.now();
    CompletableFuture<Void> graceful = inject(scenario, old);
    try {
      Optional<HistoryRecord> first = acks.await(r -> !r.nameNode().equals(old)
          && !r.completeTime().isBefore(faultAt), timeout);
      if (first.isEmpty()) {
        return failed(scenario, trial, old, "no write acknowledged by another NameNode within " + timeout
            + " of the fault; logs in " + world.logDir());
      }
      HistoryRecord r = first.get();
      long ms = Duration.between(faultAt, r.completeTime()).toMillis();
      Map<String, Long> phases = world.kind() == ControllerKind.BATON
          ? timeline.promotionPhases(r.nameNode(), faultAt) : Map.of();
      log.info("{}: {} {} trial {}: {} -> {} in {} ms {}", world.kind().cliName(), profile, scenario.cliName(), trial,
          old, r.nameNode(), ms, phases);
      Optional<Long> active = activeMillis(r.nameNode(), faultAt);
      Optional<Long> exited = exit.flatMap(w -> w.millisAfter(faultAt, EXIT_WAIT));
      return new TrialResult(profile, scenario, world.kind(), trial, old, Optional.of(r.nameNode()),
          Optional.of(ms), active, exited, true, phases, Optional.empty());
    } finally {
      exit.ifPresent(ExitWatch::close);
      undo(scenario, old);
      if (graceful != null) {
        awaitQuietly(graceful, timeout);
      }
    }
  }

  /**
   * SIGSTOP for half the tolerance, SIGCONT, then watch until past the tolerance: no other NameNode may become
   * active. The client is stopped first: the mock NameNode, like a real one, gives up when a journal write
   * outlives its timeout (3 s here, 20 s in HDFS), and that step-down is not the controller's decision.
   */
  private TrialResult shortPause(int trial, String old) {
    Duration pause = world.hangTolerance().dividedBy(2);
    Instant faultAt = Instant.now();
    ChildProcess nn = world.namenodeProcess(old);
    nn.signal(Signal.STOP);
    try {
      Sleep.pause(pause);
    } finally {
      nn.signal(Signal.CONT);
    }
    Instant watchEnd = faultAt.plus(world.hangTolerance()).plusSeconds(3);
    Optional<String> other = Optional.empty();
    while (other.isEmpty() && Instant.now().isBefore(watchEnd)) {
      other = world.singleActive().filter(a -> !a.equals(old));
      Sleep.pause(Duration.ofMillis(200));
    }
    boolean failedOver = other.isPresent();
    log.info("{}: {} short-pause trial {}: paused {} for {} ms, failed over: {}", world.kind().cliName(), profile,
        trial, old, pause.toMillis(), failedOver);
    return new TrialResult(profile, Scenario.SHORT_PAUSE, world.kind(), trial, old, other, Optional.empty(),
        Optional.empty(), Optional.empty(), failedOver, Map.of(), Optional.empty());
  }

  /**
   * Fault to the new active's own transition to ACTIVE, from its status ({@code lastHaTransitionTime}, the same
   * machine's clock as {@code faultAt}); empty when the status cannot be read or the transition is older.
   */
  private Optional<Long> activeMillis(String newActive, Instant faultAt) {
    try {
      long at = world.admin(newActive).status().path("lastHaTransitionTime").asLong(0);
      Duration d = Duration.between(faultAt, Instant.ofEpochMilli(at));
      return d.isNegative() ? Optional.empty() : Optional.of(d.toMillis());
    } catch (IOException e) {
      log.warn("{}: status of {}: {}", world.kind().cliName(), newActive, e.getMessage());
      return Optional.empty();
    }
  }

  /** Applies the fault; for a graceful failover returns the running RPC. */
  private CompletableFuture<Void> inject(Scenario scenario, String old) throws Exception {
    switch (scenario) {
      case CRASH -> world.namenodeProcess(old).signal(Signal.KILL);
      case HANG -> world.namenodeProcess(old).signal(Signal.STOP);
      case UNHEALTHY -> world.admin(old).injectFault("unhealthy");
      case HOST_LOSS -> {
        world.controllerProcess(old).signal(Signal.KILL);
        world.namenodeProcess(old).signal(Signal.KILL);
      }
      case GRACEFUL -> {
        String target = world.spec().namenodeIds().stream().filter(id -> !id.equals(old)).findFirst().orElseThrow();
        return GracefulFailoverCall.start(hadoopConf(), world.namenode(target),
            world.deployment().failover().newActiveRpcTimeout());
      }
      default -> throw new IllegalArgumentException("not a timed scenario: " + scenario);
    }
    return null;
  }

  private void undo(Scenario scenario, String old) {
    if (scenario == Scenario.HANG) {
      world.namenodeProcess(old).signal(Signal.CONT);
    }
  }

  private Configuration hadoopConf() {
    Configuration conf = new Configuration();
    world.deployment().hadoopProperties().forEach(conf::set);
    return conf;
  }

  private List<NameNodeEndpoint> endpoints() {
    return world.spec().namenodeIds().stream()
        .map(id -> new NameNodeEndpoint(id, URI.create(world.spec().httpUrl(id) + "/"))).toList();
  }

  private TrialResult failed(Scenario scenario, int trial, String old, String why) {
    log.warn("{}: {} {} trial {} failed: {}", world.kind().cliName(), profile, scenario.cliName(), trial, why);
    return new TrialResult(profile, scenario, world.kind(), trial, old, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false, Map.of(), Optional.of(why));
  }

  private static void awaitQuietly(CompletableFuture<Void> call, Duration timeout) {
    try {
      call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("graceful failover call: {}", e.getMessage());
    }
  }
}
