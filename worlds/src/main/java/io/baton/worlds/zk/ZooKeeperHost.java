package io.baton.worlds.zk;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where a ZooKeeper ensemble's servers run: the address they listen on and how a command is started there
 * (as it is on loopback; wrapped in {@code ip netns exec} by the chaos kit's namespace topology).
 */
public record ZooKeeperHost(String address, UnaryOperator<List<String>> launcher) {
  public static ZooKeeperHost loopback() {
    return new ZooKeeperHost("127.0.0.1", UnaryOperator.identity());
  }
}
