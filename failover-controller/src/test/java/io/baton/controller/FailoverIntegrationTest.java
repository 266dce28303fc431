package io.baton.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.FailoverRecord;
import io.baton.controller.testkit.FakeNameNode;
import io.baton.controller.testkit.InProcessCluster;
import io.baton.controller.testkit.SplitBrainDetector;
import java.time.Duration;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
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
  private static final Duration WAIT = InProcessCluster.WAIT;
  private InProcessCluster cluster;
  private Map<String, FakeNameNode> namenodes;
  private Map<String, FailoverController> controllers;
  private Map<String, CuratorFramework> zkClients;
  private SplitBrainDetector detector;
  private DeploymentConfig deployment;

  @BeforeEach
  void start() throws Exception {
    cluster = new InProcessCluster("nn1", "nn2");
    namenodes = cluster.namenodes;
    controllers = cluster.controllers;
    zkClients = cluster.zkClients;
    detector = cluster.detector;
    deployment = cluster.deployment;
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private String awaitSingleActive() {
    return cluster.awaitSingleActive();
  }

  private String awaitActive(String id) {
    return cluster.awaitActive(id);
  }

  private String other(String id) {
    return id.equals("nn1") ? "nn2" : "nn1";
  }

  /** The detail of the graceful-fence phase of {@code id}'s last successful promotion. */
  private String gracefulFenceOfLastPromotion(String id) {
    FailoverRecord r = controllers.get(id).runtime().status().recentFailovers().stream()
        .filter(f -> f.kind() == FailoverRecord.Kind.PROMOTION && f.outcome() == FailoverRecord.Outcome.SUCCEEDED)
        .reduce((a, b) -> b).orElseThrow();
    return r.phases().stream().filter(p -> p.name().startsWith("graceful-fence")).findFirst().orElseThrow().detail();
  }

  private String startBoth() throws Exception {
    return cluster.startAll();
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
    assertThat(gracefulFenceOfLastPromotion("nn2")).isEqualTo("nn1 went standby"); // no verdict: it answers
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
    // nn1's controller left its NOT_RESPONDING verdict: no waiting on a graceful fence that cannot answer
    assertThat(gracefulFenceOfLastPromotion("nn2")).startsWith("skipped: its controller stepped down at ")
        .endsWith(" because nn1 was NOT_RESPONDING");
  }

  /**
   * A client-side session expiry: the expired controller demotes its NameNode at once (our LOST policy), then
   * both race for the lock once the server drops the old session; whoever wins, exactly one is active again,
   * with a new epoch. Twice in a row.
   */
  @Test
  void sessionExpiryOfTheActiveDemotesItsNameNodeAndOneNodeEndsActive() throws Exception {
    startBoth();
    String active = "nn1";
    for (int round = 1; round <= 2; round++) {
      long epochBefore = controllers.get(active).runtime().status().epoch();
      int activationsBefore = detector.activations();
      zkClients.get(active).getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
      String expired = active;
      await().atMost(WAIT).until(() -> detector.activations() > activationsBefore);
      active = awaitSingleActive();
      assertThat(controllers.get(active).runtime().status().epoch()).isGreaterThan(epochBefore);
      assertThat(controllers.get(expired).runtime().status().recentFailovers()).anyMatch(
          r -> r.kind() == FailoverRecord.Kind.DEMOTION && r.reason().equals("ZooKeeper session lost"));
      String standby = other(active);
      await().atMost(WAIT).until(() -> controllers.get(standby).runtime().status().state() == ControllerState.STANDBY
          && controllers.get(standby).runtime().status().inElection());
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
}
