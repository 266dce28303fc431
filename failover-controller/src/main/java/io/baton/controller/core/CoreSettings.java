package io.baton.controller.core;

import java.time.Duration;
import java.util.List;
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
 * @param peers the other NameNodes of the nameservice (from the conf): fenced all when the breadcrumb that should
 *     name the last active cannot be read
 */
public record CoreSettings(
    String nodeId,
    Optional<String> preferredActive,
    Duration retryBackoff,
    Duration maxRetryBackoff,
    Duration antiFlappingWindow,
    Duration failbackDelay,
    Duration maintenanceDefaultExpiry,
    int timelineSize,
    List<String> peers) {

  public CoreSettings {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(preferredActive, "preferredActive");
    peers = peers.stream().filter(p -> !p.equals(nodeId)).toList();
    if (timelineSize < 1) {
      throw new IllegalArgumentException("timelineSize must be at least 1, got " + timelineSize);
    }
  }

  /** Without peers: an unreadable breadcrumb then has nobody to fence. */
  public CoreSettings(String nodeId, Optional<String> preferredActive, Duration retryBackoff,
      Duration maxRetryBackoff, Duration antiFlappingWindow, Duration failbackDelay,
      Duration maintenanceDefaultExpiry, int timelineSize) {
    this(nodeId, preferredActive, retryBackoff, maxRetryBackoff, antiFlappingWindow, failbackDelay,
        maintenanceDefaultExpiry, timelineSize, List.of());
  }

  public CoreSettings withPeers(List<String> namenodes) {
    return new CoreSettings(nodeId, preferredActive, retryBackoff, maxRetryBackoff, antiFlappingWindow,
        failbackDelay, maintenanceDefaultExpiry, timelineSize, namenodes);
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
