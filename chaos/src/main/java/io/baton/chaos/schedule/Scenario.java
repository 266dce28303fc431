package io.baton.chaos.schedule;

import java.time.Duration;
import java.util.List;

/**
 * A named, replayable chaos run: the cluster's setup, the fault steps in order, and the verdict it must get.
 *
 * @param seed the seed of a random schedule (0 for named scenarios)
 */
public record Scenario(String name, String description, ClusterSetup setup, List<Step> steps,
    Expectation expectation, long seed) {

  public Scenario {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("scenario " + name + " has no steps");
    }
  }

  /** The negative control variant: fencing and the journal's epoch check off, split brain expected. */
  public Scenario unsafe() {
    return new Scenario(name + "-unsafe", description + " (UNSAFE: fencing and epoch check off)", setup.unsafe(),
        steps, Expectation.SPLIT_BRAIN_DETECTED, seed);
  }

  /** How long the steps hold their faults, plus a settle of one session per step: what differs between runs. */
  public Duration faultTime(Duration sessionTimeout) {
    return steps.stream().map(s -> s.hold(sessionTimeout).plus(sessionTimeout)).reduce(Duration.ZERO, Duration::plus);
  }

  public boolean needsHostLinks() {
    return steps.stream().anyMatch(s -> s.kind().needsHostLinks());
  }
}
