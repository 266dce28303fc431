package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Role;
import io.baton.controller.local.Signal;
import java.time.Duration;
import java.util.Optional;

/**
 * SIGSTOP of the active NameNode (a GC pause longer than the session timeout), then SIGCONT. As a zombie, the
 * NameNode was also told (mock fault {@code zombie}) to ignore transitionToStandby and keep serving, so that only
 * fencing can stop it; after SIGCONT a fresh client that tries the old active first probes whether it still
 * acknowledges writes (the split-brain window), and then the deposed process is replaced by a fresh standby.
 */
public final class PauseNameNode implements Fault {
  static final int PROBE_WRITES = 10;
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

  private final String kind;
  private final boolean zombie;
  private String victim;

  public PauseNameNode(String kind, boolean zombie) {
    this.kind = kind;
    this.zombie = zombie;
  }

  @Override
  public String name() {
    return victim == null ? kind : kind + "(" + victim + ")";
  }

  @Override
  public String inject(ClusterControl cluster) {
    victim = ActiveTarget.resolve(cluster, kind);
    if (zombie) {
      cluster.injectNameNodeFault(victim, "zombie");
    }
    return (zombie ? "fault zombie + " : "") + cluster.signal(Role.NAMENODE, victim, Signal.STOP);
  }

  @Override
  public String heal(ClusterControl cluster) {
    String resumed = cluster.signal(Role.NAMENODE, victim, Signal.CONT);
    if (!zombie) {
      return resumed;
    }
    cluster.runProbeClient("probe-zombie-" + victim, victim, PROBE_WRITES, PROBE_TIMEOUT);
    cluster.restartNameNode(victim);
    return resumed + ", probed it with " + PROBE_WRITES + " fresh writes, replaced it by a fresh standby";
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
