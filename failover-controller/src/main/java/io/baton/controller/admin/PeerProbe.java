package io.baton.controller.admin;

import io.baton.config.NameNodeConfig;
import io.baton.controller.core.ServiceState;
import io.baton.controller.health.HaServiceClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks every peer NameNode for its HA state (getServiceStatus, one attempt, short timeout) on a timer, so that
 * the metrics show every NameNode of the nameservice even when the peer's own controller is down. A peer that
 * does not answer has no known state.
 */
public final class PeerProbe implements AutoCloseable {
  private final List<NameNodeConfig> peers;
  private final HaServiceClients clients;
  private final Duration timeout;
  private final Map<String, Optional<ServiceState>> last = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;

  public PeerProbe(String nodeId, List<NameNodeConfig> peers, HaServiceClients clients, Duration timeout) {
    this.peers = List.copyOf(peers);
    this.clients = clients;
    this.timeout = timeout;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "peer-probe-" + nodeId);
      t.setDaemon(true);
      return t;
    });
  }

  /** Probes now and then every {@code interval}. */
  public PeerProbe start(Duration interval) {
    scheduler.scheduleWithFixedDelay(this::probeNow, 0, Math.max(100, interval.toMillis()), TimeUnit.MILLISECONDS);
    return this;
  }

  void probeNow() {
    for (NameNodeConfig peer : peers) {
      last.put(peer.id(), probe(peer));
    }
  }

  private Optional<ServiceState> probe(NameNodeConfig peer) {
    try (var client = clients.open(peer.haAddress(), timeout, 0)) {
      return Optional.of(HaServiceClients.map(client.getServiceStatus().getState()));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The last answer of each peer probed so far, by NameNode id; empty when it did not answer. */
  public Map<String, Optional<ServiceState>> states() {
    return Map.copyOf(last);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
