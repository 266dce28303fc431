package io.baton.controller.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything that can happen to the controller. Adapters and the admin surface submit these to the actor
 * thread; results of effects come back as events tagged with the promotion attempt they belong to, so late
 * results of an abandoned attempt are recognised and dropped.
 */
public sealed interface Event {

  /** One health poll of the local NameNode; {@code reported} is empty when getServiceStatus failed. */
  record HealthChecked(HealthState health, Optional<ServiceState> reported, String detail) implements Event {}

  /** We created the lock znode (or found it still owned by our session). {@code lockFreeSince}: when we saw it vanish. */
  record ElectionWon(Optional<Instant> lockFreeSince) implements Event {}

  /** The lock's holder as last seen (empty: nobody holds it); {@code epoch} is the last promotion's epoch. */
  record LockObserved(Optional<String> holder, long epoch) implements Event {}

  record ZkConnectionChanged(ZkConnection state) implements Event {}

  /**
   * The breadcrumb (last active) and the last promotion, read after winning.
   *
   * @param previousActive NameNode id named by the breadcrumb; empty when there is none
   * @param lastPromotionAt when the last promotion of this nameservice happened (from the epoch znode)
   * @param previousActiveReachable whether the old active's HA port still accepts connections; a NameNode that
   *     is down (crash, host gone) is replaced at once, anti-flapping only holds back failovers away from a
   *     NameNode that is still there (slow, paused, unhealthy)
   * @param breadcrumbOrder ZooKeeper's order of the breadcrumb's last write (its mzxid; 0 without breadcrumb)
   * @param verdict the step-down verdict found beside the lock, if any (it may be older than the breadcrumb)
   * @param unreadable why the breadcrumb exists but names none of our NameNodes (naming the znode); then
   *     {@code previousActive} is empty and every other NameNode of the nameservice is fenced
   */
  record BreadcrumbRead(long attempt, Optional<String> previousActive, Optional<Instant> lastPromotionAt,
      boolean previousActiveReachable, long breadcrumbOrder, Optional<StepDownVerdict> verdict,
      Optional<String> unreadable) implements Event {
    public BreadcrumbRead(long attempt, Optional<String> previousActive, Optional<Instant> lastPromotionAt,
        boolean previousActiveReachable, long breadcrumbOrder, Optional<StepDownVerdict> verdict) {
      this(attempt, previousActive, lastPromotionAt, previousActiveReachable, breadcrumbOrder, verdict,
          Optional.empty());
    }

    /** When reachability was not probed: assume the old active is alive (anti-flapping applies). */
    public BreadcrumbRead(long attempt, Optional<String> previousActive, Optional<Instant> lastPromotionAt) {
      this(attempt, previousActive, lastPromotionAt, true);
    }

    /** Without a step-down verdict (a Hadoop ZKFC peer never leaves one). */
    public BreadcrumbRead(long attempt, Optional<String> previousActive, Optional<Instant> lastPromotionAt,
        boolean previousActiveReachable) {
      this(attempt, previousActive, lastPromotionAt, previousActiveReachable, 0, Optional.empty());
    }
  }

  /**
   * The HA state of another NameNode, asked before anti-flapping defers a promotion away from it; empty when it
   * did not answer (down, or its host is gone).
   */
  record NameNodeProbed(long attempt, String namenodeId, Optional<ServiceState> state, String detail)
      implements Event {}

  /** transitionToStandby sent to the old active (the "graceful fence"). */
  record GracefulFenceDone(long attempt, boolean ok, String detail) implements Event {}

  record FenceDone(long attempt, FenceResult result) implements Event {}

  /** The epoch counter was incremented and our breadcrumb written. */
  record EpochClaimed(long attempt, long epoch) implements Event {}

  /** transitionToActive on the local NameNode. */
  record ActivationDone(long attempt, boolean ok, String detail) implements Event {}

  /** A ZooKeeper step of a promotion failed (breadcrumb read, epoch claim, breadcrumb write). */
  record StepFailed(long attempt, String step, String error) implements Event {}

  /** transitionToStandby on the local NameNode. */
  record StandbyDone(boolean ok, String detail) implements Event {}

  record TimerFired(TimerKind kind, long token) implements Event {}

  /** ZKFCProtocol.cedeActive / POST /v1/cede: step down and stay out of the election for {@code period}. */
  record CedeRequested(long requestId, Duration period) implements Event {}

  /** Maintenance: no automatic failover until resumed or until {@code expiry} (default when empty). */
  record PauseRequested(long requestId, String reason, Optional<Duration> expiry) implements Event {}

  record ResumeRequested(long requestId) implements Event {}

  /** A graceful failover to this node is about to cede the others: the next promotion is a manual one. */
  record ManualFailoverExpected(String reason) implements Event {}

  /** Graceful shutdown: demote an active NameNode, then leave the election. */
  record StopRequested(long requestId) implements Event {}
}
