package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Role;
import io.baton.chaos.cluster.Sleep;
import io.baton.controller.local.Signal;
import java.time.Duration;
import java.time.Instant;
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
  /** How long the zombie stays stopped beyond its hold if the failover has not happened yet. */
  static final Duration FAILOVER_WAIT = Duration.ofSeconds(60);

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
    if (!zombie) {
      return cluster.signal(Role.NAMENODE, victim, Signal.CONT);
    }
    // The zombie case is "resumed AFTER another NameNode took over": wait for the failover first.
    Instant start = Instant.now();
    Optional<String> other = Optional.empty();
    while (other.isEmpty() && Duration.between(start, Instant.now()).compareTo(FAILOVER_WAIT) < 0) {
      other = cluster.awaitSingleActive(Duration.ofSeconds(1)).filter(a -> !a.equals(victim));
      if (other.isEmpty()) {
        Sleep.pause(Duration.ofMillis(200));
      }
    }
    String resumed = cluster.signal(Role.NAMENODE, victim, Signal.CONT);
    if (other.isEmpty()) {
      throw new IllegalStateException("no other NameNode became active within " + FAILOVER_WAIT.toSeconds()
          + " s while " + victim + " was stopped (" + resumed + ")");
    }
    resumed = other.get() + " active after " + Duration.between(start, Instant.now()).toMillis() + " ms more; "
        + resumed;
    cluster.runProbeClient("probe-zombie-" + victim, victim, PROBE_WRITES, PROBE_TIMEOUT);
    cluster.restartNameNode(victim);
    return resumed + ", probed it with " + PROBE_WRITES + " fresh writes, replaced it by a fresh standby";
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
