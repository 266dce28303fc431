package io.baton.config;

import static io.baton.config.Setting.Kind.BOOLEAN;
import static io.baton.config.Setting.Kind.DURATION;
import static io.baton.config.Setting.Kind.DURATION_OR_ZERO;
import static io.baton.config.Setting.Kind.INT;
import static io.baton.config.Setting.Kind.LINES;
import static io.baton.config.Setting.Kind.LIST;
import static io.baton.config.Setting.Kind.PATH;
import static io.baton.config.Setting.Kind.SECRET;
import static io.baton.config.Setting.Kind.STRING;

import io.baton.config.Setting.Kind;
import io.baton.config.Setting.Suffix;
import java.util.List;

/** Every setting Baton reads, with its keys and defaults: the single source for loading, schema and docs. */
final class Settings {
  private Settings() {}

  // NameNode addresses and ports
  static final Setting RPC_ADDRESS = nn("rpc-address", "dfs.namenode.rpc-address", Suffix.NN_ONLY, STRING, null,
      "NameNode client RPC host:port (port defaults to 8020); required");
  static final Setting SERVICE_RPC_ADDRESS = nn("service-rpc-address", "dfs.namenode.servicerpc-address",
      Suffix.NN_ONLY, STRING, null, "NameNode service RPC; when set, HA transitions go here");
  static final Setting LIFELINE_RPC_ADDRESS = nn("lifeline-rpc-address", "dfs.namenode.lifeline.rpc-address",
      Suffix.NN_ONLY, STRING, null, "NameNode lifeline RPC; when set, health checks go here");
  static final Setting HTTP_ADDRESS = nn("http-address", "dfs.namenode.http-address", Suffix.NN_ONLY, STRING, null,
      "NameNode HTTP host:port (port defaults to 9870; host defaults to the rpc-address host)");
  static final Setting CONTROLLER_PORT = nn("controller-port", "dfs.ha.zkfc.port", Suffix.NS_NN, INT, "8019",
      "the controller's ZKFCProtocol port on the NameNode's host");
  static final Setting ADMIN_PORT = new Setting("admin-port", null, "controller.admin-port", List.of(), Suffix.NONE,
      INT, "8090", "the controller's admin HTTP port (default: the NameNode's dfs.ha.zkfc.port + 71, so 8090 for 8019)");

  // Fencing: per NameNode, per nameservice or global
  static final Setting FENCING_METHODS = fencing("methods", "dfs.ha.fencing.methods", LINES, "",
      "fencing methods, one per line, Hadoop syntax (sshfence, shell(...), journal, class names)");
  static final Setting SSH_PRIVATE_KEY_FILES = fencing("ssh-private-key-files", "dfs.ha.fencing.ssh.private-key-files",
      LIST, "", "private keys sshfence may use (comma list in XML, list in YAML)");
  static final Setting SSH_CONNECT_TIMEOUT = fencing("ssh-connect-timeout", "dfs.ha.fencing.ssh.connect-timeout",
      DURATION, "30s", "sshfence SSH connect timeout (milliseconds in XML)");
  static final Setting SSH_KNOWN_HOSTS = fencing("ssh-known-hosts", null, PATH, null,
      "known_hosts file sshfence checks host keys against");
  static final Setting FENCING_METHOD_TIMEOUT = fencing("method-timeout", null, DURATION, "45s",
      "how long one fencing method may run before it counts as failed");
  static final Setting FENCING_DEADLINE = fencing("deadline", null, DURATION, "60s",
      "how long the whole fencing chain may run");

