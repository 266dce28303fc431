package io.baton.chaos.net;

import io.baton.chaos.cluster.ClusterControl.Links;
import io.baton.controller.local.Ports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cuttable links of a loopback cluster: every NameNode host reaches ZooKeeper through its own proxies (one per
 * server), and the clients reach every NameNode's RPC and HTTP ports through proxies. Links between the NameNode
 * hosts are direct (their addresses are stored in ZooKeeper and must match the configuration), so host-to-host
 * partitions need the namespace mode.
 */
public final class LoopbackLinks implements Links, AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final Map<String, List<TcpProxy>> zookeeperByHost = new LinkedHashMap<>();
  private final Map<String, List<TcpProxy>> clientsByHost = new LinkedHashMap<>();

  /**
   * @param zookeeperPorts the client ports of the ZooKeeper servers (127.0.0.1)
   * @param namenodePorts NameNode id to the ports clients use (RPC and HTTP)
   */
  public LoopbackLinks(List<Integer> zookeeperPorts, Map<String, List<Integer>> namenodePorts) throws IOException {
    try {
      for (String nn : namenodePorts.keySet()) {
        List<TcpProxy> zk = new ArrayList<>();
        for (int i = 0; i < zookeeperPorts.size(); i++) {
          zk.add(proxy(nn + "->zk" + (i + 1), zookeeperPorts.get(i)));
        }
        zookeeperByHost.put(nn, zk);
        List<TcpProxy> clients = new ArrayList<>();
        for (int port : namenodePorts.get(nn)) {
          clients.add(proxy("clients->" + nn + ":" + port, port));
        }
        clientsByHost.put(nn, clients);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private static TcpProxy proxy(String name, int targetPort) throws IOException {
    return new TcpProxy(name, Ports.free(), new InetSocketAddress(HOST, targetPort));
  }

  /** The ha.zookeeper.quorum that NameNode host {@code nn} uses: its own proxies. */
  public String zookeeperQuorumFor(String nn) {
    return hostProxies(zookeeperByHost, nn).stream().map(p -> HOST + ":" + p.port())
        .collect(Collectors.joining(","));
  }

  /** The port clients use for NameNode {@code nn}'s real port {@code realPort}. */
  public int clientPortFor(String nn, int index) {
    return hostProxies(clientsByHost, nn).get(index).port();
  }

  @Override
  public void hostToZooKeeper(String nnId, boolean cut) {
    hostProxies(zookeeperByHost, nnId).forEach(p -> set(p, cut));
  }

  @Override
  public void clientsToHost(String nnId, boolean cut) {
    hostProxies(clientsByHost, nnId).forEach(p -> set(p, cut));
  }

  @Override
  public void hostToHost(String fromNn, String toNn, boolean oneWay, boolean cut) {
    throw new UnsupportedOperationException("host-to-host partitions need the network-namespace mode");
  }

  @Override
  public boolean supportsHostToHost() {
    return false;
  }

  private static void set(TcpProxy p, boolean cut) {
    if (cut) {
      p.cut();
    } else {
      p.heal();
    }
  }

  private static List<TcpProxy> hostProxies(Map<String, List<TcpProxy>> byHost, String nn) {
    List<TcpProxy> proxies = byHost.get(nn);
    if (proxies == null) {
      throw new IllegalArgumentException("no NameNode host " + nn + " in " + byHost.keySet());
    }
    return proxies;
  }

  @Override
  public void close() {
    zookeeperByHost.values().forEach(l -> l.forEach(TcpProxy::close));
    clientsByHost.values().forEach(l -> l.forEach(TcpProxy::close));
  }
}
