package io.baton.controller.core;

import java.time.Duration;
import java.util.Optional;

/** What the core asks the adapters to do. Results come back as {@link Event}s. */
public sealed interface Effect {

  /** Try to create the lock (or verify it is still ours); report ElectionWon or LockObserved. */
  record JoinElection() implements Effect {}

  /**
   * Release the lock if we hold it; delete our breadcrumb only when the local NameNode stepped down cleanly.
   * With {@code verdict}, first leave that verdict about the local NameNode beside the lock (in the same
   * ZooKeeper transaction as the release), so that the next active can skip a graceful fence that would only
   * wait for its timeout.
   */
  record QuitElection(boolean deleteBreadcrumb, Optional<HealthState> verdict) implements Effect {
    public QuitElection(boolean deleteBreadcrumb) {
      this(deleteBreadcrumb, Optional.empty());
    }
  }

  record ReadBreadcrumb(long attempt) implements Effect {}

  /** Ask another NameNode for its HA state (one getServiceStatus, short timeout); reply NameNodeProbed. */
  record ProbeNameNode(long attempt, String namenodeId) implements Effect {}

  /** Ask the old active to go standby, with the graceful-fence timeout. */
  record GracefulFence(long attempt, String namenodeId) implements Effect {}

  /** Run the fencing chain against the old active. */
  record Fence(long attempt, String namenodeId) implements Effect {}

  /**
   * Increment the epoch (CAS) and write our breadcrumb (versioned). {@code floor}: the highest epoch this
   * controller has seen; the claimed epoch is above it even when the epoch znode cannot be read.
   */
  record ClaimEpoch(long attempt, long floor) implements Effect {
    public ClaimEpoch(long attempt) {
      this(attempt, 0);
    }
  }

  record TransitionToActive(long attempt) implements Effect {}

  record TransitionToStandby(String reason) implements Effect {}

  record ScheduleTimer(TimerKind kind, Duration delay, long token) implements Effect {}

  /** Answer an admin request. */
  record Reply(long requestId, boolean ok, String message) implements Effect {}

  /** Run a graceful failover to this node (fail-back to the preferred active). */
  record StartGracefulFailover(String reason) implements Effect {}
}
