package io.baton.chaos.net;

import io.baton.chaos.cluster.ClusterControl.Links;
import io.baton.chaos.net.TcpProxy.Cut;
import io.baton.config.LoopbackPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cuttable links of a loopback cluster: every NameNode host reaches ZooKeeper through its own proxies (one per
 * server), the clients reach every NameNode's RPC and HTTP ports through proxies, and every NameNode host reaches
 * each other host's NameNode RPC and controller ports through proxies of its own (one set per direction, so that a
 * partition can be one-way). A host's configuration names its peers by those proxies; the addresses in ZooKeeper
 * stay the real ones, which Baton accepts with a warning ("mismatched address stored in ZK") because it fences by
 * NameNode id.
 */
public final class LoopbackLinks implements Links, AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final Map<String, List<TcpProxy>> zookeeperByHost = new LinkedHashMap<>();
  private final Map<String, List<TcpProxy>> clientsByHost = new LinkedHashMap<>();
  private final Map<String, List<TcpProxy>> peerByDirection = new LinkedHashMap<>();

  /**
   * @param zookeeperPorts the client ports of the ZooKeeper servers (127.0.0.1)
   * @param clientPorts NameNode id to the ports clients use (RPC and HTTP)
   * @param peerPorts NameNode id to the ports the other hosts use (NameNode RPC and controller ZKFC port)
   */
  public LoopbackLinks(List<Integer> zookeeperPorts, Map<String, List<Integer>> clientPorts,
      Map<String, List<Integer>> peerPorts) throws IOException {
    try {
      for (String nn : clientPorts.keySet()) {
        List<TcpProxy> zk = new ArrayList<>();
        for (int i = 0; i < zookeeperPorts.size(); i++) {
          zk.add(proxy(nn + "->zk" + (i + 1), zookeeperPorts.get(i)));
        }
        zookeeperByHost.put(nn, zk);
        List<TcpProxy> clients = new ArrayList<>();
        for (int port : clientPorts.get(nn)) {
          clients.add(proxy("clients->" + nn + ":" + port, port));
        }
        clientsByHost.put(nn, clients);
      }
      for (String from : peerPorts.keySet()) {
        for (String to : peerPorts.keySet()) {
          if (!from.equals(to)) {
            List<TcpProxy> peer = new ArrayList<>();
            for (int port : peerPorts.get(to)) {
              peer.add(proxy(from + "->" + to + ":" + port, port));
            }
            peerByDirection.put(direction(from, to), peer);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private static TcpProxy proxy(String name, int targetPort) throws IOException {
    return new TcpProxy(name, LoopbackPorts.free(), new InetSocketAddress(HOST, targetPort));
  }

  private static String direction(String from, String to) {
    return from + "->" + to;
  }

  /** The ha.zookeeper.quorum that NameNode host {@code nn} uses: its own proxies. */
  public String zookeeperQuorumFor(String nn) {
    return hostProxies(zookeeperByHost, nn).stream().map(p -> HOST + ":" + p.port())
        .collect(Collectors.joining(","));
  }

  /** The port clients use for NameNode {@code nn}'s port number {@code index} (0 RPC, 1 HTTP). */
  public int clientPortFor(String nn, int index) {
    return hostProxies(clientsByHost, nn).get(index).port();
  }

  /** The port host {@code from} uses for host {@code to}'s port number {@code index} (0 RPC, 1 controller). */
  public int peerPortFor(String from, String to, int index) {
    return hostProxies(peerByDirection, direction(from, to)).get(index).port();
  }

  @Override
  public void hostToZooKeeper(String nnId, boolean cut) {
    hostProxies(zookeeperByHost, nnId).forEach(p -> set(p, cut, Cut.ALL));
  }

  @Override
  public void zooKeeperRepliesToHost(String nnId, boolean cut) {
    hostProxies(zookeeperByHost, nnId).forEach(p -> set(p, cut, Cut.REPLIES));
  }

  @Override
  public void clientsToHost(String nnId, boolean cut) {
    hostProxies(clientsByHost, nnId).forEach(p -> set(p, cut, Cut.ALL));
  }

  @Override
  public void hostRepliesToClients(String nnId, boolean cut) {
    hostProxies(clientsByHost, nnId).forEach(p -> set(p, cut, Cut.REPLIES));
  }

  /** Both ways: every connection between the hosts stalls; one way: {@code fromNn} cannot open connections. */
  @Override
  public void hostToHost(String fromNn, String toNn, boolean oneWay, boolean cut) {
    if (oneWay) {
      hostProxies(peerByDirection, direction(fromNn, toNn)).forEach(p -> set(p, cut, Cut.NEW_CONNECTIONS));
    } else {
      hostProxies(peerByDirection, direction(fromNn, toNn)).forEach(p -> set(p, cut, Cut.ALL));
      hostProxies(peerByDirection, direction(toNn, fromNn)).forEach(p -> set(p, cut, Cut.ALL));
    }
  }

  @Override
  public boolean supportsHostToHost() {
    return true;
  }

  private static void set(TcpProxy p, boolean cut, Cut how) {
    if (cut) {
      p.cut(how);
    } else {
      p.heal();
    }
  }

  private static List<TcpProxy> hostProxies(Map<String, List<TcpProxy>> byHost, String key) {
    List<TcpProxy> proxies = byHost.get(key);
    if (proxies == null) {
      throw new IllegalArgumentException("no link " + key + " in " + byHost.keySet());
    }
    return proxies;
  }

  @Override
  public void close() {
    zookeeperByHost.values().forEach(l -> l.forEach(TcpProxy::close));
    clientsByHost.values().forEach(l -> l.forEach(TcpProxy::close));
    peerByDirection.values().forEach(l -> l.forEach(TcpProxy::close));
  }
}
