package io.baton.controller;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.core.ControllerCore;
import io.baton.controller.core.CoreSettings;
import io.baton.controller.core.FenceResult;
import io.baton.controller.health.HaServiceClients;
import io.baton.controller.health.HealthMonitor;
import io.baton.controller.rpc.GracefulFailover;
import io.baton.controller.rpc.ZkfcClients;
import io.baton.controller.rpc.ZkfcRpcServer;
import io.baton.controller.zk.NodeIdentities;
import io.baton.controller.zk.ZkElection;
import io.baton.controller.zk.ZkPaths;
import io.baton.fencing.MonotonicClock;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.curator.framework.CuratorFramework;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.ServiceFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of one controller: core, runtime, ZooKeeper election, health monitor and ZKFCProtocol
 * server for the local NameNode. The admin HTTP API is added by {@code ZkfcMain}.
 */
public final class FailoverController implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FailoverController.class);
  private final NameNodeConfig local;
  private final ControllerRuntime runtime;
  private final GracefulFailover gracefulFailover;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Duration stopTimeout;

  private FailoverController(NameNodeConfig local, ControllerRuntime runtime, GracefulFailover gracefulFailover,
      Duration stopTimeout) {
    this.local = local;
    this.runtime = runtime;
    this.gracefulFailover = gracefulFailover;
    this.stopTimeout = stopTimeout;
  }

  /**
   * Starts a controller on an already connected ZooKeeper client (which it takes over and closes).
   *
   * @param fencer fences a peer NameNode; see {@link FencingAdapter#chains}
   * @param wallClock only for the promotion time shared with peers (the epoch record); everything that measures
   *     elapsed time (timeouts, back-off, cede, pause, anti-flapping, phase durations) runs on a
   *     {@link MonotonicClock} anchored at it, so that a wall-clock step changes no decision
   */
  public static FailoverController start(DeploymentConfig deployment, NameNodeConfig local, CuratorFramework zk,
      Function<NameNodeConfig, FenceResult> fencer, Clock wallClock) throws IOException {
    Clock clock = new MonotonicClock(wallClock, System::nanoTime);
    NameserviceConfig ns = deployment.nameservice(local.nameserviceId()).orElseThrow();
    Configuration conf = deployment.toHadoopConfiguration();
    CoreSettings settings = new CoreSettings(local.id(), ns.preferredActive(), deployment.failover().retryBackoff(),
        deployment.failover().maxRetryBackoff(), deployment.controller().antiFlappingWindow(),
        deployment.controller().failbackDelay(), deployment.controller().maintenanceDefaultExpiry(), 50)
        .withPeers(ns.namenodeIds());
    HaServiceClients clients = new HaServiceClients(conf);
    ControllerRuntime runtime = new ControllerRuntime(local.id(), new ControllerCore(settings, clock),
        new HadoopNameNodeOps(deployment, local, clients, fencer));
    Duration graceful = deployment.failover().gracefulFenceRpcTimeout();
    GracefulFailover failover = new GracefulFailover(runtime, ns, local, new ZkfcClients(conf), graceful);
    FailoverController fc = new FailoverController(local, runtime, failover,
        graceful.plus(Duration.ofSeconds(2)));
    fc.resources.add(zk);
    fc.resources.add(runtime);
    try {
      NodeIdentities identities = new NodeIdentities(ns);
      ZkElection election = new ZkElection(zk, new ZkPaths(ns.zookeeper().scopeZnode(ns.id())),
          identities.infoOf(local), identities, runtime::submit, clock, wallClock);
      fc.resources.add(election);
      runtime.attach(election);
      runtime.onGracefulFailoverRequested(fc::failBack);
      ZkfcRpcServer rpc = new ZkfcRpcServer(local.id(), deployment.controllerBindAddress(local), conf, runtime,
          failover, graceful.multipliedBy(2).plus(Duration.ofSeconds(5)));
      fc.resources.add(rpc);
      rpc.start();
      HealthMonitor health = new HealthMonitor(local.id(), local.healthAddress(), deployment.healthMonitor(),
          clients, runtime::submit);
      fc.resources.add(health);
      election.start();
      health.start();
      log.info("{}: controller started for {} (NameNode at {}, ZKFCProtocol at {})", local.id(),
          local.qualifiedId(), local.haAddress(), rpc.address());
      return fc;
    } catch (IOException | RuntimeException e) {
      fc.close();
      throw e;
    }
  }

  public ControllerRuntime runtime() {
    return runtime;
  }

  public GracefulFailover gracefulFailover() {
    return gracefulFailover;
  }

  private void failBack(String reason) {
    try {
      log.info("{}: {}", local.id(), gracefulFailover.run(reason));
    } catch (ServiceFailedException e) {
      log.warn("{}: fail-back did not happen: {}", local.id(), e.getMessage());
    }
  }

  /** Adds something to close with the controller (e.g. the admin server). */
  public void own(AutoCloseable resource) {
    resources.add(resource);
  }

  /** Graceful stop: demotes an active NameNode, deletes our breadcrumb if that worked, releases everything. */
  @Override
  public void close() {
    runtime.stop(stopTimeout);
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warn("{}: closing {}: {}", local.id(), resources.get(i).getClass().getSimpleName(), e.toString());
      }
    }
    log.info("{}: controller stopped", local.id());
  }
}
