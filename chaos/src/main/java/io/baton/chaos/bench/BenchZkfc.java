package io.baton.chaos.bench;

import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceTarget;
import org.apache.hadoop.ha.ZKFailoverController;
import org.apache.hadoop.security.authorize.PolicyProvider;

/**
 * Hadoop's own {@link ZKFailoverController}, unchanged, with the few hooks HDFS's DFSZKFailoverController fills
 * in: targets from the nameservice's NameNodes, the znode scope (the nameservice id), and app data in the lock
 * and breadcrumb (the NameNode id; only this controller reads it). Security is off, as in the benchmark.
 */
final class BenchZkfc extends ZKFailoverController {
  private final NameserviceConfig nameservice;
  private final Map<String, BenchTarget> targets;
  private final String localId;

  BenchZkfc(Configuration conf, NameserviceConfig nameservice, Map<String, BenchTarget> targets, String localId) {
    super(conf, targets.get(localId));
    this.nameservice = nameservice;
    this.targets = targets;
    this.localId = localId;
  }

  static Map<String, BenchTarget> targets(NameserviceConfig ns, Function<NameNodeConfig, BenchTarget> make) {
    return ns.namenodes().stream().collect(Collectors.toMap(NameNodeConfig::id, make));
  }

  @Override
  protected byte[] targetToData(HAServiceTarget target) {
    return ((BenchTarget) target).namenode().id().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected HAServiceTarget dataToTarget(byte[] data) {
    String id = new String(data, StandardCharsets.UTF_8);
    BenchTarget t = targets.get(id);
    if (t == null) {
      throw new IllegalArgumentException("ZooKeeper names NameNode '" + id + "', which is not one of "
          + targets.keySet() + " in nameservice " + nameservice.id());
    }
    return t;
  }

  @Override
  protected void loginAsFCUser() {
    // security off: nothing to log in
  }

  @Override
  protected void checkRpcAdminAccess() {
    // security off: every caller is an admin
  }

  @Override
  protected InetSocketAddress getRpcAddressToBindTo() {
    return targets.get(localId).getZKFCAddress();
  }

  @Override
  protected PolicyProvider getPolicyProvider() {
    return null;
  }

  @Override
  protected List<HAServiceTarget> getAllOtherNodes() {
    return targets.entrySet().stream().filter(e -> !e.getKey().equals(localId))
        .map(e -> (HAServiceTarget) e.getValue()).toList();
  }

  @Override
  protected boolean isSSLEnabled() {
    return false;
  }

  @Override
  protected String getScopeInsideParentNode() {
    return nameservice.id();
  }
}
