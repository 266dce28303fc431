package io.baton.controller.admin;

import io.baton.controller.FencingDrills;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.ControllerStatus;
import io.baton.controller.core.FailoverRecord;
import io.baton.controller.core.HealthState;
import io.baton.controller.core.Phase;
import io.baton.controller.core.ServiceState;
import io.baton.controller.core.ZkConnection;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The controller's Prometheus metrics (Prometheus's Java client), fed from status snapshots so the core stays free
 * of metrics code: failovers by kind and outcome, fencing attempts by method and outcome, phase durations as
 * histograms, and gauges read at scrape time (health and controller state, time in state, epoch, election,
 * maintenance, the HA state of every NameNode, the ZooKeeper connection, the fencing drills). Every series has the
 * labels {@code nameservice} and {@code namenode}: the NameNode the series is about (this controller's own, or a
 * peer for the peer probes and the fencing drills). Each controller has its own registry, so several controllers
 * can share a JVM (tests, the demo).
 */
public final class ControllerMetrics implements Consumer<ControllerStatus> {
  /** 5 ms to 60 s: from a local step-down to a fencing chain at its deadline. */
  static final double[] PHASE_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
  private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

  private final Clock clock;
  private final String nameservice;
  private final String nodeId;
  private final Labels node;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter failovers;
  private final Counter fencing;
  private final Histogram phases;
  private final Set<String> counted = new HashSet<>();
  private volatile ControllerStatus last;
  private volatile ControllerState state;
  private volatile Instant stateSince;

  /** Without peer probes and fencing drills (their gauges stay empty). */
  public ControllerMetrics(String nameservice, String nodeId, Clock clock) {
    this(nameservice, nodeId, clock, Map::of, List::of);
  }

  /**
   * @param clock measures time in state; a monotonic one, so that a wall-clock step does not show up as time
   * @param peerStates the last answer of each peer NameNode ({@link PeerProbe#states()})
   * @param drills the last fencing drill against each peer ({@link FencingDrills#results()})
   */
  public ControllerMetrics(String nameservice, String nodeId, Clock clock,
      Supplier<Map<String, Optional<ServiceState>>> peerStates, Supplier<List<FencingDrills.Result>> drills) {
    this.clock = clock;
    this.nameservice = nameservice;
    this.nodeId = nodeId;
    this.node = Labels.of("nameservice", nameservice, "namenode", nodeId);
    failovers = Counter.builder().name("baton_failovers_total")
        .help("Promotions and demotions of this controller's NameNode").labelNames("kind", "outcome")
        .constLabels(node).withoutExemplars().register(registry);
    fencing = Counter.builder().name("baton_fencing_attempts_total")
        .help("Fencing method attempts by method and outcome").labelNames("method", "outcome")
        .constLabels(node).withoutExemplars().register(registry);
    phases = Histogram.builder().name("baton_failover_phase_seconds").help("Duration of failover phases")
        .labelNames("phase").classicOnly().classicUpperBounds(PHASE_BUCKETS).constLabels(node).withoutExemplars()
        .register(registry);
    oneHot("baton_health_state", "Health of the local NameNode (1 for the current state)", HealthState.values(),
        ControllerStatus::health);
    oneHot("baton_controller_state", "Controller state (1 for the current state)", ControllerState.values(),
        ControllerStatus::state);
    GaugeWithCallback.builder().name("baton_controller_state_seconds").help("Time in the current controller state")
        .constLabels(node).callback(cb -> ifStatus(s -> cb.call(
            Duration.between(stateSince, clock.instant()).toMillis() / 1000.0))).register(registry);
    gauge("baton_epoch", "Last promotion epoch seen in ZooKeeper", ControllerStatus::epoch);
    gauge("baton_in_election", "1 when the controller takes part in the election", s -> s.inElection() ? 1 : 0);
    gauge("baton_maintenance", "1 while automatic failover is paused", s -> s.maintenance().isPresent() ? 1 : 0);
    gauge("baton_maintenance_expiry_timestamp_seconds", "When the pause ends (Unix time), 0 when not paused",
        s -> s.maintenance().map(p -> p.until().toEpochMilli() / 1000.0).orElse(0.0));
    oneHot("baton_zookeeper_state", "ZooKeeper connection of this controller (1 for the current state)",
        ZkConnection.values(), ControllerStatus::zookeeper);
    GaugeWithCallback.builder().name("baton_namenode_ha_state")
        .help("HA state of a NameNode (1 for its current state; all 0 when unknown), as seen by this controller's "
            + "health check of its own NameNode or by its probe of a peer")
        .labelNames("nameservice", "namenode", "source", "state")
        .callback(cb -> {
          ifStatus(s -> haState(cb, nodeId, "health-check", s.reportedState()));
          peerStates.get().forEach((peer, state) -> haState(cb, peer, "peer-probe", state));
        }).register(registry);
    GaugeWithCallback.builder().name("baton_fencing_drill_passed")
        .help("1 when the last fencing drill of a method against a peer NameNode passed, 0 when it failed")
        .labelNames("nameservice", "namenode", "method")
        .callback(cb -> {
          for (FencingDrills.Result r : drills.get()) {
            for (FencingDrills.MethodResult m : r.methods()) {
              cb.call(m.passed() ? 1 : 0, nameservice, r.target(), m.method());
            }
          }
        }).register(registry);
  }

