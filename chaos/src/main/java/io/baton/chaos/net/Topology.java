package io.baton.chaos.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the processes of a chaos run live. Loopback: everything on 127.0.0.1 in this namespace. Namespaces: every
 * host is a network namespace of a {@link NetnsPlan} with its own address; the kit itself runs in {@link #KIT}, so
 * that its probes cross the test network like everything else, and each NameNode host runs its own sshd (port 22),
 * so that sshfence crosses a real network and fuser sees only that host.
 *
 * @param plan the namespaces, when in namespace mode
 * @param sshKey the private key sshfence uses against the hosts' sshd (namespace mode)
 * @param knownHosts the known_hosts file naming every host's sshd key (namespace mode)
 */
public record Topology(Optional<NetnsPlan> plan, Optional<Path> sshKey, Optional<Path> knownHosts) {
  /** The host names of the namespace mode besides the NameNode hosts. */
  public static final String KIT = "ctl";
  public static final String ZOOKEEPER = "zk";
  public static final String JOURNAL = "jn";
  public static final String CLIENTS = "cl";
  public static final List<String> INFRA = List.of(KIT, ZOOKEEPER, JOURNAL, CLIENTS);
  /** The sshd of every NameNode host listens here; nothing listens on the others. */
  public static final int SSH_PORT = 22;
  public static final int SSH_DOWN_PORT = 23;
  /** Every NameNode host silently drops this port (an unreachable ssh host). */
  public static final int SSH_BLACK_HOLE_PORT = 24;
  private static final String LOOPBACK = "127.0.0.1";

  public static Topology loopback() {
    return new Topology(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static Topology namespaces(NetnsPlan plan, Path sshKey, Path knownHosts) {
    return new Topology(Optional.of(plan), Optional.of(sshKey), Optional.of(knownHosts));
  }

  /** The environment variables that hand a namespace topology to the kit's JVM inside {@link #KIT}. */
  public static final String ENV_PLAN = "BATON_CHAOS_NETNS";
  public static final String ENV_SSH_KEY = "BATON_CHAOS_SSH_KEY";
  public static final String ENV_KNOWN_HOSTS = "BATON_CHAOS_KNOWN_HOSTS";

  /** {@link #ENV_PLAN} and the others for this topology (namespace mode only). */
  public Map<String, String> environment() {
    NetnsPlan p = plan.orElseThrow(() -> new IllegalStateException("loopback mode has no namespaces to hand on"));
    return Map.of(ENV_PLAN, p.prefix() + ":" + p.subnetOctet() + ":" + String.join(",", p.hosts()),
        ENV_SSH_KEY, sshKey.orElseThrow().toString(), ENV_KNOWN_HOSTS, knownHosts.orElseThrow().toString());
  }

  /** The namespace topology handed on by {@link #environment()}, if this JVM runs inside one. */
  public static Optional<Topology> fromEnvironment(Map<String, String> env) {
    String text = env.get(ENV_PLAN);
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split(":", 3);
    if (parts.length != 3 || !env.containsKey(ENV_SSH_KEY) || !env.containsKey(ENV_KNOWN_HOSTS)) {
      throw new IllegalArgumentException(ENV_PLAN + "='" + text + "' is not prefix:octet:host,host,... with "
          + ENV_SSH_KEY + " and " + ENV_KNOWN_HOSTS + " set; it is set by `baton chaos ... --netns`, not by hand");
    }
    NetnsPlan p = new NetnsPlan(parts[0], Integer.parseInt(parts[1]), List.of(parts[2].split(",")));
    return Optional.of(namespaces(p, Path.of(env.get(ENV_SSH_KEY)), Path.of(env.get(ENV_KNOWN_HOSTS))));
  }

  /** The hosts of a namespace run with these NameNodes: the infrastructure, then one per NameNode. */
  public static List<String> hosts(List<String> namenodeIds) {
    List<String> hosts = new ArrayList<>(INFRA);
    hosts.addAll(namenodeIds);
    return hosts;
  }

  public boolean namespaces() {
    return plan.isPresent();
  }

  public String mode() {
    return namespaces() ? "namespaces" : "loopback";
  }

  /** The address of a host ({@link #INFRA} or a NameNode id); 127.0.0.1 for every host in loopback mode. */
  public String address(String host) {
    return plan.map(p -> p.address(host)).orElse(LOOPBACK);
  }

  /** Where the ZooKeeper ensemble runs in this topology. */
  public io.baton.worlds.zk.ZooKeeperHost zooKeeperHost() {
    return new io.baton.worlds.zk.ZooKeeperHost(address(ZOOKEEPER), command -> onHost(ZOOKEEPER, command));
  }

  /** The command that runs {@code command} on a host: wrapped in {@code ip netns exec} in namespace mode. */
  public List<String> onHost(String host, List<String> command) {
    return plan.map(p -> p.exec(host, command)).orElse(command);
  }
}
