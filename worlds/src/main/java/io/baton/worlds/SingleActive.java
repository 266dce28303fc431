package io.baton.worlds;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Waiting for exactly one active NameNode, in either world (each world says how it asks). */
public final class SingleActive {
  private SingleActive() {}

  /**
   * Polls {@code activeNow} every 50 ms until it names exactly one NameNode and returns it.
   *
   * @param where appended to the error: the world's state and where its logs are
   */
  public static String await(Supplier<List<String>> activeNow, Duration timeout, Supplier<String> where) {
    Instant deadline = Instant.now().plus(timeout);
    List<String> active = List.of();
    while (Instant.now().isBefore(deadline)) {
      active = activeNow.get();
      if (active.size() == 1) {
        return active.get(0);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException("no single active NameNode within " + timeout + " (active: " + active + "); "
        + where.get());
  }
}
