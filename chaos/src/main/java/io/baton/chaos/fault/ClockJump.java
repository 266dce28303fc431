package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;

/**
 * The wall clock of the active's controller steps ahead by an offset, like a bad NTP step, and its monotonic
 * clock does not move (as with a real step; see {@link io.baton.chaos.cluster.FakeClock}). The heal leaves it
 * ahead, so that later steps of the scenario see this controller promote with a skewed clock. Needs controllers
 * started with fake clocks.
 */
public final class ClockJump extends ActiveFault {
  private final String offset;

  public ClockJump(String offset) {
    super("clock-jump");
    this.offset = offset;
  }

  @Override
  String label(String victim) {
    return "zkfc-" + victim;
  }

  @Override
  String hit(ClusterControl cluster, String victim) {
    if (!cluster.setControllerClockOffset(victim, offset)) {
      throw new UnsupportedFaultException("clock-jump needs fake clocks (a C compiler builds them: apt-get install gcc)");
    }
    return "wall clock of zkfc-" + victim + " steps " + offset + " (monotonic clock unchanged)";
  }

  @Override
  String repair(ClusterControl cluster, String victim) {
    return "wall clock of zkfc-" + victim + " stays " + offset + " ahead (so that it promotes with a skewed clock "
        + "later)";
  }
}
