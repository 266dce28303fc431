package io.baton.controller.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last N failover records, newest last; an update of a record replaces it in place. */
final class Timeline {
  private final int capacity;
  private final Deque<FailoverRecord> records = new ArrayDeque<>();

  Timeline(int capacity) {
    this.capacity = capacity;
  }

  void put(FailoverRecord record) {
    List<FailoverRecord> kept = new ArrayList<>(records);
    kept.removeIf(r -> r.id() == record.id() && r.kind() == record.kind());
    kept.add(record);
    records.clear();
    records.addAll(kept.subList(Math.max(0, kept.size() - capacity), kept.size()));
  }

  List<FailoverRecord> records() {
    return List.copyOf(records);
  }
}
