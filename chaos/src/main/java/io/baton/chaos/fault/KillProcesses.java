package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.chaos.cluster.ClusterControl.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * kill -9 of the active NameNode, of its controller, or of both (host loss); the heal starts them again
 * (NameNode first), as an operator or a supervisor would.
 */
public final class KillProcesses extends ActiveFault {
  private final boolean namenode;
  private final boolean controller;

  public KillProcesses(String kind, boolean namenode, boolean controller) {
    super(kind);
    if (!namenode && !controller) {
      throw new IllegalArgumentException(kind + ": kills nothing");
    }
    this.namenode = namenode;
    this.controller = controller;
  }

  @Override
  String hit(ClusterControl cluster, String victim) {
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
  String repair(ClusterControl cluster, String victim) {
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
}
