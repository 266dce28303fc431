package io.baton.mock.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream of unique writes at a fixed rate through one {@link FailoverClient}: {@code /baton/<client>/<seq>}
 * with value {@code <client>-<seq>}, every operation recorded. Stops after {@code count} operations or when
 * {@code duration} is over (whichever is set, at least one must be), or on {@link #stop()}.
 * Embedders (demo, chaos, benchmark) use {@link #firstAckAfter} to time recovery after a fault.
 */
public final class Workload implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Workload.class);

  private final String clientId;
  private final FailoverClient client;
  private final double ratePerSecond;
  private final Optional<Duration> duration;
  private final Optional<Long> count;
  private final Consumer<HistoryRecord> sink;
  private final Clock clock;
  private final List<HistoryRecord> acknowledged = new ArrayList<>();
  private final Stats stats = new Stats();
  private volatile boolean stopping;
  private Thread thread;

  /** Counts by outcome. */
  public static final class Stats {
    private long ok;
    private long failed;
    private long unknown;

    public synchronized long ok() {
      return ok;
    }

    public synchronized long failed() {
      return failed;
    }

    public synchronized long unknown() {
      return unknown;
    }

    public synchronized long total() {
      return ok + failed + unknown;
    }

    synchronized void add(HistoryRecord r) {
      switch (r.outcome()) {
        case HistoryRecord.OK -> ok++;
        case HistoryRecord.FAILED -> failed++;
        default -> unknown++;
      }
    }

    @Override
    public synchronized String toString() {
      return total() + " operations: " + ok + " ok, " + failed + " failed, " + unknown + " unknown";
    }
  }

  /** @param sink receives every record as it completes (e.g. a {@link HistoryWriter}); called on the workload thread */
  public Workload(String clientId, FailoverClient client, double ratePerSecond, Optional<Duration> duration,
      Optional<Long> count, Consumer<HistoryRecord> sink, Clock clock) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
    }
    if (duration.isEmpty() && count.isEmpty()) {
      throw new IllegalArgumentException("give a duration or a count, or the workload never ends");
    }
    this.clientId = clientId;
    this.client = client;
    this.ratePerSecond = ratePerSecond;
    this.duration = duration;
    this.count = count;
    this.sink = sink;
    this.clock = clock;
  }

  /** Runs on the calling thread until done. */
  public Stats run() {
    long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
    long start = System.nanoTime();
    long end = duration.map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
    long limit = count.orElse(Long.MAX_VALUE);
    long due = start;
    for (long seq = 1; seq <= limit && !stopping && !Thread.currentThread().isInterrupted(); seq++) {
      if (due >= end || !waitUntil(due)) {
        break;
      }
      // After a stall (e.g. a failover) keep the rate instead of bursting to catch up.
      due = Math.max(due + intervalNanos, System.nanoTime());
      String id = String.format("%s-%06d", clientId, seq);
      HistoryRecord r = client.write(id, "/baton/" + clientId + "/" + String.format("%06d", seq), id);
      stats.add(r);
      if (r.ok()) {
        synchronized (acknowledged) {
          acknowledged.add(r);
          acknowledged.notifyAll();
        }
      }
      try {
        sink.accept(r);
      } catch (RuntimeException e) {
        log.error("{}: cannot record {}; stopping the workload", clientId, id, e);
        break;
      }
    }
    log.info("{}: workload done: {}", clientId, stats);
    return stats;
  }

  /** Runs in a background thread. */
  public synchronized Workload start() {
    thread = new Thread(this::run, clientId + "-workload");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  public Stats stats() {
    return stats;
  }

  /** The first acknowledged write invoked at or after {@code t} (e.g. the moment a fault was injected). */
  public Optional<HistoryRecord> firstAckAfter(Instant t) {
    synchronized (acknowledged) {
      return acknowledged.stream().filter(r -> !r.invokeTime().isBefore(t)).findFirst();
    }
  }

  /** Waits up to {@code timeout} for {@link #firstAckAfter}. */
  public Optional<HistoryRecord> awaitFirstAckAfter(Instant t, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (acknowledged) {
      while (true) {
        Optional<HistoryRecord> r = firstAckAfter(t);
        long left = deadline - System.nanoTime();
        if (r.isPresent() || left <= 0) {
          return r;
        }
        acknowledged.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Asks the workload to stop after the current operation and waits for it (bounded). */
  public void stop() throws InterruptedException {
    stopping = true;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.join(30_000);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private boolean waitUntil(long dueNanos) {
    long left = dueNanos - System.nanoTime();
    if (left <= 0) {
      return true;
    }
    try {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Clock clock() {
    return clock;
  }
}
