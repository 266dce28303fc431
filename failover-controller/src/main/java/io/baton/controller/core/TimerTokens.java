package io.baton.controller.core;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Issues timer tokens so that only the newest timer of a kind fires; cancelling is forgetting the token. */
final class TimerTokens {
  private final Map<TimerKind, Long> current = new EnumMap<>(TimerKind.class);
  private long next;

  Effect.ScheduleTimer schedule(TimerKind kind, Duration delay) {
    long token = ++next;
    current.put(kind, token);
    return new Effect.ScheduleTimer(kind, delay.isNegative() ? Duration.ZERO : delay, token);
  }

  /** True once for the newest token of the kind; the timer is then no longer pending. */
  boolean consume(TimerKind kind, long token) {
    Long expected = current.get(kind);
    if (expected == null || expected != token) {
      return false;
    }
    current.remove(kind);
    return true;
  }

  boolean pending(TimerKind kind) {
    return current.containsKey(kind);
  }

  void cancel(TimerKind kind) {
    current.remove(kind);
  }
}