  // Nameservice
  static final Setting AUTOMATIC_FAILOVER = new Setting(null, "automatic-failover", null,
      List.of("dfs.ha.automatic-failover.enabled"), Suffix.NS, BOOLEAN, "false",
      "whether the controller runs elections");
  static final Setting PREFERRED_ACTIVE = new Setting(null, "preferred-active", null, List.of(), Suffix.NONE, STRING,
      null, "NameNode id to fail back to once it has been healthy for controller.failback-delay");
  static final Setting SHARED_EDITS = new Setting(null, "shared-edits", null,
      List.of("dfs.namenode.shared.edits.dir"), Suffix.NS, STRING, null,
      "qjournal://host:port;host:port/journalId, or file:///dir (a shared directory such as NFS)");
  static final Setting ZK_QUORUM = zk("quorum", "ha.zookeeper.quorum", STRING, null,
      "ZooKeeper host:port,... (port defaults to 2181); required with automatic failover");
  static final Setting ZK_SESSION_TIMEOUT = zk("session-timeout", "ha.zookeeper.session-timeout.ms", DURATION, "10s",
      "ZooKeeper session timeout");
  static final Setting ZK_PARENT_ZNODE = zk("parent-znode", "ha.zookeeper.parent-znode", STRING, "/hadoop-ha",
      "parent znode; the nameservice id is appended");
  static final Setting ZK_ACL = zk("acl", "ha.zookeeper.acl", STRING, "world:anyone:rwcda",
      "ACL of the znodes, scheme:id:perms,...; @/path/file reads it from a file");
  static final Setting ZK_AUTH = zk("auth", "ha.zookeeper.auth", SECRET, null,
      "ZooKeeper auth, scheme:auth,...; @/path/file reads it from a file (a secret)");
  static final Setting ZK_SSL = new Setting(null, null, "zookeeper.ssl",
      List.of("hadoop.zk.ssl.enabled", "dfs.ha.zkfc.client.ssl.enabled"), Suffix.NONE, BOOLEAN, "false",
      "TLS to ZooKeeper");

  // Health monitor
  static final Setting HM_CHECK_INTERVAL = global("health-monitor.check-interval",
      "ha.health-monitor.check-interval.ms", DURATION, "1s", "health poll period");
  static final Setting HM_CONNECT_RETRY_INTERVAL = global("health-monitor.connect-retry-interval",
      "ha.health-monitor.connect-retry-interval.ms", DURATION, "1s", "reconnect period when the NameNode is down");
  static final Setting HM_SLEEP_AFTER_DISCONNECT = global("health-monitor.sleep-after-disconnect",
      "ha.health-monitor.sleep-after-disconnect.ms", DURATION, "1s", "pause after a transport error");
  static final Setting HM_RPC_TIMEOUT = global("health-monitor.rpc-timeout", "ha.health-monitor.rpc-timeout.ms",
      DURATION, "45s", "timeout of one health RPC");
  static final Setting HM_CONNECT_MAX_RETRIES = global("health-monitor.rpc-connect-max-retries",
      "ha.health-monitor.rpc.connect.max.retries", INT, "1", "IPC connect retries of the health proxy");

  // Failover
  static final Setting FO_NEW_ACTIVE_TIMEOUT = global("failover.new-active-rpc-timeout",
      "ha.failover-controller.new-active.rpc-timeout.ms", DURATION, "60s", "transitionToActive timeout");
  static final Setting FO_GRACEFUL_FENCE_TIMEOUT = global("failover.graceful-fence-rpc-timeout",
      "ha.failover-controller.graceful-fence.rpc-timeout.ms", DURATION, "5s",
      "transitionToStandby of the old active; twice this is the cede time");
  static final Setting FO_GRACEFUL_FENCE_RETRIES = global("failover.graceful-fence-connection-retries",
      "ha.failover-controller.graceful-fence.connection.retries", INT, "1",
      "IPC connect retries of the graceful fence");
  static final Setting FO_CLI_CHECK_TIMEOUT = global("failover.cli-check-rpc-timeout",
      "ha.failover-controller.cli-check.rpc-timeout.ms", DURATION, "20s", "haadmin's read-only RPC timeout");
  static final Setting FO_ZK_OP_RETRIES = global("failover.zk-op-retries",
      "ha.failover-controller.active-standby-elector.zk.op.retries", INT, "3", "ZooKeeper operation retries");
  static final Setting FO_RETRY_BACKOFF = global("failover.retry-backoff", null, DURATION, "1s",
      "pause after a failed attempt to become active");
  static final Setting FO_MAX_RETRY_BACKOFF = global("failover.max-retry-backoff", null, DURATION, "10s",
      "cap of the pause when attempts keep failing");

