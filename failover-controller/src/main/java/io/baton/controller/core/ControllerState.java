package io.baton.controller.core;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The controller's role, with its transition table: every transition not listed here is a bug and fails loudly.
 * The local NameNode's own state is tracked separately ({@link ServiceState}); this is what the controller
 * believes and drives.
 */
public enum ControllerState {
  /** Waiting for the first health result. */
  INITIALIZING,
  /** Not the active: either a candidate watching the lock or out of the election (see the election note). */
  STANDBY,
  /** Won the lock; reading the breadcrumb, fencing, claiming the epoch, promoting. */
  BECOMING_ACTIVE,
  /** Holds the lock and the local NameNode is active. */
  ACTIVE,
  /** ZooKeeper connection suspended: keep the current role, start nothing new. */
  NEUTRAL,
  /** The local NameNode is an observer: never promoted, never demoted by the controller. */
  OBSERVER,
  /** Stopped for good. */
  STOPPED;

  private static final Map<ControllerState, Set<ControllerState>> NEXT = new EnumMap<>(ControllerState.class);

  static {
    NEXT.put(INITIALIZING, EnumSet.of(STANDBY, BECOMING_ACTIVE, NEUTRAL, OBSERVER, STOPPED));
    NEXT.put(STANDBY, EnumSet.of(BECOMING_ACTIVE, NEUTRAL, OBSERVER, STOPPED, INITIALIZING));
    NEXT.put(BECOMING_ACTIVE, EnumSet.of(ACTIVE, STANDBY, NEUTRAL, STOPPED));
    NEXT.put(ACTIVE, EnumSet.of(STANDBY, NEUTRAL, STOPPED));
    NEXT.put(NEUTRAL, EnumSet.of(ACTIVE, STANDBY, OBSERVER, INITIALIZING, STOPPED));
    NEXT.put(OBSERVER, EnumSet.of(STANDBY, NEUTRAL, INITIALIZING, STOPPED));
    NEXT.put(STOPPED, EnumSet.noneOf(ControllerState.class));
  }

  public boolean canMoveTo(ControllerState next) {
    return NEXT.get(this).contains(next);
  }
}
