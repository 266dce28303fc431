package io.baton.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.FailoverRecord;
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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.protocolPB.ZKFCProtocolClientSideTranslatorPB;
import org.apache.hadoop.net.NetUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two controllers, two NameNodes over real Hadoop IPC, a real ZooKeeper: failover on crash, unhealthy, hang
 * and session expiry, graceful failover and cede over Hadoop's own ZKFCProtocol client. Every test asserts that
 * no two NameNodes were ever active at once.
 */
class FailoverIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final SplitBrainDetector detector = new SplitBrainDetector();
  private final Map<String, FakeNameNode> namenodes = new LinkedHashMap<>();
  private final Map<String, FailoverController> controllers = new LinkedHashMap<>();
  private final Map<String, CuratorFramework> zkClients = new LinkedHashMap<>();
  private TestingServer zk;
  private DeploymentConfig deployment;

  @BeforeEach
  void start() throws Exception {
    zk = new TestingServer(true);
    deployment = Fixtures.deployment(zk.getConnectString(), "nn1", "nn2");
    NameserviceConfig ns = deployment.nameservices().get(0);
    try (CuratorFramework admin = ZkClients.start(ns.zookeeper(), 3, Map.of())) {
      ZkClients.awaitConnected(admin, Duration.ofSeconds(10));
      admin.create().creatingParentsIfNeeded().forPath("/hadoop-ha/ns1");
    }
    for (NameNodeConfig nn : ns.namenodes()) {
      namenodes.put(nn.id(), new FakeNameNode(nn, detector).start());
    }
  }

  @AfterEach
  void stop() throws Exception {
    controllers.values().forEach(FailoverController::close);
    namenodes.values().forEach(FakeNameNode::close);
    zk.close();
    assertThat(detector.violations()).as("split brain").isEmpty();
  }

  private FailoverController startController(String id) throws Exception {
    NameserviceConfig ns = deployment.nameservices().get(0);
    NameNodeConfig local = ns.namenode(id).orElseThrow();
    CuratorFramework client = ZkClients.start(ns.zookeeper(), 3, Map.of());
    assertThat(ZkClients.awaitConnected(client, Duration.ofSeconds(10))).isTrue();
    zkClients.put(id, client);
    FailoverController fc = FailoverController.start(Fixtures.as(deployment, id), local, client, this::testFence,
        Clock.systemUTC());
    controllers.put(id, fc);
    return fc;
  }

  /** The test's fencing method: kill the fake NameNode. */
  private FenceResult testFence(NameNodeConfig target) {
    namenodes.get(target.id()).fence();
    return new FenceResult(true, "fenced " + target.id() + " by test-kill in 0 ms",
        List.of(new FenceResult.Attempt("test-kill", "FENCED", Duration.ZERO, "")), Duration.ZERO);
  }

  private String awaitSingleActive() {
    await().atMost(WAIT).until(() -> detector.active().size() == 1
        && controllers.get(detector.active().iterator().next()).runtime().status().state() == ControllerState.ACTIVE);
    assertThat(detector.violations()).isEmpty();
    return detector.active().iterator().next();
  }

  private String other(String id) {
    return id.equals("nn1") ? "nn2" : "nn1";
  }

  private String startBoth() throws Exception {
    startController("nn1");
    String first = awaitSingleActive();
    startController("nn2");
    await().atMost(WAIT).until(() -> controllers.get("nn2").runtime().status().state() == ControllerState.STANDBY
        && controllers.get("nn2").runtime().status().inElection());
    return first;
  }

  @Test
  void crashedActiveIsReplacedAndFenced() throws Exception {
    String active = startBoth();
    assertThat(active).isEqualTo("nn1");
    long t0 = System.nanoTime();
    namenodes.get("nn1").crash();
    await().atMost(WAIT).until(() -> namenodes.get("nn2").state() == HAServiceState.ACTIVE);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(awaitSingleActive()).isEqualTo("nn2");
    FailoverRecord record = controllers.get("nn2").runtime().status().recentFailovers().stream()
        .filter(r -> r.outcome() == FailoverRecord.Outcome.SUCCEEDED).reduce((a, b) -> b).orElseThrow();
    assertThat(record.previousActive()).contains("nn1");
    assertThat(record.epoch()).contains(2L);
    assertThat(namenodes.get("nn1").fenceCount.get()).isEqualTo(1);
    System.out.printf("crash failover: %d ms; phases %s%n", millis, record.phases());
  }

  @Test
  void unhealthyActiveStepsDownWithoutBeingFenced() throws Exception {
    startBoth();
    namenodes.get("nn1").healthy = false;
    assertThat(awaitActive("nn2")).isEqualTo("nn2");
    assertThat(namenodes.get("nn1").state()).isEqualTo(HAServiceState.STANDBY);
    assertThat(namenodes.get("nn1").fenceCount.get()).isZero();
    assertThat(controllers.get("nn1").runtime().status().inElection()).isFalse();
    // it recovers and waits as a standby
    namenodes.get("nn1").healthy = true;
    await().atMost(WAIT).until(() -> controllers.get("nn1").runtime().status().inElection());
    assertThat(detector.active()).containsExactly("nn2");
  }

  @Test
  void hungActiveIsFencedAfterTheRpcTimeout() throws Exception {
    startBoth();
    namenodes.get("nn1").hang();
    assertThat(awaitActive("nn2")).isEqualTo("nn2");
    assertThat(namenodes.get("nn1").fenceCount.get()).isEqualTo(1);
  }

  @Test
  void sessionExpiryMovesTheLockBothWaysAndTheOldActiveDemotes() throws Exception {
    startBoth();
    for (String from : List.of("nn1", "nn2")) {
      zkClients.get(from).getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
      assertThat(awaitActive(other(from))).isEqualTo(other(from));
      await().atMost(WAIT).until(() -> namenodes.get(from).state() == HAServiceState.STANDBY);
      await().atMost(WAIT).until(() -> controllers.get(from).runtime().status().state() == ControllerState.STANDBY
          && controllers.get(from).runtime().status().inElection());
    }
  }

  @Test
  void gracefulFailoverOverHadoopsZkfcClientNeedsNoFencing() throws Exception {
    startBoth();
    NameNodeConfig nn2 = deployment.nameservices().get(0).namenode("nn2").orElseThrow();
    Configuration conf = new Configuration(false);
    ZKFCProtocolClientSideTranslatorPB client = new ZKFCProtocolClientSideTranslatorPB(
        nn2.controllerAddress().toSocketAddress(), conf, NetUtils.getDefaultSocketFactory(conf), 30_000);
    try {
      client.gracefulFailover();
    } finally {
      client.close();
    }
    assertThat(awaitSingleActive()).isEqualTo("nn2");
    assertThat(namenodes.get("nn1").fenceCount.get()).isZero();
    assertThat(namenodes.get("nn1").state()).isEqualTo(HAServiceState.STANDBY);
    FailoverRecord r = controllers.get("nn2").runtime().status().recentFailovers().stream()
        .filter(x -> x.outcome() == FailoverRecord.Outcome.SUCCEEDED).reduce((a, b) -> b).orElseThrow();
    assertThat(r.reason()).startsWith("graceful failover requested over ZKFCProtocol by ");
    // the old active re-joins at once (cedeActive(-1))
    await().atMost(WAIT).until(() -> controllers.get("nn1").runtime().status().inElection());
  }

  @Test
  void cedeActiveAnswersPromptlyAndTheNodeRejoinsAfterTheCedeTime() throws Exception {
    startBoth();
    NameNodeConfig nn1 = deployment.nameservices().get(0).namenode("nn1").orElseThrow();
    Configuration conf = new Configuration(false);
    ZKFCProtocolClientSideTranslatorPB client = new ZKFCProtocolClientSideTranslatorPB(
        nn1.controllerAddress().toSocketAddress(), conf, NetUtils.getDefaultSocketFactory(conf), 10_000);
    long t0 = System.nanoTime();
    try {
      client.cedeActive(3000);
    } finally {
      client.close();
    }
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
    assertThat(awaitActive("nn2")).isEqualTo("nn2");
    assertThat(namenodes.get("nn1").fenceCount.get()).isZero();
    assertThat(controllers.get("nn1").runtime().status().inElection()).isFalse();
    await().atMost(WAIT).until(() -> controllers.get("nn1").runtime().status().inElection());
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(2800);
  }

  @Test
  void standbyThatFailsToActivateLetsTheOtherBack() throws Exception {
    startBoth();
    namenodes.get("nn2").failToActivate = true;
    namenodes.get("nn1").healthy = false;
    await().atMost(WAIT).until(() -> controllers.get("nn2").runtime().status().recentFailovers().stream()
        .anyMatch(r -> r.outcome() == FailoverRecord.Outcome.FAILED));
    assertThat(detector.active()).isEmpty();
    namenodes.get("nn1").healthy = true;
    assertThat(awaitActive("nn1")).isEqualTo("nn1");
  }

  private String awaitActive(String id) {
    await().atMost(WAIT).until(() -> namenodes.get(id).state() == HAServiceState.ACTIVE
        && controllers.get(id).runtime().status().state() == ControllerState.ACTIVE);
    assertThat(detector.violations()).isEmpty();
    return id;
  }
}
