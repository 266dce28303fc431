package io.baton.chaos.schedule;

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

  public boolean needsHostLinks() {
    return steps.stream().anyMatch(s -> s.kind().needsHostLinks());
  }
}
