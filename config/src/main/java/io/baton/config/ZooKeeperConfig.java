package io.baton.config;

import java.time.Duration;
import java.util.Optional;

/**
 * ZooKeeper settings for one nameservice ({@code ha.zookeeper.*}, nameservice suffix applied,
 * {@code @file} indirection resolved).
 *
 * @param quorum {@code ha.zookeeper.quorum}: {@code host:port,...}; empty when not configured
 * @param sessionTimeout {@code ha.zookeeper.session-timeout.ms} (10 s)
 * @param parentZnode {@code ha.zookeeper.parent-znode} (/hadoop-ha); the scope znode is parent + "/" + nsId
 * @param acl {@code ha.zookeeper.acl} text (world:anyone:rwcda)
 * @param auth {@code ha.zookeeper.auth} text ({@code scheme:auth,...}), a secret
 * @param sslEnabled {@code dfs.ha.zkfc.client.ssl.enabled} / {@code hadoop.zk.ssl.enabled}
 */
public record ZooKeeperConfig(
    String quorum,
    Duration sessionTimeout,
    String parentZnode,
    String acl,
    Optional<Secret> auth,
    boolean sslEnabled) {

  public boolean isConfigured() {
    return !quorum.isBlank();
  }

  /** The znode under which this nameservice's lock and breadcrumb live. */
  public String scopeZnode(String nameserviceId) {
    return (parentZnode.endsWith("/") ? parentZnode : parentZnode + "/") + nameserviceId;
  }
}
