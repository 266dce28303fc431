package io.baton.controller.core;

/** ZooKeeper connection changes, in Curator's vocabulary. */
public enum ZkConnection {
  /** Connected, first time or again with the same session: the lock, if we held it, is still ours. */
  CONNECTED,
  /** Connection lost, session possibly still alive: stop acting, keep the role (neutral). */
  SUSPENDED,
  /** Connected again after a loss: ownership of the lock must be re-verified. */
  RECONNECTED,
  /** Session expired (or given up): our ephemeral lock is gone and another controller may already lead. */
  LOST
}
