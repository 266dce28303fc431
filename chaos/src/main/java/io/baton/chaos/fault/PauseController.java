package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
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
    cluster.controller(victim).signal(Signal.STOP);
    return "SIGSTOP " + cluster.controller(victim);
  }

  @Override
  public String heal(ClusterControl cluster) {
    cluster.controller(victim).signal(Signal.CONT);
    return "SIGCONT " + cluster.controller(victim);
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
