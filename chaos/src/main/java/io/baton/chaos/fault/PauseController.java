package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Role;
import io.baton.controller.local.Signal;
import java.util.Optional;

/** SIGSTOP of the active NameNode's controller (longer than the session timeout), then SIGCONT. */
public final class PauseController implements Fault {
  private String victim;

  @Override
  public String name() {
    return victim == null ? "pause-controller" : "pause-controller(" + victim + ")";
  }

  @Override
  public String inject(ClusterControl cluster) {
    victim = ActiveTarget.resolve(cluster, "pause-controller");
    return cluster.signal(Role.CONTROLLER, victim, Signal.STOP);
  }

  @Override
  public String heal(ClusterControl cluster) {
    return cluster.signal(Role.CONTROLLER, victim, Signal.CONT);
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
