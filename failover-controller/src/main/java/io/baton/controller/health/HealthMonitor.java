package io.baton.controller.health;

import io.baton.config.HealthMonitorConfig;
import io.baton.config.HostPort;
import io.baton.controller.core.Event;
import io.baton.controller.core.HealthState;
import io.baton.controller.core.ServiceState;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.ha.HAServiceStatus;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolClientSideTranslatorPB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the local NameNode (getServiceStatus, then monitorHealth) at the check interval, each call bounded by
 * the RPC timeout, and reports every poll to the core as a {@link Event.HealthChecked}. A HealthCheckFailedException
 * is UNHEALTHY; anything else is NOT_RESPONDING and drops the client (reconnect after sleep-after-disconnect).
 * A {@link ConnectionWatch} triggers an immediate poll when the NameNode's socket breaks.
 *
 * <p>Between two checks, probes (monitorHealth alone, silent when they pass) go out every quarter of the interval,
 * but not more often than every {@link #MIN_PROBE_GAP}. A hang is declared only when one call stays unanswered for
 * the whole RPC timeout, as before, so a pause shorter than the timeout never counts; but the first call caught by
 * a hang starts within a quarter interval of it instead of a whole one, and an unhealthy NameNode is seen within a
 * quarter interval too. A probe is one cheap RPC, as Hadoop's check is two (getServiceStatus, monitorHealth).
 */
public final class HealthMonitor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HealthMonitor.class);
  private final String nodeId;
  private final HostPort address;
  private final HealthMonitorConfig config;
  private final HaServiceClients clients;
  private final Consumer<Event> sink;
  private final ScheduledExecutorService poller;
  private final ConnectionWatch watch;
  /** The state the last full check read; probes do not ask for it. Only the poller thread touches it. */
  private Optional<ServiceState> lastReported = Optional.empty();
  static final Duration MIN_PROBE_GAP = Duration.ofMillis(250);
  static final int MAX_PROBES_PER_CHECK = 4;

  private final int pollsPerCheck;
  private final Duration pollGap;
  private HAServiceProtocolClientSideTranslatorPB client;
  private ScheduledFuture<?> next;
  private int pollsSinceCheck;

  public HealthMonitor(String nodeId, HostPort address, HealthMonitorConfig config, HaServiceClients clients,
      Consumer<Event> sink) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.address = Objects.requireNonNull(address, "address");
    this.config = Objects.requireNonNull(config, "config");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "health-monitor-" + nodeId);
      t.setDaemon(true);
      return t;
    });
    this.watch = new ConnectionWatch(nodeId, address, config.checkInterval(), this::pollNow);
    this.pollsPerCheck = (int) Math.max(1, Math.min(MAX_PROBES_PER_CHECK,
        config.checkInterval().toMillis() / MIN_PROBE_GAP.toMillis()));
    this.pollGap = config.checkInterval().dividedBy(pollsPerCheck);
  }

  public void start() {
    schedule(Duration.ZERO);
    watch.start();
  }

  /** Poll at once (the NameNode's connection broke), replacing the pending poll. */
  public void pollNow() {
    try {
      poller.execute(() -> {
        if (next != null) {
          next.cancel(false);
        }
        pollsSinceCheck = 0;
        poll();
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("{}: health monitor stopped", nodeId);
    }
  }

  private void schedule(Duration delay) {
    try {
      next = poller.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("{}: health monitor stopped", nodeId);
    }
  }

  /** A full check every {@code pollsPerCheck} polls; the polls between are probes. */
  private void poll() {
    boolean check = pollsSinceCheck == 0;
    pollsSinceCheck = (pollsSinceCheck + 1) % pollsPerCheck;
    Optional<ServiceState> reported = Optional.empty();
    try {
      if (client == null) {
        client = clients.open(address, config.rpcTimeout(), config.connectMaxRetries());
      }
      if (!check) {
        reported = lastReported; // an unhealthy probe keeps what the last full check read
        client.monitorHealth(); // a probe: silent when it passes
        schedule(pollGap);
        return;
      }
      HAServiceStatus status = client.getServiceStatus();
      reported = Optional.of(HaServiceClients.map(status.getState()));
      lastReported = reported;
      client.monitorHealth();
      String detail = status.isReadyToBecomeActive() ? "healthy, " + status.getState()
          : "healthy, " + status.getState() + ", not ready: " + status.getNotReadyReason();
      sink.accept(new Event.HealthChecked(HealthState.HEALTHY, reported, detail));
      schedule(pollGap);
    } catch (Throwable t) {
      if (HaServiceClients.isHealthCheckFailure(t)) {
        sink.accept(new Event.HealthChecked(HealthState.UNHEALTHY, reported, HaServiceClients.describe(t)));
        schedule(pollGap);
      } else {
        dropClient();
        pollsSinceCheck = 0; // the next poll after a reconnect is a full check
        lastReported = Optional.empty();
        sink.accept(new Event.HealthChecked(HealthState.NOT_RESPONDING, check ? reported : Optional.empty(),
            HaServiceClients.describe(t)));
        schedule(config.sleepAfterDisconnect());
      }
    }
  }

  private void dropClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public void close() {
    watch.close();
    poller.shutdownNow();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dropClient();
  }
}
