package io.baton.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.FailoverRecord;
import io.baton.controller.testkit.FakeNameNode;
import io.baton.controller.testkit.InProcessCluster;
import io.baton.controller.zk.ActiveNodeInfo;
import io.baton.controller.zk.NodeIdentities;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.BadFencingConfigurationException;
import org.apache.hadoop.ha.FenceMethod;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.HAServiceTarget;
import org.apache.hadoop.ha.NodeFencer;
import org.apache.hadoop.ha.ZKFailoverController;
import org.apache.hadoop.security.authorize.PolicyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Migration: a Baton controller (nn1) and Hadoop's own ZKFailoverController (nn2) share one nameservice in
 * ZooKeeper. Each reads the other's lock and breadcrumb (Hadoop's ActiveNodeInfo) and fences the other's
 * NameNode from it. The Hadoop side's app data is our encoder, which {@code ActiveNodeInfoTest} pins to the
 * bytes Hadoop's HDFS ZKFC writes.
 */
class HadoopZkfcInteropTest {
  /** NameNodes the Hadoop-side fence method may kill, by HA port (the fence method is built by class name). */
  static final Map<Integer, FakeNameNode> KILLABLE = new ConcurrentHashMap<>();
  private InProcessCluster c;
  private final ExecutorService hadoopThread = Executors.newSingleThreadExecutor();

  @BeforeEach
  void start() throws Exception {
    c = new InProcessCluster("nn1", "nn2");
    c.namenodes.values().forEach(nn -> KILLABLE.put(port(nn.id), nn));
  }

  @AfterEach
  void stop() throws Exception {
    hadoopThread.shutdownNow();
    c.close();
    KILLABLE.clear();
  }

  private int port(String id) {
    return c.nameservice().namenode(id).orElseThrow().haAddress().port();
  }

  /** Hadoop's fencing method for the test: kills the fake NameNode listening on the target's port. */
  public static final class KillFence implements FenceMethod {
    @Override
    public void checkArgs(String args) {
      // no arguments
    }

    @Override
    public boolean tryFence(HAServiceTarget target, String args) {
      FakeNameNode nn = KILLABLE.get(target.getAddress().getPort());
      if (nn == null) {
        return false;
      }
      nn.fence();
      return true;
    }
  }

  private final class Target extends HAServiceTarget {
    private final NameNodeConfig nn;
    private final Configuration conf;

    Target(NameNodeConfig nn, Configuration conf) {
      this.nn = nn;
      this.conf = conf;
    }

    @Override
    public InetSocketAddress getAddress() {
      return nn.haAddress().toSocketAddress();
    }

    @Override
    public InetSocketAddress getZKFCAddress() {
      return nn.controllerAddress().toSocketAddress();
    }

