package io.baton.mock.fault;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults currently injected into one NameNode. Thread-safe; {@link #beforeCall()} is the gate every HA RPC
 * and namespace request passes: it blocks while {@code hang} is set and waits out {@code slow}; clearing the
 * fault releases waiting calls at once.
 */
public final class Faults {
  /** A hung call gives up after this long, so nothing waits forever. */
  static final Duration MAX_HANG = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(Faults.class);

  private final String nodeId;
  private final Runnable crash;
  private final Map<Fault, FaultSpec> active = new EnumMap<>(Fault.class);

  /** @param crash what {@code crash} does: halt the process (tests pass something harmless) */
  public Faults(String nodeId, Runnable crash) {
    this.nodeId = nodeId;
    this.crash = crash;
  }

  public void inject(FaultSpec spec) {
    if (spec.fault() == Fault.CRASH) {
      log.warn("{}: fault crash: halting now", nodeId);
      crash.run();
      return;
    }
    synchronized (this) {
      active.put(spec.fault(), spec);
      notifyAll();
    }
    log.warn("{}: fault injected: {}", nodeId, spec);
  }

  public synchronized boolean clear(Fault fault) {
    boolean had = active.remove(fault) != null;
    notifyAll();
    if (had) {
      log.info("{}: fault cleared: {}", nodeId, fault.label());
    }
    return had;
  }

  public synchronized void clearAll() {
    if (!active.isEmpty()) {
      log.info("{}: all faults cleared ({})", nodeId, active.values());
    }
    active.clear();
    notifyAll();
  }

  public synchronized boolean has(Fault fault) {
    return active.containsKey(fault);
  }

  public synchronized Optional<String> notReadyReason() {
    return Optional.ofNullable(active.get(Fault.NOT_READY)).flatMap(FaultSpec::value);
  }

  public synchronized List<String> describe() {
    return active.values().stream().map(FaultSpec::toString).toList();
  }

  /** Blocks while hung, then waits out the slow delay (cut short if cleared). */
  public synchronized void beforeCall() throws InterruptedIOException {
    try {
      long hangDeadline = System.nanoTime() + MAX_HANG.toNanos();
      while (active.containsKey(Fault.HANG)) {
        long left = hangDeadline - System.nanoTime();
        if (left <= 0) {
          throw new InterruptedIOException(nodeId + ": hung longer than " + MAX_HANG + " (fault hang)");
        }
        waitNanos(left);
      }
      FaultSpec slow = active.get(Fault.SLOW);
      if (slow != null) {
        long slowDeadline = System.nanoTime() + slow.delay().toNanos();
        while (active.get(Fault.SLOW) == slow && slowDeadline - System.nanoTime() > 0) {
          waitNanos(slowDeadline - System.nanoTime());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(nodeId + ": interrupted while delayed by a fault");
    }
  }

  private void waitNanos(long nanos) throws InterruptedException {
    long ms = Math.max(1, nanos / 1_000_000);
    wait(ms);
  }
}
