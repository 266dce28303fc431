package io.baton.chaos.bench;

import java.util.Map;
import java.util.Optional;

/**
 * One timed fault.
 *
 * @param millis fault to the first write acknowledged by the new active, as the client saw it; empty when the
 *     trial failed, and for a short pause (which must not fail over)
 * @param activeMillis fault to the new active NameNode's own transition to ACTIVE (its status'
 *     {@code lastHaTransitionTime}): the controllers' part without the client's retry timing; empty when the trial
 *     failed or the status could not be read
 * @param exitMillis for a kill: fault to the killed NameNode's sockets closing (the kernel tearing the process down,
 *     seen on the bench's own idle connection), the part of the time no controller can shorten; empty otherwise
 * @param failedOver whether another NameNode acknowledged a write after the fault
 * @param phases Baton's timeline of the promotion (detect, elect, fence, promote, ... in ms); empty for the ZKFC
 * @param error why the trial produced no number
 */
public record TrialResult(
    String profile,
    Scenario scenario,
    ControllerKind controller,
    int trial,
    String oldActive,
    Optional<String> newActive,
    Optional<Long> millis,
    Optional<Long> activeMillis,
    Optional<Long> exitMillis,
    boolean failedOver,
    Map<String, Long> phases,
    Optional<String> error) {

  public TrialResult {
    phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases)); // keeps phase order
  }

  public boolean ok() {
    return error.isEmpty();
  }

  /**
   * Trial 0 of a scenario and controller is the warm-up: the first failover after a JVM start pays class loading
   * (the controllers' and the bench's own client code). It is reported on its own, not in the percentiles.
   */
  public boolean warmup() {
    return trial == 0;
  }
}
