package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Role;
import io.baton.controller.local.Signal;
import java.util.Optional;

/** SIGSTOP of the active NameNode (a GC pause, longer than the session timeout in the scenarios), then SIGCONT. */
public final class PauseNameNode implements Fault {
  private String victim;

  @Override
  public String name() {
    return victim == null ? "pause-namenode" : "pause-namenode(" + victim + ")";
  }

  @Override
  public String inject(ClusterControl cluster) {
    victim = ActiveTarget.resolve(cluster, "pause-namenode");
    return cluster.signal(Role.NAMENODE, victim, Signal.STOP);
  }

  @Override
  public String heal(ClusterControl cluster) {
    return cluster.signal(Role.NAMENODE, victim, Signal.CONT);
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
