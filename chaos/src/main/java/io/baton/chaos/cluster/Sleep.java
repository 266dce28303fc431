package io.baton.chaos.cluster;

import java.time.Duration;

/** A pause in a bounded polling loop; an interrupt ends the run (the flag is restored). */
public final class Sleep {
  private Sleep() {}

  public static void pause(Duration d) {
    try {
      Thread.sleep(Math.max(0, d.toMillis())); // a deadline already passed is no pause, not an error
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
