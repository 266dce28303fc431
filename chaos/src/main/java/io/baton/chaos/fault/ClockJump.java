package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;

/**
 * The wall clock (and, with libfaketime, the monotonic clock too) of the active's controller jumps ahead by an
 * offset, like a bad NTP step, and stays there: the heal does not set it back, because libfaketime would move the
 * monotonic clock backwards too, which no real clock does. Needs controllers started under libfaketime.
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
    return "clock of zkfc-" + victim + " stays " + offset + " ahead (a step back would move its monotonic clock "
        + "back too)";
  }
}
