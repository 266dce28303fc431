package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import java.util.Optional;

/**
 * A fault that hits while a partition holds, so that the cluster must react across the cut (e.g. the standby
 * must fence an old active it cannot reach). Injects the partition, then the inner fault; heals in reverse order.
 */
final class DuringPartition implements Fault {
  private final String kind;
  private final Partition partition;
  private final Fault inner;

  DuringPartition(String kind, Partition partition, Fault inner) {
    this.kind = kind;
    this.partition = partition;
    this.inner = inner;
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
    String first;
    try {
      first = inner.heal(cluster);
    } catch (RuntimeException e) {
      partition.heal(cluster);
      throw e;
    }
    return first + "; " + partition.heal(cluster);
  }

  @Override
  public Optional<String> victimActive() {
    return partition.victimActive();
  }
}
