package io.baton.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The whole HA deployment, loaded from a conf folder and validated: the only configuration the other
 * modules see. Immutable.
 *
 * @param confDir the folder it was loaded from
 * @param nameservices in the order of {@code dfs.nameservices}
 * @param local the NameNode this process serves, when it could be determined
 * @param localProblem why {@code local} is empty (e.g. several NameNodes match this host), for error messages
 * @param hadoopProperties the effective Hadoop key/values (XML, then the YAML {@code hadoop:} overrides);
 *     {@link #toHadoopConfiguration()} builds a Hadoop Configuration from them for IPC clients and Hadoop fencers
 */
public record DeploymentConfig(
    Path confDir,
    List<NameserviceConfig> nameservices,
    Optional<LocalNameNode> local,
    Optional<String> localProblem,
    HealthMonitorConfig healthMonitor,
    FailoverConfig failover,
    ControllerConfig controller,
    JournalNodeConfig journalNode,
    Map<String, String> hadoopProperties) {

  public DeploymentConfig {
    nameservices = List.copyOf(nameservices);
    hadoopProperties = Map.copyOf(hadoopProperties);
  }

  public Optional<NameserviceConfig> nameservice(String nsId) {
    return nameservices.stream().filter(ns -> ns.id().equals(nsId)).findFirst();
  }

  public List<String> nameserviceIds() {
    return nameservices.stream().map(NameserviceConfig::id).toList();
  }

  /** The NameNode this process serves, or an error that says how to name it. */
  public NameNodeConfig localNameNode() throws ConfigException {
    LocalNameNode l = local.orElseThrow(() -> new ConfigException(List.of(ConfigProblem.of(
        "dfs.ha.namenode.id",
        localProblem.orElse("cannot tell which NameNode this process serves"),
        "pass --id <nnId> (and --ns <nsId> with several nameservices) or set dfs.ha.namenode.id"))));
    return nameservice(l.nameserviceId()).flatMap(ns -> ns.namenode(l.namenodeId())).orElseThrow();
  }

  public NameserviceConfig localNameservice() throws ConfigException {
    return nameservice(localNameNode().nameserviceId()).orElseThrow();
  }

  /**
   * Where the controller's ZKFCProtocol server binds, as Hadoop's ZKFC does: {@code dfs.namenode.servicerpc-bind-host},
   * else {@code dfs.namenode.rpc-bind-host} (each also as {@code key.<nsId>.<nnId>} or {@code key.<nsId>}), else
   * the NameNode's rpc-address host; the port is always {@code dfs.ha.zkfc.port}.
   */
  public HostPort controllerBindAddress(NameNodeConfig nn) {
    for (String key : List.of("dfs.namenode.servicerpc-bind-host", "dfs.namenode.rpc-bind-host")) {
      for (String k : List.of(key + "." + nn.nameserviceId() + "." + nn.id(), key + "." + nn.nameserviceId(), key)) {
        String v = hadoopProperties.get(k);
        if (v != null && !v.isBlank()) {
          return new HostPort(v.strip(), nn.controllerPort());
        }
      }
    }
    return nn.controllerAddress();
  }

  /** A fresh Hadoop Configuration (no default resources) holding the effective Hadoop properties. */
  public Configuration toHadoopConfiguration() {
    Configuration conf = new Configuration(false);
    hadoopProperties.forEach(conf::set);
    return conf;
  }
}
