package io.baton.chaos.bench;

import io.baton.config.NameNodeConfig;
import java.net.InetSocketAddress;
import org.apache.hadoop.ha.BadFencingConfigurationException;
import org.apache.hadoop.ha.HAServiceTarget;
import org.apache.hadoop.ha.NodeFencer;

/**
 * One mock NameNode as Hadoop's ZKFC sees it: its HA RPC address (real Hadoop IPC), its controller's
 * ZKFCProtocol address and the fencer. Automatic failover is on, as {@code dfs.ha.automatic-failover.enabled}.
 */
final class BenchTarget extends HAServiceTarget {
  private final NameNodeConfig namenode;
  private final NodeFencer fencer;

  BenchTarget(NameNodeConfig namenode, NodeFencer fencer) {
    this.namenode = namenode;
    this.fencer = fencer;
  }

  NameNodeConfig namenode() {
    return namenode;
  }

  @Override
  public InetSocketAddress getAddress() {
    return new InetSocketAddress(namenode.haAddress().host(), namenode.haAddress().port());
  }

  @Override
  public InetSocketAddress getHealthMonitorAddress() {
    return new InetSocketAddress(namenode.healthAddress().host(), namenode.healthAddress().port());
  }

  @Override
  public InetSocketAddress getZKFCAddress() {
    return new InetSocketAddress(namenode.host(), namenode.controllerPort());
  }

  @Override
  public NodeFencer getFencer() {
    return fencer;
  }

  @Override
  public void checkFencingConfigured() throws BadFencingConfigurationException {
    if (fencer == null) {
      throw new BadFencingConfigurationException("no fencer configured for " + namenode.qualifiedId());
    }
  }

  @Override
  public boolean isAutoFailoverEnabled() {
    return true;
  }

  @Override
  public String toString() {
    return "NameNode " + namenode.qualifiedId() + " at " + namenode.haAddress();
  }
}
