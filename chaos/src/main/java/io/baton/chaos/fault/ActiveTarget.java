package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.Sleep;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Resolves "the active NameNode" at injection time; a fault without an active to hit is a failed run. */
final class ActiveTarget {
  static final Duration WAIT = Duration.ofSeconds(30);

  private ActiveTarget() {}

  static String resolve(ClusterControl cluster, String faultName) {
    return cluster.awaitSingleActive(WAIT).orElseThrow(() -> new IllegalStateException(
        faultName + ": no single active NameNode to hit within " + WAIT.toSeconds() + " s"));
  }

  /**
   * Waits (bounded) until a NameNode other than {@code victim} is the single active one, e.g. for a failover that
   * must happen while a fault still holds.
   */
  static Optional<String> awaitOther(ClusterControl cluster, String victim, Duration wait) {
    Instant start = Instant.now();
    Optional<String> other = Optional.empty();
    while (other.isEmpty() && Duration.between(start, Instant.now()).compareTo(wait) < 0) {
      other = cluster.awaitSingleActive(Duration.ofSeconds(1)).filter(a -> !a.equals(victim));
      if (other.isEmpty()) {
        Sleep.pause(Duration.ofMillis(200));
      }
    }
    return other;
  }

  /** Any NameNode but {@code id} (the first in configuration order). */
  static String other(ClusterControl cluster, String id) {
    return cluster.namenodeIds().stream().filter(n -> !n.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no NameNode other than " + id));
  }
}
