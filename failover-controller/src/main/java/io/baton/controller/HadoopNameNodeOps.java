package io.baton.controller;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.core.FenceResult;
import io.baton.controller.core.ServiceState;
import io.baton.controller.health.HaServiceClients;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** {@link NameNodeOps} over Hadoop IPC with the configured timeouts, and a fencer per peer NameNode. */
public final class HadoopNameNodeOps implements NameNodeOps {
  private final DeploymentConfig deployment;
  private final NameserviceConfig nameservice;
  private final NameNodeConfig local;
  private final HaServiceClients clients;
  private final Function<NameNodeConfig, FenceResult> fencer;

  /** @param fencer runs the fencing chain of the given target; must not throw */
  public HadoopNameNodeOps(DeploymentConfig deployment, NameNodeConfig local, HaServiceClients clients,
      Function<NameNodeConfig, FenceResult> fencer) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.local = Objects.requireNonNull(local, "local");
    this.nameservice = deployment.nameservice(local.nameserviceId()).orElseThrow();
    this.clients = Objects.requireNonNull(clients, "clients");
    this.fencer = Objects.requireNonNull(fencer, "fencer");
  }

  @Override
  public void transitionToActive() throws IOException {
    clients.transitionToActive(local.haAddress(), deployment.failover().newActiveRpcTimeout(), 1);
  }

  @Override
  public void transitionToStandby() throws IOException {
    clients.transitionToStandby(local.haAddress(), deployment.failover().gracefulFenceRpcTimeout(), 1);
  }

  @Override
  public void gracefulFence(String namenodeId) throws IOException {
    clients.transitionToStandbyFailFastOnRefusal(peer(namenodeId).haAddress(),
        deployment.failover().gracefulFenceRpcTimeout(), deployment.failover().gracefulFenceConnectionRetries());
  }

  @Override
  public boolean reachable(String namenodeId) {
    int timeout = (int) Math.min(1000, deployment.failover().gracefulFenceRpcTimeout().toMillis());
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(peer(namenodeId).haAddress().toSocketAddress(), Math.max(1, timeout));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public ServiceState serviceState(String namenodeId) throws IOException {
    Duration timeout = Duration.ofMillis(Math.min(1000, deployment.failover().gracefulFenceRpcTimeout().toMillis()));
    try (var client = clients.open(peer(namenodeId).haAddress(), timeout, 0)) {
      return HaServiceClients.map(client.getServiceStatus().getState());
    }
  }

  @Override
  public FenceResult fence(String namenodeId) {
    NameNodeConfig target;
    try {
      target = peer(namenodeId);
    } catch (IllegalArgumentException e) {
      return new FenceResult(false, e.getMessage(), List.of(), Duration.ZERO);
    }
    return fencer.apply(target);
  }

  private NameNodeConfig peer(String namenodeId) {
    return nameservice.namenode(namenodeId).orElseThrow(() -> new IllegalArgumentException(
        "cannot fence '" + namenodeId + "': not a NameNode of " + nameservice.id() + " "
            + nameservice.namenodeIds()));
  }

  /** Fencers per target NameNode, built once at start-up (bad fencing configuration fails early). */
  public static Function<NameNodeConfig, FenceResult> byTarget(Map<String, Function<NameNodeConfig, FenceResult>> m) {
    return target -> {
      Function<NameNodeConfig, FenceResult> f = m.get(target.id());
      return f == null ? new FenceResult(false, "no fencing chain for " + target.id(), List.of(), Duration.ZERO)
          : f.apply(target);
    };
  }
}
