package io.baton.controller.admin;

import io.baton.controller.core.ControllerState;
import io.baton.controller.core.ControllerStatus;
import io.baton.controller.core.FailoverRecord;
import io.baton.controller.core.HealthState;
import io.baton.controller.core.Phase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The controller's Prometheus metrics, fed from status snapshots (so the core stays free of metrics code):
 * failovers by kind and outcome, fencing attempts by method and outcome, health and controller state,
 * time in state, epoch, and phase durations as histograms. Renders the Prometheus text format (0.0.4).
 */
public final class ControllerMetrics implements Consumer<ControllerStatus> {
  private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  private final String nodeId;
  private final Clock clock;
  private final Map<String, LongAdder> failovers = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> fencing = new ConcurrentHashMap<>();
  private final Map<String, Histogram> phases = new ConcurrentHashMap<>();
  private final Set<String> counted = new HashSet<>();
  private volatile ControllerStatus last;
  private volatile ControllerState state;
  private volatile Instant stateSince;

  public ControllerMetrics(String nodeId, Clock clock) {
    this.nodeId = nodeId;
    this.clock = clock;
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
      failovers.computeIfAbsent(labels("kind", r.kind().name().toLowerCase(Locale.ROOT), "outcome",
          r.outcome().name().toLowerCase(Locale.ROOT)), k -> new LongAdder()).increment();
      for (Phase p : r.phases()) {
        String[] words = p.name().split(" ");
        if (words.length == 4 && words[0].equals("fence") && words[2].startsWith("#")) {
          String outcome = p.detail().split(":", 2)[0];
          fencing.computeIfAbsent(labels("method", words[3], "outcome", outcome), k -> new LongAdder()).increment();
        } else {
          phases.computeIfAbsent(labels("phase", words[0]), k -> new Histogram()).observe(p.duration());
        }
      }
    }
  }

  public String render() {
    StringBuilder sb = new StringBuilder();
    ControllerStatus s = last;
    header(sb, "baton_failovers_total", "counter", "Promotions and demotions of this controller's NameNode");
    failovers.forEach((l, v) -> sample(sb, "baton_failovers_total", l, v.sum()));
    header(sb, "baton_fencing_attempts_total", "counter", "Fencing method attempts by method and outcome");
    fencing.forEach((l, v) -> sample(sb, "baton_fencing_attempts_total", l, v.sum()));
    header(sb, "baton_failover_phase_seconds", "histogram", "Duration of failover phases");
    new TreeMap<>(phases).forEach((l, h) -> h.render(sb, "baton_failover_phase_seconds", l));
    if (s != null) {
      header(sb, "baton_health_state", "gauge", "Health of the local NameNode (1 for the current state)");
      for (HealthState h : HealthState.values()) {
        sample(sb, "baton_health_state", labels("state", h.name()), h == s.health() ? 1 : 0);
      }
      header(sb, "baton_controller_state", "gauge", "Controller state (1 for the current state)");
      for (ControllerState c : ControllerState.values()) {
        sample(sb, "baton_controller_state", labels("state", c.name()), c == s.state() ? 1 : 0);
      }
      header(sb, "baton_controller_state_seconds", "gauge", "Time in the current controller state");
      sample(sb, "baton_controller_state_seconds", labels(), Duration.between(stateSince, clock.instant())
          .toMillis() / 1000.0);
      header(sb, "baton_epoch", "gauge", "Last promotion epoch seen in ZooKeeper");
      sample(sb, "baton_epoch", labels(), s.epoch());
      header(sb, "baton_in_election", "gauge", "1 when the controller takes part in the election");
      sample(sb, "baton_in_election", labels(), s.inElection() ? 1 : 0);
      header(sb, "baton_maintenance", "gauge", "1 while automatic failover is paused");
      sample(sb, "baton_maintenance", labels(), s.maintenance().isPresent() ? 1 : 0);
    }
    return sb.toString();
  }

  private String labels(String... kv) {
    StringBuilder sb = new StringBuilder("node=\"").append(escape(nodeId)).append('"');
    for (int i = 0; i + 1 < kv.length; i += 2) {
      sb.append(',').append(kv[i]).append("=\"").append(escape(kv[i + 1])).append('"');
    }
    return sb.toString();
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static void header(StringBuilder sb, String name, String type, String help) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder sb, String name, String labels, double value) {
    sb.append(name).append('{').append(labels).append("} ").append(format(value)).append('\n');
  }

  private static String format(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** A fixed-bucket histogram in seconds. */
  private static final class Histogram {
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(Duration d) {
      double seconds = d.toNanos() / 1e9;
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          buckets[i].increment();
        }
      }
      count.increment();
      sum.add(seconds);
    }

    void render(StringBuilder sb, String name, String labels) {
      for (int i = 0; i < BUCKETS.length; i++) {
        sample(sb, name + "_bucket", labels + ",le=\"" + BUCKETS[i] + "\"", buckets[i].sum());
      }
      sample(sb, name + "_bucket", labels + ",le=\"+Inf\"", count.sum());
      sample(sb, name + "_sum", labels, sum.sum());
      sample(sb, name + "_count", labels, count.sum());
    }
  }
}
