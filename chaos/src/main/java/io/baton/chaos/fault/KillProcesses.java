package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kill -9 of the active NameNode, of its controller, or of both (host loss); the heal starts them again
 * (NameNode first), as an operator or a supervisor would.
 */
public final class KillProcesses implements Fault {
  private final String kind;
  private final boolean namenode;
  private final boolean controller;
  private String victim;

  public KillProcesses(String kind, boolean namenode, boolean controller) {
    if (!namenode && !controller) {
      throw new IllegalArgumentException(kind + ": kills nothing");
    }
    this.kind = kind;
    this.namenode = namenode;
    this.controller = controller;
  }

  @Override
  public String name() {
    return victim == null ? kind : kind + "(" + victim + ")";
  }

  @Override
  public String inject(ClusterControl cluster) {
    victim = ActiveTarget.resolve(cluster, kind);
    List<String> did = new ArrayList<>();
    if (namenode) {
      did.add(cluster.kill(Role.NAMENODE, victim));
    }
    if (controller) {
      did.add(cluster.kill(Role.CONTROLLER, victim));
    }
    return String.join("; ", did);
  }

  @Override
  public String heal(ClusterControl cluster) {
    List<String> did = new ArrayList<>();
    if (namenode) {
      cluster.restartNameNode(victim);
      did.add(victim);
    }
    if (controller) {
      cluster.restartController(victim);
      did.add("zkfc-" + victim);
    }
    return "restarted " + String.join(" and ", did);
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
