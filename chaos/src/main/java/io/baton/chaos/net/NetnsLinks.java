package io.baton.chaos.net;

import io.baton.chaos.cluster.ClusterControl.Links;
import java.util.List;

/**
 * The links of a namespace run, cut with iptables rules inside the cut NameNode host's namespace (so that the
 * root namespace's rules stay untouched). Whole-host partitions drop both ways; asymmetric ones drop one way
 * (replies) or only new connections.
 */
public final class NetnsLinks implements Links {
  private final NetnsPlan plan;

  public NetnsLinks(NetnsPlan plan) {
    this.plan = plan;
  }

  @Override
  public void hostToZooKeeper(String nnId, boolean cut) {
    all(plan.partition(nnId, Topology.ZOOKEEPER, false, cut));
  }

  @Override
  public void zooKeeperRepliesToHost(String nnId, boolean cut) {
    must(plan.drop(nnId, Topology.ZOOKEEPER, true, cut));
  }

  @Override
  public void clientsToHost(String nnId, boolean cut) {
    all(plan.partition(nnId, Topology.CLIENTS, false, cut));
  }

  @Override
  public void hostRepliesToClients(String nnId, boolean cut) {
    must(plan.drop(nnId, Topology.CLIENTS, false, cut));
  }

  @Override
  public void hostToHost(String fromNn, String toNn, boolean oneWay, boolean cut) {
    all(plan.partition(fromNn, toNn, oneWay, cut));
  }

  @Override
  public boolean supportsHostToHost() {
    return true;
  }

  private static void all(List<List<String>> cmds) {
    cmds.forEach(NetnsLinks::must);
  }

  private static void must(List<String> cmd) {
    NetworkNamespaces.must(cmd);
  }
}
