package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import java.util.Optional;

/**
 * The wall clock (and, with libfaketime, the monotonic clock too) of the active's controller jumps by an
 * offset; the heal sets it back. Needs controllers started under libfaketime.
 */
public final class ClockJump implements Fault {
  private final String offset;
  private String victim;

  public ClockJump(String offset) {
    this.offset = offset;
  }

  @Override
  public String name() {
    return victim == null ? "clock-jump" : "clock-jump(zkfc-" + victim + ")";
  }

  @Override
  public String inject(ClusterControl cluster) {
    victim = ActiveTarget.resolve(cluster, "clock-jump");
    if (!cluster.setControllerClockOffset(victim, offset)) {
      throw new UnsupportedFaultException("clock-jump needs libfaketime (apt-get install faketime)");
    }
    return "clock of zkfc-" + victim + " jumps " + offset;
  }

  @Override
  public String heal(ClusterControl cluster) {
    cluster.setControllerClockOffset(victim, "+0");
    return "clock of zkfc-" + victim + " back to +0";
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
