package io.baton.controller;

import io.baton.fencing.DrillReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fencing pre-flight of every peer's chain every {@code controller.fencing-drill-interval}
 * (ssh: connect, authenticate, find fuser; shell: the script is there; ...). It fences nothing; a failing drill
 * is logged at WARN so that broken fencing is found before a failover needs it.
 */
public final class FencingDrills implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FencingDrills.class);

  /** The last drill of one target. */
  public record Result(String target, Instant at, boolean passed, List<MethodResult> methods) {}

  public record MethodResult(String method, boolean passed, String detail, long millis) {}

  private final String nodeId;
  private final Map<String, Supplier<DrillReport>> drills;
  private final Duration interval;
  private final Clock clock;
  private final Map<String, Result> last = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;

  public FencingDrills(String nodeId, Map<String, Supplier<DrillReport>> drills, Duration interval, Clock clock) {
    this.nodeId = nodeId;
    this.drills = Map.copyOf(drills);
    this.interval = interval;
    this.clock = clock;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fencing-drill-" + nodeId);
      t.setDaemon(true);
      return t;
    });
  }

  /** Schedules the drills (first one after a short delay); does nothing when the interval is zero. */
  public FencingDrills start() {
    if (!interval.isZero() && !interval.isNegative()) {
      scheduler.scheduleWithFixedDelay(this::runNow, Math.min(10_000, interval.toMillis()), interval.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** Runs every drill now, on the calling thread. */
  public void runNow() {
    for (Map.Entry<String, Supplier<DrillReport>> e : drills.entrySet()) {
      try {
        DrillReport report = e.getValue().get();
        List<MethodResult> methods = report.results().stream()
            .map(r -> new MethodResult(r.method(), r.passed(), r.detail(), r.took().toMillis())).toList();
        last.put(e.getKey(), new Result(e.getKey(), clock.instant(), report.allPassed(), methods));
        if (report.allPassed()) {
          log.debug("{}: fencing drill against {} passed", nodeId, e.getKey());
        } else {
          log.warn("{}: fencing drill against {} FAILED: {}", nodeId, e.getKey(), methods);
        }
      } catch (RuntimeException ex) {
        log.warn("{}: fencing drill against {} could not run: {}", nodeId, e.getKey(), ex.toString());
      }
    }
  }

  public Optional<Result> last(String target) {
    return Optional.ofNullable(last.get(target));
  }

  public List<Result> results() {
    return last.values().stream().sorted(java.util.Comparator.comparing(Result::target)).toList();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
