package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Links;
import java.util.Optional;

/**
 * Silent network partitions of the active NameNode's host: from ZooKeeper, from the clients, or from the other
 * NameNode host (both ways, or one way for an asymmetric partition).
 */
public final class Partition implements Fault {
  /** Which links the partition cuts. */
  public enum Cut { FROM_ZOOKEEPER, FROM_CLIENTS, FROM_PEER, ONE_WAY_TO_PEER }

  private final String kind;
  private final Cut cut;
  private String victim;
  private String peer;

  public Partition(String kind, Cut cut) {
    this.kind = kind;
    this.cut = cut;
  }

  @Override
  public String name() {
    return victim == null ? kind : kind + "(" + victim + ")";
  }

  @Override
  public String inject(ClusterControl cluster) {
    Links links = cluster.links().orElseThrow(() -> new UnsupportedFaultException(kind
        + " needs cuttable links (loopback proxies or network namespaces), which this cluster does not have"));
    if ((cut == Cut.FROM_PEER || cut == Cut.ONE_WAY_TO_PEER) && !links.supportsHostToHost()) {
      throw new UnsupportedFaultException(kind + " needs network namespaces (run as root with `ip netns`)");
    }
    victim = ActiveTarget.resolve(cluster, kind);
    peer = ActiveTarget.other(cluster, victim);
    apply(links, true);
    return "cut " + describe();
  }

  @Override
  public String heal(ClusterControl cluster) {
    apply(cluster.links().orElseThrow(), false);
    return "healed " + describe();
  }

  private void apply(Links links, boolean cutIt) {
    switch (cut) {
      case FROM_ZOOKEEPER -> links.hostToZooKeeper(victim, cutIt);
      case FROM_CLIENTS -> links.clientsToHost(victim, cutIt);
      case FROM_PEER, ONE_WAY_TO_PEER -> links.hostToHost(victim, peer, cut == Cut.ONE_WAY_TO_PEER, cutIt);
    }
  }

  private String describe() {
    return switch (cut) {
      case FROM_ZOOKEEPER -> victim + " <-/-> zookeeper";
      case FROM_CLIENTS -> "clients -/-> " + victim;
      case FROM_PEER -> victim + " <-/-> " + peer;
      case ONE_WAY_TO_PEER -> victim + " -/-> " + peer;
    };
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
