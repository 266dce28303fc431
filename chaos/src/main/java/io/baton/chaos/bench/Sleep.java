package io.baton.chaos.bench;

import java.time.Duration;

/** A bounded pause between polls of real processes (there is nothing to be notified by). */
final class Sleep {
  private Sleep() {}

  static void pause(Duration d) {
    try {
      Thread.sleep(Math.max(0, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
