package io.baton.chaos.bench;

import io.baton.mock.client.HistoryRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Receives the workload's records (passing each on, e.g. to the history file) and lets the trial wait for an ack. */
final class AckLog implements Consumer<HistoryRecord> {
  private final Consumer<HistoryRecord> next;
  private final List<HistoryRecord> acks = new ArrayList<>();

  AckLog(Consumer<HistoryRecord> next) {
    this.next = next;
  }

  @Override
  public void accept(HistoryRecord r) {
    next.accept(r);
    if (r.ok()) {
      synchronized (this) {
        acks.add(r);
        notifyAll();
      }
    }
  }

  /** The first acknowledged write matching {@code which}, waiting up to {@code timeout} for it. */
  synchronized Optional<HistoryRecord> await(Predicate<HistoryRecord> which, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<HistoryRecord> hit = acks.stream().filter(which).findFirst();
      long left = deadline - System.nanoTime();
      if (hit.isPresent() || left <= 0) {
        return hit;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
