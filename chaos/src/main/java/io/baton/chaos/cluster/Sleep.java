package io.baton.chaos.cluster;

import java.time.Duration;

/** A pause in a bounded polling loop; an interrupt ends the run (the flag is restored). */
public final class Sleep {
  private Sleep() {}

  public static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
