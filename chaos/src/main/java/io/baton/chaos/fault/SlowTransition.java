package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Role;
import java.time.Duration;

/**
 * A slow transitionToActive: the standby is made slow (every RPC delayed, mock fault {@code slow=...}, kept below
 * the health-check RPC timeout so it stays electable), then the active is killed so that the slow one must take
 * over. The heal clears the delay and restarts the killed NameNode.
 */
public final class SlowTransition extends ActiveFault {
  private final Duration delay;
  private String slow;

  public SlowTransition(Duration delay) {
    super("slow-transition");
    this.delay = delay;
  }

  @Override
  String label(String victim) {
    return slow;
  }

  @Override
  String hit(ClusterControl cluster, String victim) {
    slow = ActiveTarget.other(cluster, victim);
    cluster.injectNameNodeFault(slow, "slow=" + delay.toMillis() + "ms");
    return slow + " delays every RPC by " + delay.toMillis() + " ms; " + cluster.kill(Role.NAMENODE, victim);
  }

  @Override
  String repair(ClusterControl cluster, String victim) {
    boolean cleared = cluster.clearNameNodeFaults(slow);
    cluster.restartNameNode(victim);
    return (cleared ? "cleared slow on " : "could not clear slow on ") + slow + "; restarted " + victim;
  }
}
