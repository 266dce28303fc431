package io.baton.fencing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A clock for measuring elapsed time: the wall-clock instant read once at creation, plus the monotonic time
 * ({@link System#nanoTime}) elapsed since. A wall-clock step (NTP, an operator's {@code date -s}) therefore moves
 * no timeout, back-off or deadline measured with it; the price is that its instants drift from the system clock
 * by the size of any step that happens after creation, so timestamps shared with other hosts must come from the
 * wall clock instead.
 */
public final class MonotonicClock extends Clock {
  private final Instant anchor;
  private final long anchorNanos;
  private final LongSupplier nanos;

  /** @param wall read once, for the anchor; @param nanos a monotonic nanosecond source */
  public MonotonicClock(Clock wall, LongSupplier nanos) {
    this.nanos = Objects.requireNonNull(nanos, "nanos");
    this.anchorNanos = nanos.getAsLong();
    this.anchor = Objects.requireNonNull(wall, "wall").instant();
  }

  /** Anchored at the system clock's current instant, advancing with {@link System#nanoTime}. */
  public static MonotonicClock system() {
    return new MonotonicClock(Clock.systemUTC(), System::nanoTime);
  }

  @Override
  public Instant instant() {
    return anchor.plusNanos(nanos.getAsLong() - anchorNanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("a MonotonicClock is UTC only, asked for " + zone);
    }
    return this;
  }
}
