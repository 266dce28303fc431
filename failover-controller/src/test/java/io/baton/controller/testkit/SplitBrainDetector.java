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

  public synchronized void becameActive(String id) {
    activations++;
    Set<String> others = new LinkedHashSet<>(active);
    others.remove(id);
    if (!others.isEmpty()) {
      violations.add(id + " became active while " + others + " still active");
    }
    active.add(id);
  }

  public synchronized void leftActive(String id) {
    active.remove(id);
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
