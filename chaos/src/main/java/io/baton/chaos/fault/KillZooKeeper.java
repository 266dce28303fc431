package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.ZooKeeperControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * kill -9 of the ZooKeeper leader, or of the leader plus enough followers to lose the quorum; the heal restarts
 * them and waits for the quorum.
 */
public final class KillZooKeeper implements Fault {
  static final Duration QUORUM_WAIT = Duration.ofSeconds(60);

  private final boolean loseQuorum;
  private final List<Integer> killed = new ArrayList<>();

  public KillZooKeeper(boolean loseQuorum) {
    this.loseQuorum = loseQuorum;
  }

  @Override
  public String name() {
    return loseQuorum ? "lose-zk-quorum" : "kill-zk-leader";
  }

  @Override
  public String inject(ClusterControl cluster) {
    ZooKeeperControl zk = cluster.zookeeper();
    zk.awaitQuorum(QUORUM_WAIT);
    int leader = zk.leader().orElseThrow(() -> new IllegalStateException(name() + ": no ZooKeeper leader"));
    killed.add(leader);
    if (loseQuorum) {
      // a majority down: leader plus followers until fewer than size/2+1 remain
      int toKill = zk.size() / 2 + 1;
      for (int i = 0; i < zk.size() && killed.size() < toKill; i++) {
        if (i != leader) {
          killed.add(i);
        }
      }
    }
    killed.forEach(zk::kill);
    return "kill -9 " + servers();
  }

  @Override
  public String heal(ClusterControl cluster) {
    ZooKeeperControl zk = cluster.zookeeper();
    killed.forEach(zk::restart);
    zk.awaitQuorum(QUORUM_WAIT);
    return "restarted " + servers() + ", quorum serving";
  }

  private String servers() {
    return String.join(" ", killed.stream().map(i -> "zk" + (i + 1)).toList());
  }
}
