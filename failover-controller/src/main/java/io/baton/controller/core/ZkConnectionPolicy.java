package io.baton.controller.core;

/**
 * What a ZooKeeper connection change means for the controller, in one place.
 *
 * <ul>
 *   <li>SUSPENDED: the session may still be alive and the lock still ours. Go NEUTRAL: keep the local
 *       NameNode as it is, start nothing new (Hadoop's behaviour).</li>
 *   <li>LOST: the session is gone, so is our ephemeral lock, and another controller may already be promoting.
 *       Unlike Hadoop's ZKFC, an active (or becoming-active) controller demotes its NameNode at once; the
 *       breadcrumb still names it, so the next active also fences it.</li>
 *   <li>CONNECTED / RECONNECTED: leave NEUTRAL. A former active re-verifies that the lock is still its own
 *       before it claims ACTIVE again; everyone else re-joins if electable.</li>
 * </ul>
 */
final class ZkConnectionPolicy {
  enum Reaction { GO_NEUTRAL, DEMOTE, STAY_DOWN, VERIFY_LOCK, RESUME }

  private ZkConnectionPolicy() {}

  /** @param role the role held (for NEUTRAL: the role held before it) */
  static Reaction react(ZkConnection change, ControllerState role) {
    boolean leading = role == ControllerState.ACTIVE || role == ControllerState.BECOMING_ACTIVE;
    switch (change) {
      case SUSPENDED:
        return Reaction.GO_NEUTRAL;
      case LOST:
        return leading ? Reaction.DEMOTE : Reaction.STAY_DOWN;
      default:
        return leading ? Reaction.VERIFY_LOCK : Reaction.RESUME;
    }
  }
}
