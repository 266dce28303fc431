package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The zombie: the active NameNode hangs (mock fault {@code hang}: it accepts connections and answers nothing, like
 * a long GC pause) for longer than the session timeout and ignores transitionToStandby (mock fault
 * {@code zombie}), so that only fencing can stop it. The heal waits until another NameNode has taken over, lets
 * the zombie run again, and probes it with a fresh client that tries it first: with fencing, the journal refuses
 * its writes (their epoch is stale); without, it acknowledges them (split brain). Then the deposed process is
 * replaced by a fresh standby.
 *
 * <p>Why {@code hang} and not SIGSTOP: a SIGSTOPped mock NameNode resumes with its in-flight journal request
 * timed out and demotes itself (as a real NameNode aborts on a failed journal write), so it would never test
 * fencing; SIGSTOP is the {@code gc-pause} scenario.
 */
public final class Zombie extends ActiveFault {
  static final int PROBE_WRITES = 10;
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
  /** How long the zombie stays hung beyond its hold if the failover has not happened yet. */
  static final Duration FAILOVER_WAIT = Duration.ofSeconds(60);

  public Zombie() {
    super("zombie");
  }

  @Override
  String hit(ClusterControl cluster, String victim) {
    cluster.injectNameNodeFault(victim, "zombie");
    cluster.injectNameNodeFault(victim, "hang");
    return victim + " hangs (fault hang) and ignores transitionToStandby (fault zombie)";
  }

  @Override
  String repair(ClusterControl cluster, String victim) {
    Instant start = Instant.now();
    Optional<String> other = ActiveTarget.awaitOther(cluster, victim, FAILOVER_WAIT);
    boolean resumed = cluster.clearNameNodeFault(victim, "hang");
    if (other.isEmpty()) {
      throw new IllegalStateException("no other NameNode became active within " + FAILOVER_WAIT.toSeconds()
          + " s while " + victim + " hung" + (resumed ? "" : "; and " + victim + " did not answer the fault API"));
    }
    String took = other.get() + " active after " + Duration.between(start, Instant.now()).toMillis() + " ms more";
    cluster.runProbeClient("probe-zombie-" + victim, victim, PROBE_WRITES, PROBE_TIMEOUT);
    cluster.restartNameNode(victim);
    return took + "; " + victim + " runs again as a zombie, probed with " + PROBE_WRITES + " fresh writes trying it "
        + "first, then replaced by a fresh standby";
  }
}
