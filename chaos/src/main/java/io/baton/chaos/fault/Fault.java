package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;

/**
 * One fault: {@link #inject} breaks something, {@link #heal} repairs it. A fault picks its victim at injection
 * time (usually the current active) and remembers it for the heal, so an instance is used for one step only.
 * Both return a short description of what they did, which the runner writes into the event log.
 */
public interface Fault {
  /** The kind's name plus the chosen victim once injected, e.g. {@code kill-namenode(nn1)}. */
  String name();

  String inject(ClusterControl cluster);

  String heal(ClusterControl cluster);

  /** The NameNode that was active when the fault hit it, if the fault targeted the active. */
  default java.util.Optional<String> victimActive() {
    return java.util.Optional.empty();
  }
}
