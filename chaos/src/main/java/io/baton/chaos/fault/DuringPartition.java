package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A fault that hits while a partition holds, so that the cluster must fail over across the cut (e.g. the standby
 * must fence an old active it cannot reach). Injects the partition, then the inner fault. The heal first waits
 * (up to {@code takeoverWait} beyond the hold) until another NameNode is active, so that the failover
 * really happens while the cut holds, then heals in reverse order; no takeover in that time fails the step.
 */
final class DuringPartition implements Fault {
  private final String kind;
  private final Partition partition;
  private final Fault inner;
  private final Duration takeoverWait;

  DuringPartition(String kind, Partition partition, Fault inner, Duration takeoverWait) {
    this.kind = kind;
    this.partition = partition;
    this.inner = inner;
    this.takeoverWait = takeoverWait;
  }

  @Override
  public String name() {
    return partition.victimActive().map(v -> kind + "(" + v + ")").orElse(kind);
  }

  @Override
  public String inject(ClusterControl cluster) {
    String cut = partition.inject(cluster);
    try {
      return cut + "; then " + inner.inject(cluster);
    } catch (RuntimeException e) {
      partition.heal(cluster);
      throw e;
    }
  }

  @Override
  public String heal(ClusterControl cluster) {
    String victim = partition.victimActive().orElseThrow(() -> new IllegalStateException(kind + ": not injected"));
    Instant start = Instant.now();
    Optional<String> other = ActiveTarget.awaitOther(cluster, victim, takeoverWait);
    String took = Duration.between(start, Instant.now()).toMillis() + " ms";
    String first;
    try {
      first = inner.heal(cluster);
    } catch (RuntimeException e) {
      partition.heal(cluster);
      throw e;
    }
    String healed = first + "; " + partition.heal(cluster);
    if (other.isEmpty()) {
      throw new IllegalStateException("no NameNode other than " + victim + " became active within "
          + takeoverWait.toSeconds() + " s more while the cut held; then " + healed);
    }
    return other.get() + " active across the cut after " + took + " more; then " + healed;
  }

  @Override
  public Optional<String> victimActive() {
    return partition.victimActive();
  }
}
