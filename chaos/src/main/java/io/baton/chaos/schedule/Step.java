package io.baton.chaos.schedule;

import io.baton.chaos.fault.FaultKind;
import java.time.Duration;

/**
 * One step of a schedule: inject a fault, hold it, heal it, then let the cluster settle. Hold times are given
 * relative to the ZooKeeper session timeout, so that one schedule means the same thing under every timing
 * profile ("hold 1.5 x session + 1s" outlasts the session whatever the session timeout is).
 *
 * @param sessionFactor multiple of the session timeout in the hold
 * @param extraHold added to the hold
 */
public record Step(FaultKind kind, double sessionFactor, Duration extraHold) {

  public Step {
    if (sessionFactor < 0 || extraHold.isNegative()) {
      throw new IllegalArgumentException("a step's hold must not be negative: " + sessionFactor + " x session + "
          + extraHold);
    }
  }

  public static Step of(FaultKind kind, double sessionFactor, long extraSeconds) {
    return new Step(kind, sessionFactor, Duration.ofSeconds(extraSeconds));
  }

  public Duration hold(Duration sessionTimeout) {
    return Duration.ofMillis(Math.round(sessionTimeout.toMillis() * sessionFactor)).plus(extraHold);
  }

  public String describe() {
    return kind.label() + " held " + trim(sessionFactor) + " x session" + (extraHold.isZero() ? ""
        : " + " + extraHold.toMillis() + " ms");
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
