package io.baton.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.config.ControllerConfig;
import io.baton.config.DeploymentConfig;
import io.baton.controller.core.Event;
import io.baton.controller.rpc.FailoverRefusedException;
import io.baton.controller.testkit.InProcessCluster;
import io.baton.controller.zk.ZkClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The four stalls of issue 18 on two real controllers (real ZooKeeper, Hadoop IPC, fake NameNodes): each fault,
 * then how long no NameNode was active (measured by the split-brain detector from the fault to the next
 * activation). Before the fixes each of these stayed without an active for 20 s or more (or for good).
 */
class NoActiveWindowTest {
  private static final Duration BOUND = Duration.ofSeconds(5);
  private InProcessCluster c;

  @AfterEach
  void stop() throws Exception {
    if (c != null) {
      c.close();
    }
  }

  private String other(String id) {
    return id.equals("nn1") ? "nn2" : "nn1";
  }

  private void pause(String id) throws Exception {
    c.controllers.get(id).runtime().request(r -> new Event.PauseRequested(r, "maintenance", Optional.of(
        Duration.ofMinutes(2)))).get(10, TimeUnit.SECONDS);
  }

  private Duration report(String stall) {
    Duration none = c.detector.noneActive();
    System.out.printf("no-active window, %s: %d ms%n", stall, none.toMillis());
    return none;
  }

  @Test
  void stall1PausedFailoverIsRefusedUpFrontAndTheActiveStays() throws Exception {
    c = new InProcessCluster("nn1", "nn2");
    String active = c.startAll();
    String target = other(active);
    pause(active);
    pause(target);
    await().atMost(InProcessCluster.WAIT).until(() -> c.status(target).maintenance().isPresent()
        && c.status(active).maintenance().isPresent());
    c.detector.startMeasuring();
    assertThatThrownBy(() -> c.controllers.get(target).gracefulFailover().run("test"))
        .isInstanceOf(FailoverRefusedException.class).hasMessageContaining("automatic failover is paused");
    // the target resumed, the active still paused: the active refuses to cede over ZKFCProtocol
    c.controllers.get(target).runtime().request(Event.ResumeRequested::new).get(10, TimeUnit.SECONDS);
    await().atMost(InProcessCluster.WAIT).until(() -> c.status(target).maintenance().isEmpty());
    assertThatThrownBy(() -> c.controllers.get(target).gracefulFailover().run("test"))
        .isInstanceOf(FailoverRefusedException.class).hasMessageContaining("refused to cede");
    assertThat(c.nn(active).state()).isEqualTo(HAServiceState.ACTIVE);
    assertThat(report("stall 1 (failover while paused)")).isZero();
  }

  @Test
  void stall2AntiFlappingDoesNotHoldBackWhenTheOldActiveDemotedAfterLosingItsSession() throws Exception {
    c = new InProcessCluster(NoActiveWindowTest::antiFlappingOneMinute, "nn1", "nn2");
    String active = c.startAll();
    String next = other(active);
    c.detector.startMeasuring();
    expireSessionOnTheServer(c.zkClients.get(active));
    c.awaitActive(next); // within the anti-flapping window of the first promotion
    assertThat(report("stall 2 (anti-flapping after a lost session)")).isLessThan(BOUND);
  }

  @Test
  void stall3AnUnreadableBreadcrumbFencesEveryOtherNameNode() throws Exception {
    c = new InProcessCluster("nn1", "nn2");
    String active = c.startAll();
    String next = other(active);
    try (CuratorFramework admin = admin()) {
      admin.setData().forPath("/hadoop-ha/ns1/ActiveBreadCrumb", "garbage".getBytes(StandardCharsets.UTF_8));
    }
    c.detector.startMeasuring();
    c.nn(active).crash();
    c.awaitActive(next);
    assertThat(c.nn(active).fenceCount.get()).as("the unknown last active was fenced").isPositive();
    assertThat(report("stall 3 (unreadable breadcrumb, then the active crashed)")).isLessThan(BOUND);
  }

  @Test
  void stall4AnUnreadableEpochDoesNotBlockAGracefulFailover() throws Exception {
    c = new InProcessCluster("nn1", "nn2");
    String active = c.startAll();
    String next = other(active);
    long epochBefore = c.status(active).epoch();
    try (CuratorFramework admin = admin()) {
      admin.setData().forPath("/hadoop-ha/ns1/BatonEpoch", "epoch=banana".getBytes(StandardCharsets.UTF_8));
    }
    c.detector.startMeasuring();
    c.controllers.get(next).gracefulFailover().run("test");
    c.awaitActive(next);
    assertThat(c.status(next).epoch()).as("epochs keep increasing").isGreaterThan(epochBefore);
    // the old active, now a standby, shows the current epoch too (it watches BatonEpoch)
    await().atMost(InProcessCluster.WAIT).until(() -> c.status(active).epoch() == c.status(next).epoch());
    assertThat(report("stall 4 (unreadable epoch, then -failover)")).isLessThan(BOUND);
  }

  private CuratorFramework admin() throws InterruptedException {
    CuratorFramework admin = ZkClients.start(c.nameservice().zookeeper(), 3, Map.of());
    assertThat(ZkClients.awaitConnected(admin, Duration.ofSeconds(10))).isTrue();
    return admin;
  }

  /** Closes the controller's session on the server, as a long pause (SIGSTOP) past the session timeout does. */
  private void expireSessionOnTheServer(CuratorFramework client) throws Exception {
    ZooKeeper victim = client.getZookeeperClient().getZooKeeper();
    ZooKeeper twin = new ZooKeeper(c.zk.getConnectString(), 3000, e -> { }, victim.getSessionId(),
        victim.getSessionPasswd());
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> twin.getState().isConnected());
    } finally {
      twin.close();
    }
  }

  private static DeploymentConfig antiFlappingOneMinute(DeploymentConfig d) {
    ControllerConfig cc = d.controller();
    ControllerConfig window = new ControllerConfig(cc.adminBindAddress(), cc.tls(), cc.metricsEnabled(),
        Duration.ofMinutes(1), cc.failbackDelay(), cc.maintenanceDefaultExpiry(), cc.fencingDrillInterval());
    return new DeploymentConfig(d.confDir(), d.nameservices(), d.local(), Optional.empty(), d.healthMonitor(),
        d.failover(), window, d.journalNode(), d.hadoopProperties());
  }
}
