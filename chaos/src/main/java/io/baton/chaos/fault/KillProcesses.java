package io.baton.chaos.fault;

import io.baton.chaos.cluster.ClusterControl;
import io.baton.controller.local.ChildProcess;
import java.time.Duration;
import java.util.Optional;

/**
 * kill -9 of the active NameNode, of its controller, or of both (host loss); the heal starts them again
 * (NameNode first), as an operator or a supervisor would.
 */
public final class KillProcesses implements Fault {
  private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

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
    StringBuilder did = new StringBuilder("kill -9");
    if (namenode) {
      did.append(' ').append(kill(cluster.namenode(victim)));
    }
    if (controller) {
      did.append(' ').append(kill(cluster.controller(victim)));
    }
    return did.toString();
  }

  private static String kill(ChildProcess p) {
    String what = p.toString();
    p.killHard(EXIT_WAIT);
    return what;
  }

  @Override
  public String heal(ClusterControl cluster) {
    if (namenode) {
      cluster.restartNameNode(victim);
    }
    if (controller) {
      cluster.restartController(victim);
    }
    return "restarted " + (namenode ? victim + " " : "") + (controller ? "zkfc-" + victim : "");
  }

  @Override
  public Optional<String> victimActive() {
    return Optional.ofNullable(victim);
  }
}
