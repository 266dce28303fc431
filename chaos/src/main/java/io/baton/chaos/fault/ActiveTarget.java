package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import java.time.Duration;

/** Resolves "the active NameNode" at injection time; a fault without an active to hit is a failed run. */
final class ActiveTarget {
  static final Duration WAIT = Duration.ofSeconds(30);

  private ActiveTarget() {}

  static String resolve(ClusterControl cluster, String faultName) {
    return cluster.awaitSingleActive(WAIT).orElseThrow(() -> new IllegalStateException(
        faultName + ": no single active NameNode to hit within " + WAIT.toSeconds() + " s"));
  }

  /** Any NameNode but {@code id} (the first in configuration order). */
  static String other(ClusterControl cluster, String id) {
    return cluster.namenodeIds().stream().filter(n -> !n.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no NameNode other than " + id));
  }
}
