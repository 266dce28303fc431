package io.baton.controller.haadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.FailoverController;
import io.baton.controller.admin.AdminServer;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.FenceResult;
import io.baton.controller.testkit.FakeNameNode;
import io.baton.controller.testkit.Fixtures;
import io.baton.controller.testkit.SplitBrainDetector;
import io.baton.controller.zk.ZkClients;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * haadmin against Baton's real controllers (election on a real ZooKeeper, ZKFCProtocol, admin API) and two
 * NameNodes over IPC: the commands an operator runs during a planned failover, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HaAdminWithControllersTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final SplitBrainDetector detector = new SplitBrainDetector();
  private final Map<String, FakeNameNode> namenodes = new LinkedHashMap<>();
  private final Map<String, FailoverController> controllers = new LinkedHashMap<>();
  private TestingServer zk;
  private DeploymentConfig deployment;

  @BeforeAll
  void start() throws Exception {
    zk = new TestingServer(true);
    deployment = Fixtures.deployment(zk.getConnectString(), List.of(
        Fixtures.namenode("ns1", "nn1", quietPort(), quietPort(), quietPort()),
        Fixtures.namenode("ns1", "nn2", quietPort(), quietPort(), quietPort())), java.util.Optional.empty());
    NameserviceConfig ns = deployment.nameservices().get(0);
    for (NameNodeConfig nn : ns.namenodes()) {
      namenodes.put(nn.id(), new FakeNameNode(nn, detector).start());
    }
    CuratorFramework setup = ZkClients.start(ns.zookeeper(), 3, Map.of());
    ZkClients.awaitConnected(setup, Duration.ofSeconds(10));
    setup.create().creatingParentsIfNeeded().forPath("/hadoop-ha/ns1");
    setup.close();
    startController(ns.namenode("nn1").orElseThrow());
    await().atMost(WAIT).until(() -> state("nn1") == ControllerState.ACTIVE);
    startController(ns.namenode("nn2").orElseThrow());
    await().atMost(WAIT).until(() -> state("nn2") == ControllerState.STANDBY
        && controllers.get("nn2").runtime().status().inElection());
  }

  /**
   * A free port below the kernel's ephemeral range (32768+), so that the outgoing connections of the many
   * clients in this JVM cannot take it between the probe and the bind.
   */
  private static int quietPort() {
    java.util.Random random = new java.util.Random();
    for (int i = 0; i < 200; i++) {
      int port = 20_000 + random.nextInt(12_000);
      try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      } catch (java.io.IOException e) {
        // taken: try another
      }
    }
    throw new IllegalStateException("no free port in 20000-32000 after 200 tries");
  }

  private void startController(NameNodeConfig local) throws Exception {
    CuratorFramework client = ZkClients.start(deployment.nameservices().get(0).zookeeper(), 3, Map.of());
    ZkClients.awaitConnected(client, Duration.ofSeconds(10));
    FailoverController fc = FailoverController.start(Fixtures.as(deployment, local.id()), local, client,
        t -> new FenceResult(false, "no fencing in this test", List.of(), Duration.ZERO), Clock.systemUTC());
    fc.own(AdminServer.start(Fixtures.as(deployment, local.id()), local, fc));
    controllers.put(local.id(), fc);
  }

  private ControllerState state(String id) {
    return controllers.get(id).runtime().status().state();
  }

  @AfterAll
  void stop() throws Exception {
    controllers.values().forEach(FailoverController::close);
    namenodes.values().forEach(FakeNameNode::close);
    zk.close();
    assertThat(detector.violations()).as("split brain").isEmpty();
  }

  /** With a generous timeout: a loaded 2-core machine can take seconds for a first admin API request. */
  private Cli.Result haadmin(String... args) {
    String[] withTimeout = new String[args.length + 2];
    withTimeout[0] = "--timeout";
    withTimeout[1] = "30s";
    System.arraycopy(args, 0, withTimeout, 2, args.length);
    return new Cli(deployment, new RecordingFencer()).run(withTimeout);
  }

  private String address(String id) {
    return deployment.nameservices().get(0).namenode(id).orElseThrow().haAddress().toString();
  }

  @Test
  void aPlannedFailoverAsAnOperatorRunsIt() {
    assertThat(haadmin("-getAllServiceState")).isEqualTo(new Cli.Result(0, String.format("%-50s %-10s%n%-50s %-10s%n",
        address("nn1"), "active", address("nn2"), "standby"), ""));

    Cli.Result status = haadmin("-status");
    assertThat(status.code()).isZero();
    assertThat(status.out()).containsPattern("nn1 +127\\.0\\.0\\.1:\\d+ +active +healthy +20\\d\\d-\\S+Z +1 +"
        + "20\\d\\d-\\S+Z \\(nn1, SUCCEEDED\\) +\\d+ms\n");

    assertThat(haadmin("-explain").out()).startsWith("ns1:\n  nn1: nn1 is ACTIVE and holds the election lock\n")
        .contains("  nn2: nn2 is STANDBY; the lock is held by nn1\n");

    assertThat(haadmin("-transitionToStandby", "nn1").code()).isEqualTo(12);

    Cli.Result failover = haadmin("-failover", "nn1", "nn2");
    assertThat(failover).isEqualTo(new Cli.Result(0, "Failover to NameNode at " + address("nn2") + " successful\n",
        ""));
    await().atMost(WAIT).until(() -> state("nn2") == ControllerState.ACTIVE);
    assertThat(haadmin("-getServiceState", "nn2").out()).isEqualTo("active\n");

    Cli.Result timeline = haadmin("-timeline");
    assertThat(timeline.code()).isZero();
    assertThat(timeline.out()).containsPattern("ns1 +nn1 +promotion +- +1 +SUCCEEDED")
        .containsPattern("ns1 +nn1 +demotion ")
        .containsPattern("ns1 +nn2 +promotion +\\S+ +2 +SUCCEEDED +\\d+ms +graceful failover requested");

    Cli.Result paused = haadmin("-pause", "--reason", "upgrading nn1", "--expiry", "30m");
    assertThat(paused.code()).isZero();
    assertThat(paused.out()).contains("Automatic failover of ns1 paused at the controller of nn1: ",
        "Automatic failover of ns1 paused at the controller of nn2: ");
    assertThat(haadmin("-status").out()).contains("ns1.nn2: automatic failover paused until ", ": upgrading nn1\n");
    assertThat(haadmin("-explain", "ns1").out()).contains("automatic failover is paused (upgrading nn1)");
    Cli.Result resumed = haadmin("-resume");
    assertThat(resumed.code()).isZero();
    assertThat(resumed.out()).contains("Automatic failover of ns1 resumed at the controller of nn2: nn2: automatic "
        + "failover resumed\n");
  }

  @Test
  void withoutTheTokenThePauseIsRefusedWithWhatToDo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    Cli.Result missing = haadmin("--admin-token-file", dir.resolve("none").toString(), "-pause", "--reason", "x");
    assertThat(missing.code()).isEqualTo(ExitCode.REFUSED.code());
    assertThat(missing.err()).contains("answered 401: no token was sent;",
        "haadmin sent no admin token: " + dir.resolve("none") + " is the token file, and there is no such file.",
        "pass --admin-token-file <file>");
    java.nio.file.Path wrong = java.nio.file.Files.writeString(dir.resolve("wrong"), "0".repeat(64));
    Cli.Result refused = haadmin("--admin-token-file", wrong.toString(), "-pause", "--reason", "x");
    assertThat(refused.code()).isEqualTo(7);
    assertThat(refused.err()).contains("haadmin sent the token from " + wrong + ", which this controller does not "
        + "accept");
    assertThat(controllers.values()).allSatisfy(fc -> assertThat(fc.runtime().status().maintenance()).isEmpty());
    Cli.Result right = haadmin("--admin-token-file", Fixtures.ADMIN_TOKEN_FILE.toString(), "-resume");
    assertThat(right.code()).as("the negative control: the controllers' own token").isZero();
  }
}