  // Controller
  static final Setting ADMIN_BIND_ADDRESS = global("controller.admin-bind-address", null, STRING, "127.0.0.1",
      "address the admin HTTP API binds to");
  static final Setting METRICS = global("controller.metrics", null, BOOLEAN, "true", "serve /metrics");
  static final Setting ANTI_FLAPPING_WINDOW = global("controller.anti-flapping-window", null, DURATION_OR_ZERO, "30s",
      "minimum time between two automatic failovers; 0s = off");
  static final Setting FAILBACK_DELAY = global("controller.failback-delay", null, DURATION_OR_ZERO, "60s",
      "how long the preferred active must be healthy before failing back");
  static final Setting MAINTENANCE_EXPIRY = global("controller.maintenance-default-expiry", null, DURATION, "1h",
      "how long a maintenance pause lasts when none is given");
  static final Setting FENCING_DRILL_INTERVAL = global("controller.fencing-drill-interval", null, DURATION_OR_ZERO,
      "10m", "how often fencing pre-flight runs against peers; 0s = never");
  static final Setting TLS_KEYSTORE = global("controller.tls.keystore", null, PATH, null,
      "keystore of the admin API; setting controller.tls turns HTTPS on");
  static final Setting TLS_KEYSTORE_PASSWORD = global("controller.tls.keystore-password", null, SECRET, null,
      "keystore password (a secret)");
  static final Setting TLS_KEYSTORE_TYPE = global("controller.tls.keystore-type", null, STRING, "PKCS12",
      "keystore type");

  static final Setting ADMIN_AUTH = global("controller.admin-auth", null, STRING, "token",
      "token: mutating calls and diagnostics of the admin API need the token; none: no credential (loopback only)");
  static final Setting ADMIN_TOKEN_FILE = global("controller.admin-token-file", null, PATH,
      AdminAuthConfig.DEFAULT_TOKEN_FILE, "the admin API token, created at first start with mode 0600");
  static final Setting ADMIN_READ_ACCESS = global("controller.admin-read-access", null, STRING, "loopback",
      "who may GET status and metrics without the token: loopback, any or authenticated");

  // Journal node
  static final Setting JOURNAL_EDITS_DIR = global("journalnode.edits-dir", "dfs.journalnode.edits.dir", PATH,
      "/tmp/hadoop/dfs/journalnode", "journal node storage directory");

  static final List<Setting> ALL = List.of(
      RPC_ADDRESS, SERVICE_RPC_ADDRESS, LIFELINE_RPC_ADDRESS, HTTP_ADDRESS, CONTROLLER_PORT, ADMIN_PORT,
      FENCING_METHODS, SSH_PRIVATE_KEY_FILES, SSH_CONNECT_TIMEOUT, SSH_KNOWN_HOSTS, FENCING_METHOD_TIMEOUT,
      FENCING_DEADLINE, AUTOMATIC_FAILOVER, PREFERRED_ACTIVE, SHARED_EDITS, ZK_QUORUM, ZK_SESSION_TIMEOUT,
      ZK_PARENT_ZNODE, ZK_ACL, ZK_AUTH, ZK_SSL, HM_CHECK_INTERVAL, HM_CONNECT_RETRY_INTERVAL,
      HM_SLEEP_AFTER_DISCONNECT, HM_RPC_TIMEOUT, HM_CONNECT_MAX_RETRIES, FO_NEW_ACTIVE_TIMEOUT,
      FO_GRACEFUL_FENCE_TIMEOUT, FO_GRACEFUL_FENCE_RETRIES, FO_CLI_CHECK_TIMEOUT, FO_ZK_OP_RETRIES,
      FO_RETRY_BACKOFF, FO_MAX_RETRY_BACKOFF, ADMIN_BIND_ADDRESS, METRICS, ANTI_FLAPPING_WINDOW, FAILBACK_DELAY,
      MAINTENANCE_EXPIRY, FENCING_DRILL_INTERVAL, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, TLS_KEYSTORE_TYPE,
      ADMIN_AUTH, ADMIN_TOKEN_FILE, ADMIN_READ_ACCESS,
      JOURNAL_EDITS_DIR);

  private static Setting nn(String path, String key, Suffix suffix, Kind kind, String def, String meaning) {
    return new Setting(path, null, null, List.of(key), suffix, kind, def, meaning);
  }

  private static Setting fencing(String leaf, String key, Kind kind, String def, String meaning) {
    String path = "fencing." + leaf;
    return new Setting(path, path, path, key == null ? List.of() : List.of(key), Suffix.NS_NN, kind, def, meaning);
  }

  private static Setting zk(String leaf, String key, Kind kind, String def, String meaning) {
    String path = "zookeeper." + leaf;
    return new Setting(null, path, path, List.of(key), Suffix.NS, kind, def, meaning);
  }

  private static Setting global(String path, String key, Kind kind, String def, String meaning) {
    return new Setting(null, null, path, key == null ? List.of() : List.of(key), Suffix.NONE, kind, def, meaning);
  }
}
