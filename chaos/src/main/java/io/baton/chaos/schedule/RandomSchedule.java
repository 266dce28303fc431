package io.baton.chaos.schedule;

import io.baton.chaos.fault.FaultKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A randomized schedule from a seed: the same seed and the same mode always give the same steps (faults, order
 * and hold times), so a failing seed replays. The pool leaves out faults the mode cannot inject.
 */
public final class RandomSchedule {
  static final int MIN_STEPS = 2;
  static final int MAX_STEPS = 4;
  /** Hold factors in quarters of the session timeout: 0.5 .. 2.0. */
  static final double[] FACTORS = {0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0};

  private RandomSchedule() {}

  /**
   * The loopback pool as it was when seeds were first printed: kept as it is so that a seed replays the same
   * schedule in every version. Faults added later (asymmetric and host-to-host partitions) are named scenarios in
   * loopback mode and join random schedules in namespace mode.
   */
  static final List<FaultKind> LOOPBACK_POOL = List.of(FaultKind.KILL_NAMENODE, FaultKind.KILL_CONTROLLER,
      FaultKind.HOST_LOSS, FaultKind.PAUSE_NAMENODE, FaultKind.ZOMBIE, FaultKind.PAUSE_CONTROLLER,
      FaultKind.PARTITION_ZOOKEEPER, FaultKind.PARTITION_CLIENTS, FaultKind.KILL_ZK_LEADER, FaultKind.LOSE_ZK_QUORUM,
      FaultKind.SLOW_TRANSITION);

  /** Faults a randomized schedule may draw: the loopback pool, or every fault in namespace mode. */
  public static List<FaultKind> pool(boolean namespaces) {
    if (!namespaces) {
      return LOOPBACK_POOL;
    }
    return Arrays.stream(FaultKind.values())
        .filter(k -> k != FaultKind.CLOCK_JUMP) // needs controllers with fake clocks: a scenario of its own
        .toList();
  }

  public static Scenario generate(long seed, boolean namespaces) {
    Random random = new Random(seed);
    List<FaultKind> pool = pool(namespaces);
    int count = MIN_STEPS + random.nextInt(MAX_STEPS - MIN_STEPS + 1);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      FaultKind kind = pool.get(random.nextInt(pool.size()));
      double factor = FACTORS[random.nextInt(FACTORS.length)];
      Duration extra = Duration.ofMillis(250L * random.nextInt(9));
      steps.add(new Step(kind, factor, extra));
    }
    return new Scenario("random-" + seed, "randomized schedule, seed " + seed, ClusterSetup.standard(), steps,
        Expectation.SAFE_AND_LIVE, seed);
  }
}
