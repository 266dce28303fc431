package io.baton.fencing;

import io.baton.config.ControllerConfig;
import io.baton.config.DeploymentConfig;
import io.baton.config.FailoverConfig;
import io.baton.config.FencingConfig;
import io.baton.config.HealthMonitorConfig;
import io.baton.config.HostPort;
import io.baton.config.JournalNodeConfig;
import io.baton.config.LocalNameNode;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.config.SharedEdits;
import io.baton.config.SharedEditsConfig;
import io.baton.config.ZooKeeperConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds DeploymentConfig records by hand: nameservice ns1 with nn1 (the fencing target) and nn2 (local). */
final class TestDeployment {
  String methods = "shell(true)";
  /** nn2's methods; null means the same configuration as nn1. */
  String nn2Methods = "shell(true)";
  List<Path> keys = List.of(Path.of("/nonexistent/id_ed25519"));
  Duration sshConnectTimeout = Duration.ofSeconds(2);
  Optional<Path> knownHosts = Optional.empty();
  Duration methodTimeout = Duration.ofSeconds(5);
  Duration deadline = Duration.ofSeconds(10);
  int nn1Port = 18020;
  int nn2Port = 18120;
  Optional<SharedEdits> sharedEdits = Optional.empty();
  Map<String, String> hadoopProperties = Map.of();

  static TestDeployment with(String methods) {
    TestDeployment t = new TestDeployment();
    t.methods = methods;
    return t;
  }

  TestDeployment timeouts(Duration methodTimeout, Duration deadline) {
    this.methodTimeout = methodTimeout;
    this.deadline = deadline;
    return this;
  }

  TestDeployment withJournal() {
    return withJournal(List.of(new HostPort("127.0.0.1", 18485)));
  }

  TestDeployment withJournal(List<HostPort> nodes) {
    return withJournal(nodes, "ns1");
  }

  /** The one place tests build shared edits (the config's shape for them may change). */
  TestDeployment withJournal(List<HostPort> nodes, String journalId) {
    sharedEdits = Optional.of(new SharedEditsConfig(nodes, journalId));
    return this;
  }

  FencingConfig fencing() {
    return new FencingConfig(methods, keys, sshConnectTimeout, knownHosts, methodTimeout, deadline);
  }

  NameNodeConfig nn1() {
    return nn("nn1", nn1Port);
  }

  NameNodeConfig nn2() {
    FencingConfig f = fencing();
    if (nn2Methods != null) {
      f = new FencingConfig(nn2Methods, keys, sshConnectTimeout, knownHosts, methodTimeout, deadline);
    }
    return nn("nn2", nn2Port, f);
  }

  private NameNodeConfig nn(String id, int rpcPort) {
    return nn(id, rpcPort, fencing());
  }

  private NameNodeConfig nn(String id, int rpcPort, FencingConfig f) {
    return new NameNodeConfig("ns1", id, new HostPort("127.0.0.1", rpcPort), Optional.empty(), Optional.empty(),
        new HostPort("127.0.0.1", rpcPort + 1850), rpcPort - 1, rpcPort + 70, f);
  }

  DeploymentConfig deployment() {
    ZooKeeperConfig zk = new ZooKeeperConfig("127.0.0.1:12181", Duration.ofSeconds(10), "/hadoop-ha",
        "world:anyone:rwcda", Optional.empty(), false);
    NameserviceConfig ns = new NameserviceConfig("ns1", List.of(nn1(), nn2()), true, zk, Optional.empty(),
        sharedEdits);
    return new DeploymentConfig(Path.of("conf"), List.of(ns), Optional.of(new LocalNameNode("ns1", "nn2")),
        Optional.empty(),
        new HealthMonitorConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(45), 1),
        new FailoverConfig(Duration.ofSeconds(60), Duration.ofSeconds(5), 1, Duration.ofSeconds(20), 3,
            Duration.ofSeconds(1), Duration.ofSeconds(10)),
        new ControllerConfig("127.0.0.1", Optional.empty(), true, Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofHours(1), Duration.ofMinutes(10)),
        new JournalNodeConfig(Path.of("/tmp/journal")), hadoopProperties);
  }

  FencingChain chain() throws Exception {
    return FencingChain.create(deployment(), nn1());
  }
}
