package io.baton.controller.admin;

import io.baton.controller.core.ControllerState;
import io.baton.controller.core.ControllerStatus;
import io.baton.controller.core.FailoverRecord;
import io.baton.controller.core.HealthState;
import io.baton.controller.core.Phase;
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
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The controller's Prometheus metrics (Prometheus's Java client), fed from status snapshots so the core stays free
 * of metrics code: failovers by kind and outcome, fencing attempts by method and outcome, phase durations as
 * histograms, and gauges read at scrape time (health and controller state, time in state, epoch, election,
 * maintenance). Each controller has its own registry, so several controllers can share a JVM (tests, the demo).
 */
public final class ControllerMetrics implements Consumer<ControllerStatus> {
  /** 5 ms to 60 s: from a local step-down to a fencing chain at its deadline. */
  static final double[] PHASE_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
  private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

  private final Clock clock;
  private final Labels node;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter failovers;
  private final Counter fencing;
  private final Histogram phases;
  private final Set<String> counted = new HashSet<>();
  private volatile ControllerStatus last;
  private volatile ControllerState state;
  private volatile Instant stateSince;

  /** @param clock measures time in state; a monotonic one, so that a wall-clock step does not show up as time */
  public ControllerMetrics(String nodeId, Clock clock) {
    this.clock = clock;
    this.node = Labels.of("node", nodeId);
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
