package io.baton.mock;

import io.baton.config.ControllerConfig;
import io.baton.config.DeploymentConfig;
import io.baton.config.FailoverConfig;
import io.baton.config.FencingConfig;
import io.baton.config.HealthMonitorConfig;
import io.baton.config.HostPort;
import io.baton.config.JournalNodeConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.config.SharedEditsConfig;
import io.baton.config.ZooKeeperConfig;
import io.baton.config.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built deployments on free loopback ports, until tests load conf folders with ConfigLoader. */
public final class TestConf {
  public static final String NS = "ns1";

  private TestConf() {}

  /** A free loopback port below the ephemeral range (see {@link LoopbackPorts}). */
  public static int freePort() {
    return LoopbackPorts.free();
  }

  public static HostPort local(int port) {
    return new HostPort("127.0.0.1", port);
  }

  public static NameNodeConfig nameNode(String id) {
    FencingConfig fencing = new FencingConfig("shell(/bin/true)", List.of(), Duration.ofSeconds(5), Optional.empty(),
        Duration.ofSeconds(10), Duration.ofSeconds(20));
    return new NameNodeConfig(NS, id, local(freePort()), Optional.empty(), Optional.empty(), local(freePort()),
        freePort(), freePort(), fencing);
  }

  /** ns1 with {@code count} NameNodes (nn1, nn2, ...) and one journal node at {@code journal} (or none). */
  public static DeploymentConfig deployment(int count, boolean automaticFailover, Optional<HostPort> journal,
      Path editsDir) {
    List<NameNodeConfig> nns = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      nns.add(nameNode("nn" + i));
    }
    ZooKeeperConfig zk = new ZooKeeperConfig("127.0.0.1:2181", Duration.ofSeconds(10), "/hadoop-ha", "world:anyone:rwcda",
        Optional.empty(), false);
    NameserviceConfig ns = new NameserviceConfig(NS, nns, automaticFailover, zk, Optional.empty(),
        journal.map(j -> new SharedEditsConfig(List.of(j), NS)));
    return new DeploymentConfig(editsDir, List.of(ns), Optional.empty(), Optional.of("tests name it"),
        new HealthMonitorConfig(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), 1),
        new FailoverConfig(Duration.ofSeconds(60), Duration.ofSeconds(5), 1, Duration.ofSeconds(20), 3, Duration.ofSeconds(1),
            Duration.ofSeconds(10)),
        new ControllerConfig("127.0.0.1", Optional.empty(), false, Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofHours(1), Duration.ZERO),
        new JournalNodeConfig(editsDir), Map.of("ipc.client.connect.max.retries", "0"));
  }
}
