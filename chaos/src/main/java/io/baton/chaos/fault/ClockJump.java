package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;

/**
 * The wall clock (and, with libfaketime, the monotonic clock too) of the active's controller jumps by an
 * offset; the heal sets it back. Needs controllers started under libfaketime.
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
      throw new UnsupportedFaultException("clock-jump needs libfaketime (apt-get install faketime)");
    }
    return "clock of zkfc-" + victim + " jumps " + offset;
  }

  @Override
  String repair(ClusterControl cluster, String victim) {
    cluster.setControllerClockOffset(victim, "+0");
    return "clock of zkfc-" + victim + " back to +0";
  }
}