    @Override
    public NodeFencer getFencer() {
      try {
        return NodeFencer.create(conf, "test.fencing.methods");
      } catch (BadFencingConfigurationException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void checkFencingConfigured() {
      // configured in the test's Configuration
    }

    @Override
    public boolean isAutoFailoverEnabled() {
      return true;
    }
  }

  private final class HadoopZkfc extends ZKFailoverController {
    private final NameserviceConfig ns;
    private final Configuration conf;
    private final NodeIdentities identities;

    HadoopZkfc(Configuration conf, Target local, NameserviceConfig ns) {
      super(conf, local);
      this.conf = conf;
      this.ns = ns;
      this.identities = new NodeIdentities(ns);
    }

    private Target target(String id) {
      return new Target(ns.namenode(id).orElseThrow(), conf);
    }

    @Override
    protected byte[] targetToData(HAServiceTarget target) {
      return identities.infoOf(((Target) target).nn).encode();
    }

    @Override
    protected HAServiceTarget dataToTarget(byte[] data) {
      return target(ActiveNodeInfo.decode(data).namenodeId());
    }

    @Override
    protected void loginAsFCUser() {
      // simple auth
    }

    @Override
    protected void checkRpcAdminAccess() {
      // open
    }

    @Override
    protected InetSocketAddress getRpcAddressToBindTo() {
      return ((Target) localTarget).nn.controllerAddress().toSocketAddress();
    }

    @Override
    protected PolicyProvider getPolicyProvider() {
      return null;
    }

    @Override
    protected List<HAServiceTarget> getAllOtherNodes() {
      return ns.namenodes().stream().filter(n -> !n.id().equals(((Target) localTarget).nn.id()))
          .map(n -> (HAServiceTarget) target(n.id())).toList();
    }

    @Override
    protected boolean isSSLEnabled() {
      return false;
    }

    @Override
    protected String getScopeInsideParentNode() {
      return ns.id();
    }

    boolean healthy() {
      return getLastHealthState() == org.apache.hadoop.ha.HealthMonitor.State.SERVICE_HEALTHY;
    }
  }

  private Configuration hadoopConf() {
    Configuration conf = new Configuration(false);
    conf.set("ha.zookeeper.quorum", c.zk.getConnectString());
    conf.set("ha.zookeeper.session-timeout.ms", "3000");
    conf.set("ha.health-monitor.check-interval.ms", "100");
    conf.set("ha.health-monitor.connect-retry-interval.ms", "100");
    conf.set("ha.health-monitor.sleep-after-disconnect.ms", "100");
    conf.set("ha.health-monitor.rpc-timeout.ms", "1000");
    conf.set("ha.failover-controller.graceful-fence.rpc-timeout.ms", "1000");
    conf.set("ha.failover-controller.graceful-fence.connection.retries", "0");
    conf.set("ha.failover-controller.new-active.rpc-timeout.ms", "5000");
    conf.set("ipc.client.connect.max.retries", "0");
    conf.set("ipc.client.connect.retry.interval", "100");
    conf.set("test.fencing.methods", KillFence.class.getName());
    return conf;
  }

  @Test
  void batonAndHadoopZkfcShareANameserviceAndFenceEachOther() throws Exception {
    c.startController("nn1");
    assertThat(c.awaitSingleActive()).isEqualTo("nn1");
    Configuration conf = hadoopConf();
    NameserviceConfig ns = c.nameservice();
    HadoopZkfc hadoop = new HadoopZkfc(conf, new Target(ns.namenode("nn2").orElseThrow(), conf), ns);
    hadoopThread.submit(() -> hadoop.run(new String[0]));
    await().atMost(InProcessCluster.WAIT).until(() -> c.nn("nn2").state() == HAServiceState.STANDBY
        && hadoop.healthy());

    // Baton's active crashes: Hadoop's ZKFC reads Baton's breadcrumb, fences nn1 and promotes nn2
    c.nn("nn1").crash();
    await().atMost(InProcessCluster.WAIT).until(() -> c.nn("nn2").state() == HAServiceState.ACTIVE);
    assertThat(c.nn("nn1").fenceCount.get()).isEqualTo(1);
    assertThat(c.detector.violations()).isEmpty();

    // nn1 comes back: Baton reads Hadoop's lock data and waits as a standby
    c.nn("nn1").start();
    await().atMost(InProcessCluster.WAIT).until(() -> c.status("nn1").state() == ControllerState.STANDBY
        && c.status("nn1").inElection() && c.status("nn1").currentActive().equals(java.util.Optional.of("nn2")));

    // Hadoop's NameNode turns unhealthy: Baton wins, reads Hadoop's breadcrumb and fences nn2 gracefully
    c.nn("nn2").healthy = false;
    assertThat(c.awaitActive("nn1")).isEqualTo("nn1");
    FailoverRecord r = c.status("nn1").recentFailovers().stream()
        .filter(x -> x.outcome() == FailoverRecord.Outcome.SUCCEEDED).reduce((a, b) -> b).orElseThrow();
    assertThat(r.previousActive()).contains("nn2");
    assertThat(r.phases()).extracting(p -> p.name()).contains("graceful-fence nn2");
    assertThat(c.nn("nn2").state()).isEqualTo(HAServiceState.STANDBY);
  }
}
