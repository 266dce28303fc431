package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Role;
import java.time.Duration;
import java.util.Optional;

/**
 * A slow transitionToActive: the standby is made slow (every RPC delayed, mock fault {@code slow=...}, kept below
 * the health-check RPC timeout so it stays electable), then the active is killed so that the slow one must take
 * over. The heal clears the delay and restarts the killed NameNode.
 */
public final class SlowTransition implements Fault {
  private final Duration delay;
  private String victim;
  private String slow;

  public SlowTransition(Duration delay) {
    this.delay = delay;
  }

  @Override
  public String name() {
    return victim == null ? "slow-transition" : "slow-transition(" + slow + ")";
  }

  @Override
  public String inject(ClusterControl cluster) {
    victim = ActiveTarget.resolve(cluster, "slow-transition");
    slow = ActiveTarget.other(cluster, victim);
    cluster.injectNameNodeFault(slow, "slow=" + delay.toMillis() + "ms");
    return slow + " delays every RPC by " + delay.toMillis() + " ms; " + cluster.kill(Role.NAMENODE, victim);
  }

  @Override
  public String heal(ClusterControl cluster) {
    boolean cleared = cluster.clearNameNodeFaults(slow);
    cluster.restartNameNode(victim);
    return (cleared ? "cleared slow on " : "could not clear slow on ") + slow + "; restarted " + victim;
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
