package io.baton.controller.testkit;

import io.baton.config.AdminAuthConfig;
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
import io.baton.config.ZooKeeperConfig;
import io.baton.config.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built deployments for tests: fast timings, loopback addresses, free ports. */
public final class Fixtures {
  private Fixtures() {}

  /** The admin API token of every test controller: in a temporary folder of this JVM, never in the user's home. */
  public static final Path ADMIN_TOKEN_FILE = tokenFolder().resolve("admin-token");

  private static Path tokenFolder() {
    try {
      Path dir = Files.createTempDirectory("baton-test-admin");
      dir.toFile().deleteOnExit();
      dir.resolve("admin-token").toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code Authorization} header value of the test controllers, once one of them has created the token. */
  public static String adminAuthorization() {
    try {
      return "Bearer " + Files.readString(ADMIN_TOKEN_FILE).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("no admin token yet: start an AdminServer first", e);
    }
  }

  /** A free loopback port below the ephemeral range (see {@link LoopbackPorts}). */
  public static int freePort() {
    return LoopbackPorts.free();
  }

  public static FencingConfig fencing(String methods) {
    return new FencingConfig(methods, List.of(), Duration.ofSeconds(2), Optional.empty(), Duration.ofSeconds(2),
        Duration.ofSeconds(5));
  }

  public static NameNodeConfig namenode(String ns, String id, int rpcPort, int controllerPort, int adminPort) {
    return new NameNodeConfig(ns, id, new HostPort("127.0.0.1", rpcPort), Optional.empty(), Optional.empty(),
        new HostPort("127.0.0.1", freePort()), controllerPort, adminPort, fencing("shell(true)"));
  }

  /** A nameservice "ns1" with the given NameNode ids on free ports, ZooKeeper at {@code quorum}. */
  public static DeploymentConfig deployment(String quorum, String... ids) {
    List<NameNodeConfig> nns = new ArrayList<>();
    for (String id : ids) {
      nns.add(namenode("ns1", id, freePort(), freePort(), freePort()));
    }
    return deployment(quorum, nns, Optional.empty());
  }

  public static DeploymentConfig deployment(String quorum, List<NameNodeConfig> nns, Optional<String> preferred) {
    ZooKeeperConfig zk = new ZooKeeperConfig(quorum, Duration.ofSeconds(3), "/hadoop-ha", "world:anyone:rwcda",
        Optional.empty(), false);
    NameserviceConfig ns = new NameserviceConfig("ns1", nns, true, zk, preferred, Optional.empty());
    HealthMonitorConfig health = new HealthMonitorConfig(Duration.ofMillis(100), Duration.ofMillis(100),
        Duration.ofMillis(100), Duration.ofMillis(1000), 0);
    FailoverConfig failover = new FailoverConfig(Duration.ofSeconds(5), Duration.ofMillis(1000), 0,
        Duration.ofSeconds(2), 3, Duration.ofMillis(200), Duration.ofSeconds(2));
    ControllerConfig controller = new ControllerConfig("127.0.0.1", Optional.empty(), true, Duration.ZERO,
        Duration.ofSeconds(30), Duration.ofHours(1), Duration.ZERO).withAdminAuth(AdminAuthConfig.tokenAt(ADMIN_TOKEN_FILE));
    return new DeploymentConfig(Path.of("."), List.of(ns), Optional.of(new LocalNameNode("ns1", ids(nns).get(0))),
        Optional.empty(), health, failover, controller, new JournalNodeConfig(Path.of(".")),
        Map.of("ipc.client.connect.max.retries", "0", "ipc.client.connect.retry.interval", "100"));
  }

  private static List<String> ids(List<NameNodeConfig> nns) {
    return nns.stream().map(NameNodeConfig::id).toList();
  }

  /** The same deployment seen from NameNode {@code id}. */
  public static DeploymentConfig as(DeploymentConfig d, String id) {
    return new DeploymentConfig(d.confDir(), d.nameservices(), Optional.of(new LocalNameNode("ns1", id)),
        Optional.empty(), d.healthMonitor(), d.failover(), d.controller(), d.journalNode(), d.hadoopProperties());
  }
}