  private void haState(GaugeWithCallback.Callback cb, String namenode, String source, Optional<ServiceState> state) {
    for (ServiceState e : ServiceState.values()) {
      cb.call(state.filter(e::equals).isPresent() ? 1 : 0, nameservice, namenode, source, e.name());
    }
  }

  /** One series per {@code state} label value: 1 for the current one, 0 for the others. */
  private <E extends Enum<E>> void oneHot(String name, String help, E[] states, Function<ControllerStatus, E> current) {
    GaugeWithCallback.builder().name(name).help(help).labelNames("state").constLabels(node)
        .callback(cb -> ifStatus(s -> {
          for (E e : states) {
            cb.call(e == current.apply(s) ? 1 : 0, e.name());
          }
        })).register(registry);
  }

  private void gauge(String name, String help, ToDoubleFunction<ControllerStatus> value) {
    GaugeWithCallback.builder().name(name).help(help).constLabels(node)
        .callback(cb -> ifStatus(s -> cb.call(value.applyAsDouble(s)))).register(registry);
  }

  /** Gauges appear once the first status has arrived. */
  private void ifStatus(Consumer<ControllerStatus> action) {
    ControllerStatus s = last;
    if (s != null) {
      action.accept(s);
    }
  }

  /** Called on the controller's thread after every event. */
  @Override
  public void accept(ControllerStatus status) {
    if (status.state() != state) {
      state = status.state();
      stateSince = clock.instant();
    }
    last = status;
    for (FailoverRecord r : status.recentFailovers()) {
      if (r.outcome() == FailoverRecord.Outcome.IN_PROGRESS || !counted.add(r.kind() + "#" + r.id())) {
        continue;
      }
      failovers.labelValues(r.kind().name().toLowerCase(Locale.ROOT), r.outcome().name().toLowerCase(Locale.ROOT))
          .inc();
      for (Phase p : r.phases()) {
        String[] words = p.name().split(" ");
        if (words.length == 4 && words[0].equals("fence") && words[2].startsWith("#")) {
          fencing.labelValues(words[3], p.detail().split(":", 2)[0]).inc();
        } else {
          phases.labelValues(words[0]).observe(p.duration().toNanos() / 1e9);
        }
      }
    }
  }

  /** The scrape in Prometheus's text format 0.0.4 ({@link #contentType()}). */
  public String render() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TEXT.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("rendering the metrics failed", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  public static String contentType() {
    return TEXT.getContentType();
  }
}
