package io.baton.controller.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.FailoverController;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.ControllerStatus;
import io.baton.controller.core.FenceResult;
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

/**
 * N controllers and N fake NameNodes (real Hadoop IPC) in this JVM, on a real in-process ZooKeeper, with a
 * shared split-brain detector. The test fencer kills the fake NameNode. {@link #close} asserts no split brain.
 */
public final class InProcessCluster implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(30);
  public final SplitBrainDetector detector = new SplitBrainDetector();
  public final Map<String, FakeNameNode> namenodes = new LinkedHashMap<>();
  public final Map<String, FailoverController> controllers = new LinkedHashMap<>();
  public final Map<String, CuratorFramework> zkClients = new LinkedHashMap<>();
  public final TestingServer zk;
  public final DeploymentConfig deployment;

  public InProcessCluster(String... ids) throws Exception {
    this(d -> d, ids);
  }

  /** With {@code tweak} applied to the test deployment (e.g. another anti-flapping window). */
  public InProcessCluster(java.util.function.UnaryOperator<DeploymentConfig> tweak, String... ids) throws Exception {
    zk = new TestingServer(true);
    deployment = tweak.apply(Fixtures.deployment(zk.getConnectString(), ids));
    NameserviceConfig ns = nameservice();
    try (CuratorFramework admin = ZkClients.start(ns.zookeeper(), 3, Map.of())) {
      ZkClients.awaitConnected(admin, Duration.ofSeconds(10));
      admin.create().creatingParentsIfNeeded().forPath("/hadoop-ha/ns1");
    }
    for (NameNodeConfig nn : ns.namenodes()) {
      namenodes.put(nn.id(), new FakeNameNode(nn, detector).start());
    }
  }

  public NameserviceConfig nameservice() {
    return deployment.nameservices().get(0);
  }

  public FakeNameNode nn(String id) {
    return namenodes.get(id);
  }

  public ControllerStatus status(String id) {
    return controllers.get(id).runtime().status();
  }

  public FailoverController startController(String id) throws Exception {
    NameserviceConfig ns = nameservice();
    CuratorFramework client = ZkClients.start(ns.zookeeper(), 3, Map.of());
    assertThat(ZkClients.awaitConnected(client, Duration.ofSeconds(10))).isTrue();
    zkClients.put(id, client);
    FailoverController fc = FailoverController.start(Fixtures.as(deployment, id), ns.namenode(id).orElseThrow(),
        client, this::testFence, Clock.systemUTC());
    controllers.put(id, fc);
    return fc;
  }

  /** Starts the first controller, waits until it is active, then the others as standbys; returns the active. */
  public String startAll() throws Exception {
    List<String> ids = nameservice().namenodeIds();
    startController(ids.get(0));
    String first = awaitSingleActive();
    for (String id : ids.subList(1, ids.size())) {
      startController(id);
      await().atMost(WAIT).until(() -> status(id).state() == ControllerState.STANDBY && status(id).inElection());
    }
    return first;
  }

  private FenceResult testFence(NameNodeConfig target) {
    namenodes.get(target.id()).fence();
    return new FenceResult(true, "fenced " + target.id() + " by test-kill in 0 ms",
        List.of(new FenceResult.Attempt("test-kill", "FENCED", Duration.ZERO, "")), Duration.ZERO);
  }

  public String awaitSingleActive() {
    await().atMost(WAIT).until(() -> detector.active().size() == 1
        && status(detector.active().iterator().next()).state() == ControllerState.ACTIVE);
    assertThat(detector.violations()).isEmpty();
    return detector.active().iterator().next();
  }

  public String awaitActive(String id) {
    await().atMost(WAIT).until(() -> nn(id).state() == HAServiceState.ACTIVE
        && status(id).state() == ControllerState.ACTIVE);
    assertThat(detector.violations()).isEmpty();
    return id;
  }

  /** Hadoop's own ZKFCProtocol client against a controller. */
  public ZKFCProtocolClientSideTranslatorPB zkfcClient(String id, int timeoutMillis) throws Exception {
    Configuration conf = new Configuration(false);
    return new ZKFCProtocolClientSideTranslatorPB(
        nameservice().namenode(id).orElseThrow().controllerAddress().toSocketAddress(), conf,
        NetUtils.getDefaultSocketFactory(conf), timeoutMillis);
  }

  @Override
  public void close() throws Exception {
    controllers.values().forEach(FailoverController::close);
    namenodes.values().forEach(FakeNameNode::close);
    zk.close();
    assertThat(detector.violations()).as("split brain").isEmpty();
  }
}
