package io.baton.controller.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration the core sees.
 *
 * @param nodeId the local NameNode id
 * @param preferredActive the NameNode to fail back to, if any
 * @param retryBackoff pause after the first failed promotion
 * @param maxRetryBackoff cap of the doubling back-off
 * @param antiFlappingWindow minimum time between two automatic failovers (zero: off)
 * @param failbackDelay how long the preferred active must be healthy before failing back
 * @param maintenanceDefaultExpiry pause length when none is given
 * @param timelineSize how many failover records are kept
 */
public record CoreSettings(
    String nodeId,
    Optional<String> preferredActive,
    Duration retryBackoff,
    Duration maxRetryBackoff,
    Duration antiFlappingWindow,
    Duration failbackDelay,
    Duration maintenanceDefaultExpiry,
    int timelineSize) {

  public CoreSettings {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(preferredActive, "preferredActive");
    if (timelineSize < 1) {
      throw new IllegalArgumentException("timelineSize must be at least 1, got " + timelineSize);
    }
  }

  /** Hadoop-like defaults: 1 s back-off (capped at 30 s), no anti-flapping, no preferred active. */
  public static CoreSettings defaults(String nodeId) {
    return new CoreSettings(nodeId, Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ZERO, Duration.ofSeconds(30), Duration.ofHours(1), 50);
  }

  public boolean isPreferredActive() {
    return preferredActive.filter(nodeId::equals).isPresent();
  }
}
