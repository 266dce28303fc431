package io.baton.fencing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A point in time a fence method must finish by, read from the chain's clock. */
public record Deadline(Instant at, Clock clock) {
  public Deadline {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(clock, "clock");
  }

  public static Deadline after(Duration budget, Clock clock) {
    return new Deadline(clock.instant().plus(budget), clock);
  }

  /** Time left, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), at);
    return left.isNegative() ? Duration.ZERO : left;
  }

  public boolean expired() {
    return !clock.instant().isBefore(at);
  }

  /** The smaller of {@code limit} and the time left, in milliseconds, at least 1 (0 means "forever" to many APIs). */
  public int capMillis(Duration limit) {
    long ms = Math.min(limit.toMillis(), remaining().toMillis());
    return (int) Math.max(1, Math.min(ms, Integer.MAX_VALUE));
  }
}
