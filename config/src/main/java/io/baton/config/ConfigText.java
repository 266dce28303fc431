package io.baton.config;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code baton config}'s readable form: an indented tree of the effective values, each with where it came
 * from (file:line and key, or "default"), secrets masked.
 */
final class ConfigText {
  private static final int COMMENT_COLUMN = 48;

  private final PrintStream out;
  private final Optional<SettingReader> origins;

  ConfigText(PrintStream out, Optional<SettingReader> origins) {
    this.out = out;
    this.origins = origins;
  }

  void print(LoadReport report) {
    report.config().ifPresent(this::config);
    List<ConfigProblem> warnings = report.warnings();
    if (!warnings.isEmpty()) {
      out.println(warnings.size() + (warnings.size() == 1 ? " warning:" : " warnings:"));
      warnings.forEach(w -> out.println("  - " + w));
    }
    List<ConfigProblem> problems = report.problems();
    if (problems.isEmpty()) {
      out.println("Configuration is valid.");
      return;
    }
    out.println(problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
    problems.forEach(p -> out.println("  - " + p));
  }

  private void config(DeploymentConfig c) {
    out.println("conf: " + c.confDir());
    out.println("local NameNode: " + c.local().map(l -> l.nameserviceId() + "." + l.namenodeId())
        .orElse("unknown (" + c.localProblem().orElse("not determined") + ")"));
    for (NameserviceConfig ns : c.nameservices()) {
      nameservice(ns);
    }
    Scope g = Scope.GLOBAL;
    HealthMonitorConfig h = c.healthMonitor();
    section(0, "health-monitor");
    line(1, "check-interval", d(h.checkInterval()), Settings.HM_CHECK_INTERVAL, g);
    line(1, "connect-retry-interval", d(h.connectRetryInterval()), Settings.HM_CONNECT_RETRY_INTERVAL, g);
    line(1, "sleep-after-disconnect", d(h.sleepAfterDisconnect()), Settings.HM_SLEEP_AFTER_DISCONNECT, g);
    line(1, "rpc-timeout", d(h.rpcTimeout()), Settings.HM_RPC_TIMEOUT, g);
    line(1, "rpc-connect-max-retries", h.connectMaxRetries(), Settings.HM_CONNECT_MAX_RETRIES, g);
    FailoverConfig f = c.failover();
    section(0, "failover");
    line(1, "new-active-rpc-timeout", d(f.newActiveRpcTimeout()), Settings.FO_NEW_ACTIVE_TIMEOUT, g);
    line(1, "graceful-fence-rpc-timeout", d(f.gracefulFenceRpcTimeout()), Settings.FO_GRACEFUL_FENCE_TIMEOUT, g);
    line(1, "graceful-fence-connection-retries", f.gracefulFenceConnectionRetries(),
        Settings.FO_GRACEFUL_FENCE_RETRIES, g);
    line(1, "cli-check-rpc-timeout", d(f.cliCheckRpcTimeout()), Settings.FO_CLI_CHECK_TIMEOUT, g);
    line(1, "zk-op-retries", f.zkOpRetries(), Settings.FO_ZK_OP_RETRIES, g);
    line(1, "retry-backoff", d(f.retryBackoff()), Settings.FO_RETRY_BACKOFF, g);
    line(1, "max-retry-backoff", d(f.maxRetryBackoff()), Settings.FO_MAX_RETRY_BACKOFF, g);
    ControllerConfig ctl = c.controller();
    section(0, "controller");
    line(1, "admin-bind-address", ctl.adminBindAddress(), Settings.ADMIN_BIND_ADDRESS, g);
    line(1, "tls", ctl.tls().map(t -> t.keystore() + " (" + t.keystoreType() + ", password " + t.keystorePassword()
        + ")").orElse("off (plain HTTP)"), Settings.TLS_KEYSTORE, g);
    line(1, "admin-auth", ctl.adminAuth().mode().yaml(), Settings.ADMIN_AUTH, g);
    line(1, "admin-token-file", ctl.adminAuth().tokenFile(), Settings.ADMIN_TOKEN_FILE, g);
    line(1, "admin-read-access", ctl.adminAuth().readAccess().yaml(), Settings.ADMIN_READ_ACCESS, g);
    line(1, "metrics", ctl.metricsEnabled(), Settings.METRICS, g);
    line(1, "anti-flapping-window", d(ctl.antiFlappingWindow()), Settings.ANTI_FLAPPING_WINDOW, g);
    line(1, "failback-delay", d(ctl.failbackDelay()), Settings.FAILBACK_DELAY, g);
    line(1, "maintenance-default-expiry", d(ctl.maintenanceDefaultExpiry()), Settings.MAINTENANCE_EXPIRY, g);
    line(1, "fencing-drill-interval", d(ctl.fencingDrillInterval()), Settings.FENCING_DRILL_INTERVAL, g);
    section(0, "journalnode");
    line(1, "edits-dir", c.journalNode().editsDir(), Settings.JOURNAL_EDITS_DIR, g);
    out.println("hadoop: " + c.hadoopProperties().size() + " properties (--json lists them)");
    out.println();
  }

  private void nameservice(NameserviceConfig ns) {
    Scope s = Scope.ns(ns.id());
    section(0, "nameservice " + ns.id());
    line(1, "automatic-failover", ns.automaticFailover(), Settings.AUTOMATIC_FAILOVER, s);
    line(1, "preferred-active", ns.preferredActive().orElse("-"), Settings.PREFERRED_ACTIVE, s);
    line(1, "shared-edits", ns.sharedEdits().map(SharedEdits::uri).orElse("-"), Settings.SHARED_EDITS, s);
    ZooKeeperConfig zk = ns.zookeeper();
    section(1, "zookeeper");
    line(2, "quorum", zk.isConfigured() ? zk.quorum() : "-", Settings.ZK_QUORUM, s);
    line(2, "session-timeout", d(zk.sessionTimeout()), Settings.ZK_SESSION_TIMEOUT, s);
    line(2, "parent-znode", zk.parentZnode() + " (scope " + zk.scopeZnode(ns.id()) + ")", Settings.ZK_PARENT_ZNODE, s);
    line(2, "acl", zk.acl(), Settings.ZK_ACL, s);
    line(2, "auth", zk.auth().map(Secret::toString).orElse("-"), Settings.ZK_AUTH, s);
    line(2, "ssl", zk.sslEnabled(), Settings.ZK_SSL, Scope.GLOBAL);
    for (NameNodeConfig nn : ns.namenodes()) {
      Scope n = Scope.nn(ns.id(), nn.id());
      section(1, "namenode " + nn.id());
      line(2, "rpc-address", nn.rpcAddress(), Settings.RPC_ADDRESS, n);
      line(2, "service-rpc-address", opt(nn.serviceRpcAddress()), Settings.SERVICE_RPC_ADDRESS, n);
      line(2, "lifeline-rpc-address", opt(nn.lifelineRpcAddress()), Settings.LIFELINE_RPC_ADDRESS, n);
      line(2, "http-address", nn.httpAddress(), Settings.HTTP_ADDRESS, n);
      line(2, "controller-port", nn.controllerPort(), Settings.CONTROLLER_PORT, n);
      line(2, "admin-port", nn.adminPort(), Settings.ADMIN_PORT, n);
      FencingConfig fc = nn.fencing();
      section(2, "fencing");
      line(3, "methods", fc.methods().isBlank() ? "-" : String.join(" | ", fc.methods().lines().toList()),
          Settings.FENCING_METHODS, n);
      line(3, "ssh-private-key-files", fc.sshPrivateKeyFiles().isEmpty() ? "-" : fc.sshPrivateKeyFiles(),
          Settings.SSH_PRIVATE_KEY_FILES, n);
      line(3, "ssh-connect-timeout", d(fc.sshConnectTimeout()), Settings.SSH_CONNECT_TIMEOUT, n);
      line(3, "ssh-known-hosts", opt(fc.sshKnownHostsFile()), Settings.SSH_KNOWN_HOSTS, n);
      line(3, "method-timeout", d(fc.methodTimeout()), Settings.FENCING_METHOD_TIMEOUT, n);
      line(3, "deadline", d(fc.deadline()), Settings.FENCING_DEADLINE, n);
    }
  }

  private void section(int depth, String name) {
    out.println("  ".repeat(depth) + name + ":");
  }

  private void line(int depth, String key, Object value, Setting setting, Scope scope) {
    String text = "  ".repeat(depth) + key + ": " + value;
    String from = origins.map(o -> describe(o.origin(setting, scope))).orElse("");
    if (from.isEmpty()) {
      out.println(text);
    } else {
      out.println(text + " ".repeat(Math.max(1, COMMENT_COLUMN - text.length())) + "# " + from);
    }
  }

  private static String describe(Origin o) {
    return switch (o.source()) {
      case DEFAULT -> "default";
      case YAML -> o.location().orElse("baton.yaml");
      case HADOOP -> o.location().map(l -> l + " ").orElse("") + o.key();
    };
  }

  private static String opt(Optional<?> value) {
    return value.map(String::valueOf).orElse("-");
  }

  private static String d(Duration duration) {
    return Durations.format(duration);
  }
}
