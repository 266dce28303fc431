package io.baton.fencing;

import io.baton.config.HostPort;
import io.baton.config.NameNodeConfig;
import java.net.InetSocketAddress;
import java.util.Map;
import org.apache.hadoop.ha.NodeFencer;
import org.apache.hadoop.net.NetUtils;

/**
 * A NameNode seen through Hadoop's {@link org.apache.hadoop.ha.HAServiceTarget}, for Hadoop fence methods.
 * Fencing parameters are those of Hadoop's NNHAServiceTarget: address, host, port, nameserviceid, namenodeid.
 */
final class HadoopTarget extends org.apache.hadoop.ha.HAServiceTarget {
  private final NameNodeConfig nameNode;
  private final boolean autoFailover;

  HadoopTarget(NameNodeConfig nameNode, boolean autoFailover) {
    this.nameNode = nameNode;
    this.autoFailover = autoFailover;
  }

  @Override
  public InetSocketAddress getAddress() {
    return address(nameNode.haAddress());
  }

  @Override
  public InetSocketAddress getHealthMonitorAddress() {
    return address(nameNode.healthAddress());
  }

  @Override
  public InetSocketAddress getZKFCAddress() {
    return address(nameNode.controllerAddress());
  }

  /** Baton runs the fencing itself; Hadoop fencers do not need a NodeFencer of the target. */
  @Override
  public NodeFencer getFencer() {
    return null;
  }

  @Override
  public void checkFencingConfigured() {
    // the chain was built from a validated configuration
  }

  @Override
  public boolean isAutoFailoverEnabled() {
    return autoFailover;
  }

  @Override
  protected void addFencingParameters(Map<String, String> ret) {
    super.addFencingParameters(ret);
    ret.put("nameserviceid", nameNode.nameserviceId());
    ret.put("namenodeid", nameNode.id());
  }

  /** Keeps the configured host name, as Hadoop's NetUtils does (a bare InetSocketAddress would reverse-resolve). */
  private static InetSocketAddress address(HostPort hp) {
    return NetUtils.createSocketAddrForHost(hp.host(), hp.port());
  }

  @Override
  public String toString() {
    return "NameNode " + nameNode.qualifiedId() + " at " + nameNode.haAddress();
  }
}
