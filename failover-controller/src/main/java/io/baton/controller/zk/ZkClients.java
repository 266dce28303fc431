package io.baton.controller.zk;

import io.baton.config.ZooKeeperConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.RetryNTimes;
import org.apache.hadoop.util.ZKUtil;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;

/** Builds Curator clients from the {@code ha.zookeeper.*} settings (quorum, session, ACL, auth, TLS). */
public final class ZkClients {
  private ZkClients() {}

  /**
   * A started client; {@link #awaitConnected} tells whether ZooKeeper answered.
   *
   * @param opRetries {@code ha.failover-controller.active-standby-elector.zk.op.retries}
   * @param hadoop the Hadoop properties, for the {@code hadoop.zk.ssl.*} keystore settings
   */
  public static CuratorFramework start(ZooKeeperConfig zk, int opRetries, Map<String, String> hadoop) {
    List<ACL> acls = acls(zk.acl());
    int session = (int) zk.sessionTimeout().toMillis();
    CuratorFrameworkFactory.Builder b = CuratorFrameworkFactory.builder()
        .connectString(zk.quorum())
        .sessionTimeoutMs(session)
        .connectionTimeoutMs(Math.min(session, 15_000))
        .retryPolicy(new RetryNTimes(Math.max(0, opRetries), 200))
        .aclProvider(new ACLProvider() {
          @Override
          public List<ACL> getDefaultAcl() {
            return acls;
          }

          @Override
          public List<ACL> getAclForPath(String path) {
            return acls;
          }
        });
    zk.auth().ifPresent(secret -> {
      for (ZKUtil.ZKAuthInfo a : ZKUtil.parseAuth(secret.value())) {
        b.authorization(a.getScheme(), a.getAuth());
      }
    });
    if (zk.sslEnabled()) {
      b.zkClientConfig(tlsConfig(hadoop));
    }
    CuratorFramework client = b.build();
    client.start();
    return client;
  }

  public static boolean awaitConnected(CuratorFramework client, Duration timeout) throws InterruptedException {
    return client.blockUntilConnected((int) Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Hadoop's ACL syntax; an empty result falls back to creator-all, as Hadoop does. */
  static List<ACL> acls(String text) {
    List<ACL> parsed = ZKUtil.parseACLs(text == null || text.isBlank() ? "world:anyone:rwcda" : text);
    return parsed.isEmpty() ? ZooDefs.Ids.CREATOR_ALL_ACL : parsed;
  }

  private static ZKClientConfig tlsConfig(Map<String, String> hadoop) {
    ZKClientConfig c = new ZKClientConfig();
    c.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
    c.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
    copy(hadoop, "hadoop.zk.ssl.keystore.location", c, "zookeeper.ssl.keyStore.location");
    copy(hadoop, "hadoop.zk.ssl.keystore.password", c, "zookeeper.ssl.keyStore.password");
    copy(hadoop, "hadoop.zk.ssl.truststore.location", c, "zookeeper.ssl.trustStore.location");
    copy(hadoop, "hadoop.zk.ssl.truststore.password", c, "zookeeper.ssl.trustStore.password");
    return c;
  }

  private static void copy(Map<String, String> from, String key, ZKClientConfig to, String zkKey) {
    String v = from.get(key);
    if (v != null) {
      to.setProperty(zkKey, v);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
