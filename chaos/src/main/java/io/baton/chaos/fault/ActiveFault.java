package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import java.util.Optional;

/** A fault that hits the NameNode active at injection time and remembers it (the victim) for the heal. */
abstract class ActiveFault implements Fault {
  private final String kind;
  private String victim;

  ActiveFault(String kind) {
    this.kind = kind;
  }

  @Override
  public final String name() {
    return victim == null ? kind : kind + "(" + label(victim) + ")";
  }

  /** How the name shows the victim; e.g. a controller fault names the controller. */
  String label(String victim) {
    return victim;
  }

  /** Throws {@link UnsupportedFaultException} when this cluster cannot take the fault. */
  void checkSupported(ClusterControl cluster) {}

  @Override
  public final String inject(ClusterControl cluster) {
    checkSupported(cluster);
    victim = ActiveTarget.resolve(cluster, kind);
    return hit(cluster, victim);
  }

  @Override
  public final String heal(ClusterControl cluster) {
    return repair(cluster, victim);
  }

  abstract String hit(ClusterControl cluster, String victim);

  abstract String repair(ClusterControl cluster, String victim);

  @Override
  public final Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
