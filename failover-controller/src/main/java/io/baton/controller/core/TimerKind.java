package io.baton.controller.core;

/** The core's timers; only the newest timer of each kind counts (older tokens are ignored). */
public enum TimerKind {
  /** Back-off after a failed promotion or a state mismatch is over: may re-join. */
  REJOIN,
  /** The cede period is over: may re-join. */
  CEDE_OVER,
  /** The maintenance pause expired. */
  PAUSE_EXPIRED,
  /** The anti-flapping window that deferred a promotion is over. */
  ANTI_FLAP_OVER,
  /** Ask the old active again while anti-flapping defers: once it is standby (or gone), the wait is over. */
  ANTI_FLAP_REPROBE,
  /** The preferred active has been healthy long enough: fail back to it. */
  FAILBACK
}
