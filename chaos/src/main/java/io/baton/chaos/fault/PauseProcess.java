package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Role;
import io.baton.worlds.process.Signal;

/** SIGSTOP of the active NameNode or its controller (a GC pause), then SIGCONT. */
public final class PauseProcess extends ActiveFault {
  private final Role role;

  public PauseProcess(String kind, Role role) {
    super(kind);
    this.role = role;
  }

  @Override
  String label(String victim) {
    return role == Role.CONTROLLER ? "zkfc-" + victim : victim;
  }

  @Override
  String hit(ClusterControl cluster, String victim) {
    return cluster.signal(role, victim, Signal.STOP);
  }

  @Override
  String repair(ClusterControl cluster, String victim) {
    return cluster.signal(role, victim, Signal.CONT);
  }
}
