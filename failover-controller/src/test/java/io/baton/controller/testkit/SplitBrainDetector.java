package io.baton.controller.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The invariant every failover test asserts: never two NameNodes active at the same time. */
public final class SplitBrainDetector {
  private final Set<String> active = new LinkedHashSet<>();
  private final List<String> violations = new ArrayList<>();
  private int activations;
  /** When the last active left (System.nanoTime), or -1 while some NameNode is active. */
  private long noneActiveSince = -1;
  private long noneActiveNanos;

  public synchronized void becameActive(String id) {
    activations++;
    Set<String> others = new LinkedHashSet<>(active);
    others.remove(id);
    if (!others.isEmpty()) {
      violations.add(id + " became active while " + others + " still active");
    }
    if (active.isEmpty() && noneActiveSince >= 0) {
      noneActiveNanos += System.nanoTime() - noneActiveSince;
      noneActiveSince = -1;
    }
    active.add(id);
  }

  public synchronized void leftActive(String id) {
    if (active.remove(id) && active.isEmpty()) {
      noneActiveSince = System.nanoTime();
    }
  }

  /** Starts measuring how long no NameNode is active from now. */
  public synchronized void startMeasuring() {
    noneActiveNanos = 0;
    noneActiveSince = active.isEmpty() ? System.nanoTime() : -1;
  }

  /** How long no NameNode was active since {@link #startMeasuring}, including a gap still open. */
  public synchronized java.time.Duration noneActive() {
    long open = noneActiveSince >= 0 ? System.nanoTime() - noneActiveSince : 0;
    return java.time.Duration.ofNanos(noneActiveNanos + open);
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  public synchronized Set<String> active() {
    return Set.copyOf(active);
  }

  public synchronized int activations() {
    return activations;
  }
}
