package io.baton.controller.haadmin;

import io.baton.config.ControllerConfig;
import io.baton.config.DeploymentConfig;
import io.baton.config.FailoverConfig;
import io.baton.config.FencingConfig;
import io.baton.config.HealthMonitorConfig;
import io.baton.config.HostPort;
import io.baton.config.JournalNodeConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.config.ZooKeeperConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds DeploymentConfig records by hand, with short timeouts so failure tests stay fast. */
final class TestDeployment {
  /** One NameNode: its HA RPC port, controller RPC port and admin HTTP port. */
  record Node(String id, int rpcPort, int controllerPort, int adminPort) {}

  private final Map<String, List<Node>> nameservices = new LinkedHashMap<>();
  private final Map<String, Boolean> automatic = new LinkedHashMap<>();
  private String fencingMethods = "shell(/bin/true)";
  private Duration cliCheck = Duration.ofSeconds(2);
  private Duration newActive = Duration.ofSeconds(3);
  private Duration gracefulFence = Duration.ofSeconds(1);

  TestDeployment nameservice(String nsId, boolean automaticFailover, Node... nodes) {
    nameservices.put(nsId, List.of(nodes));
    automatic.put(nsId, automaticFailover);
    return this;
  }

  TestDeployment fencing(String methods) {
    this.fencingMethods = methods;
    return this;
  }

  TestDeployment timeouts(Duration check, Duration transition, Duration graceful) {
    this.cliCheck = check;
    this.newActive = transition;
    this.gracefulFence = graceful;
    return this;
  }

  static Node node(String id, FakeNameNode nn) {
    return new Node(id, nn.port(), 1, 1);
  }

  static Node node(String id, FakeNameNode nn, FakeController c) {
    return new Node(id, nn.port(), c.rpcPort(), c.adminPort());
  }

  static Node node(String id, int rpcPort, int controllerPort, int adminPort) {
    return new Node(id, rpcPort, controllerPort, adminPort);
  }

  DeploymentConfig build() {
    List<NameserviceConfig> list = new ArrayList<>();
    FencingConfig fencing = new FencingConfig(fencingMethods, List.of(), Duration.ofSeconds(2), Optional.empty(),
        Duration.ofSeconds(5), Duration.ofSeconds(10));
    nameservices.forEach((nsId, nodes) -> {
      List<NameNodeConfig> nns = nodes.stream().map(n -> new NameNodeConfig(nsId, n.id(),
          new HostPort("127.0.0.1", n.rpcPort()), Optional.empty(), Optional.empty(),
          new HostPort("127.0.0.1", 1), n.controllerPort(), n.adminPort(), fencing)).toList();
      list.add(new NameserviceConfig(nsId, nns, automatic.get(nsId), new ZooKeeperConfig("127.0.0.1:1",
          Duration.ofSeconds(10), "/hadoop-ha", "world:anyone:rwcda", Optional.empty(), false),
          Optional.empty(), Optional.empty()));
    });
    return new DeploymentConfig(Path.of("conf"), list, Optional.empty(), Optional.empty(),
        new HealthMonitorConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(45), 1),
        new FailoverConfig(newActive, gracefulFence, 0, cliCheck, 3, Duration.ofSeconds(1), Duration.ofSeconds(10)),
        new ControllerConfig("127.0.0.1", Optional.empty(), true, Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofHours(1), Duration.ofMinutes(10))
            .withAdminAuth(io.baton.config.AdminAuthConfig.tokenAt(Path.of("conf", "admin-token"))),
        new JournalNodeConfig(Path.of("journal")), Map.of());
  }
}
