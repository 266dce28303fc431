package io.baton.config;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code baton config}'s readable form: an indented tree of the effective values, secrets masked. */
final class ConfigText {
  private final PrintStream out;

  ConfigText(PrintStream out) {
    this.out = out;
  }

  void print(LoadReport report) {
    report.config().ifPresent(this::config);
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
    HealthMonitorConfig h = c.healthMonitor();
    out.println("health-monitor:");
    line(1, "check-interval", d(h.checkInterval()));
    line(1, "connect-retry-interval", d(h.connectRetryInterval()));
    line(1, "sleep-after-disconnect", d(h.sleepAfterDisconnect()));
    line(1, "rpc-timeout", d(h.rpcTimeout()));
    line(1, "rpc-connect-max-retries", h.connectMaxRetries());
    FailoverConfig f = c.failover();
    out.println("failover:");
    line(1, "new-active-rpc-timeout", d(f.newActiveRpcTimeout()));
    line(1, "graceful-fence-rpc-timeout", d(f.gracefulFenceRpcTimeout()));
    line(1, "graceful-fence-connection-retries", f.gracefulFenceConnectionRetries());
    line(1, "cli-check-rpc-timeout", d(f.cliCheckRpcTimeout()));
    line(1, "zk-op-retries", f.zkOpRetries());
    line(1, "retry-backoff", d(f.retryBackoff()));
    line(1, "max-retry-backoff", d(f.maxRetryBackoff()));
    ControllerConfig ctl = c.controller();
    out.println("controller:");
    line(1, "admin-bind-address", ctl.adminBindAddress());
    line(1, "tls", ctl.tls().map(t -> t.keystore() + " (" + t.keystoreType() + ", password " + t.keystorePassword()
        + ")").orElse("off (plain HTTP)"));
    line(1, "metrics", ctl.metricsEnabled());
    line(1, "anti-flapping-window", d(ctl.antiFlappingWindow()));
    line(1, "failback-delay", d(ctl.failbackDelay()));
    line(1, "maintenance-default-expiry", d(ctl.maintenanceDefaultExpiry()));
    line(1, "fencing-drill-interval", d(ctl.fencingDrillInterval()));
    out.println("journalnode:");
    line(1, "edits-dir", c.journalNode().editsDir());
    out.println("hadoop: " + c.hadoopProperties().size() + " properties (--json lists them)");
    out.println();
  }

  private void nameservice(NameserviceConfig ns) {
    out.println("nameservice " + ns.id() + ":");
    line(1, "automatic-failover", ns.automaticFailover());
    line(1, "preferred-active", ns.preferredActive().orElse("-"));
    line(1, "shared-edits", ns.sharedEdits().map(SharedEditsConfig::uri).orElse("-"));
    ZooKeeperConfig zk = ns.zookeeper();
    line(1, "zookeeper", "");
    line(2, "quorum", zk.isConfigured() ? zk.quorum() : "-");
    line(2, "session-timeout", d(zk.sessionTimeout()));
    line(2, "parent-znode", zk.parentZnode() + " (scope " + zk.scopeZnode(ns.id()) + ")");
    line(2, "acl", zk.acl());
    line(2, "auth", zk.auth().map(Secret::toString).orElse("-"));
    line(2, "ssl", zk.sslEnabled());
    for (NameNodeConfig nn : ns.namenodes()) {
      line(1, "namenode " + nn.id(), "");
      line(2, "rpc-address", nn.rpcAddress());
      line(2, "service-rpc-address", opt(nn.serviceRpcAddress()));
      line(2, "lifeline-rpc-address", opt(nn.lifelineRpcAddress()));
      line(2, "http-address", nn.httpAddress());
      line(2, "controller-port", nn.controllerPort());
      line(2, "admin-port", nn.adminPort());
      FencingConfig fc = nn.fencing();
      line(2, "fencing", "");
      line(3, "methods", fc.methods().isBlank() ? "-" : String.join(" | ", fc.methods().lines().toList()));
      line(3, "ssh-private-key-files", fc.sshPrivateKeyFiles().isEmpty() ? "-" : fc.sshPrivateKeyFiles());
      line(3, "ssh-connect-timeout", d(fc.sshConnectTimeout()));
      line(3, "ssh-known-hosts", opt(fc.sshKnownHostsFile()));
      line(3, "method-timeout", d(fc.methodTimeout()));
      line(3, "deadline", d(fc.deadline()));
    }
  }

  private void line(int depth, String key, Object value) {
    String v = String.valueOf(value);
    out.println("  ".repeat(depth) + key + ":" + (v.isEmpty() ? "" : " " + v));
  }

  private static String opt(Optional<?> value) {
    return value.map(String::valueOf).orElse("-");
  }

  private static String d(Duration duration) {
    return Durations.format(duration);
  }
}
