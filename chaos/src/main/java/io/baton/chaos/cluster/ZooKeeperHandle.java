package io.baton.chaos.cluster;

import io.baton.worlds.zk.ZooKeeperEnsemble;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The ensemble as faults see it: kill and restart servers by index, find the leader, wait for a quorum. */
final class ZooKeeperHandle implements ClusterControl.ZooKeeperControl {
  private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

  private final ZooKeeperEnsemble ensemble;

  ZooKeeperHandle(ZooKeeperEnsemble ensemble) {
    this.ensemble = ensemble;
  }

  /** The client ports, from the connect string (127.0.0.1:p1,127.0.0.1:p2,...). */
  List<Integer> clientPorts() {
    return Arrays.stream(ensemble.connectString().split(","))
        .map(hp -> Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1))).toList();
  }

  @Override
  public int size() {
    return ensemble.size();
  }

  @Override
  public Optional<Integer> leader() {
    return ensemble.leader();
  }

  @Override
  public void kill(int server) {
    ensemble.server(server).killHard(EXIT_WAIT);
  }

  @Override
  public void restart(int server) {
    try {
      if (ensemble.server(server) == null || !ensemble.server(server).isAlive()) {
        ensemble.startServer(server);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restart zk" + (server + 1), e);
    }
  }

  @Override
  public void awaitQuorum(Duration timeout) {
    ensemble.awaitQuorum(timeout);
  }
}
