package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Links;

/**
 * Network partitions of the active NameNode's host: silent cuts from ZooKeeper, from the clients or from the other
 * NameNode host, and asymmetric ones (replies lost while requests arrive; one host unable to connect to the other
 * while the reverse works).
 */
public final class Partition extends ActiveFault {
  /** Which links the partition cuts. */
  public enum Cut {
    FROM_ZOOKEEPER,
    /** The active's requests reach ZooKeeper, ZooKeeper's replies do not reach it. */
    ZOOKEEPER_REPLIES,
    FROM_CLIENTS,
    /** The clients' requests reach the active, its replies do not reach them. */
    CLIENT_REPLIES,
    FROM_PEER,
    /** The active's host cannot connect to the other host; the other host still reaches it. */
    ONE_WAY_TO_PEER,
    /** The other host cannot connect to the active's host; the active's host still reaches it. */
    ONE_WAY_FROM_PEER;

    boolean needsHostLinks() {
      return this == FROM_PEER || this == ONE_WAY_TO_PEER || this == ONE_WAY_FROM_PEER;
    }
  }

  private final String kind;
  private final Cut cut;
  private String peer;

  public Partition(String kind, Cut cut) {
    super(kind);
    this.kind = kind;
    this.cut = cut;
  }

  @Override
  void checkSupported(ClusterControl cluster) {
    Links links = cluster.links().orElseThrow(() -> new UnsupportedFaultException(kind
        + " needs cuttable links (loopback proxies or network namespaces), which this cluster does not have"));
    if (cut.needsHostLinks() && !links.supportsHostToHost()) {
      throw new UnsupportedFaultException(kind + " needs links between the NameNode hosts, which this cluster "
          + "does not have");
    }
  }

  @Override
  String hit(ClusterControl cluster, String victim) {
    peer = ActiveTarget.other(cluster, victim);
    apply(cluster.links().orElseThrow(), victim, true);
    return "cut " + describe(victim);
  }

  @Override
  String repair(ClusterControl cluster, String victim) {
    apply(cluster.links().orElseThrow(), victim, false);
    return "healed " + describe(victim);
  }

  private void apply(Links links, String victim, boolean cutIt) {
    switch (cut) {
      case FROM_ZOOKEEPER -> links.hostToZooKeeper(victim, cutIt);
      case ZOOKEEPER_REPLIES -> links.zooKeeperRepliesToHost(victim, cutIt);
      case FROM_CLIENTS -> links.clientsToHost(victim, cutIt);
      case CLIENT_REPLIES -> links.hostRepliesToClients(victim, cutIt);
      case FROM_PEER -> links.hostToHost(victim, peer, false, cutIt);
      case ONE_WAY_TO_PEER -> links.hostToHost(victim, peer, true, cutIt);
      case ONE_WAY_FROM_PEER -> links.hostToHost(peer, victim, true, cutIt);
    }
  }

  private String describe(String victim) {
    return switch (cut) {
      case FROM_ZOOKEEPER -> victim + " <-/-> zookeeper";
      case ZOOKEEPER_REPLIES -> victim + " -> zookeeper delivered, zookeeper -/-> " + victim;
      case FROM_CLIENTS -> "clients -/-> " + victim;
      case CLIENT_REPLIES -> "clients -> " + victim + " delivered, " + victim + " -/-> clients";
      case FROM_PEER -> victim + " <-/-> " + peer;
      case ONE_WAY_TO_PEER -> victim + " -/-> " + peer + " (new connections), " + peer + " -> " + victim;
      case ONE_WAY_FROM_PEER -> peer + " -/-> " + victim + " (new connections), " + victim + " -> " + peer;
    };
  }
}
