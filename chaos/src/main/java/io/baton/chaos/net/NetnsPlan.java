package io.baton.chaos.net;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The commands of the network-namespace mode, as data: one namespace per host plus a hub namespace holding the
 * bridge (so the root namespace gains no interface or route), a guard route that makes the test subnet
 * unreachable from the root namespace (added FIRST, removed LAST: a stray connect from the root namespace fails
 * at once instead of leaving the machine), partitions as iptables rules inside the cut host's namespace, and the
 * teardown. Pure: {@link NetworkNamespaces} runs it.
 *
 * @param prefix unique per run (namespace and interface names start with it), 2-8 of [a-z0-9]
 * @param subnetOctet the test subnet is 10.200.&lt;octet&gt;.0/24, inside 10.200.0.0/16
 * @param hosts host names, in order; host i gets address 10.200.&lt;octet&gt;.(i+1)
 */
public record NetnsPlan(String prefix, int subnetOctet, List<String> hosts) {
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,7}");
  private static final Pattern HOST = Pattern.compile("[a-z][a-z0-9]{0,5}");

  public NetnsPlan {
    hosts = List.copyOf(hosts);
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("namespace prefix '" + prefix + "' must be 2-8 of [a-z0-9], starting "
          + "with a letter");
    }
    if (subnetOctet < 0 || subnetOctet > 255) {
      throw new IllegalArgumentException("subnet octet " + subnetOctet + " is not 0..255");
    }
    if (hosts.isEmpty() || hosts.size() > 200 || hosts.stream().anyMatch(h -> !HOST.matcher(h).matches())) {
      throw new IllegalArgumentException("hosts " + hosts + " must be 1..200 names of 1-6 of [a-z0-9]");
    }
  }

  public String subnet() {
    return "10.200." + subnetOctet + ".0/24";
  }

  public String namespace(String host) {
    return prefix + "-" + requireHost(host);
  }

  public String hub() {
    return prefix + "-hub";
  }

  public String address(String host) {
    return "10.200." + subnetOctet + "." + (hosts.indexOf(requireHost(host)) + 1);
  }

  private String requireHost(String host) {
    if (!hosts.contains(host)) {
      throw new IllegalArgumentException("no host " + host + " in " + hosts);
    }
    return host;
  }

  /** The root-namespace guard: the test subnet is unreachable from here. */
  public List<String> guardAdd() {
    return List.of("ip", "route", "add", "unreachable", subnet());
  }

  public List<String> guardDelete() {
    return List.of("ip", "route", "del", "unreachable", subnet());
  }

  /** Guard first, then the hub with its bridge, then every host wired to it. */
  public List<List<String>> setup() {
    List<List<String>> cmds = new ArrayList<>();
    cmds.add(guardAdd());
    cmds.add(List.of("ip", "netns", "add", hub()));
    cmds.add(List.of("ip", "-n", hub(), "link", "add", "br0", "type", "bridge"));
    cmds.add(List.of("ip", "-n", hub(), "link", "set", "br0", "up"));
    cmds.add(List.of("ip", "-n", hub(), "link", "set", "lo", "up"));
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i);
      String ns = namespace(host);
      String port = hubPort(i);
      cmds.add(List.of("ip", "netns", "add", ns));
      cmds.add(List.of("ip", "-n", hub(), "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns));
      cmds.add(List.of("ip", "-n", hub(), "link", "set", port, "master", "br0"));
      cmds.add(List.of("ip", "-n", hub(), "link", "set", port, "up"));
      cmds.add(List.of("ip", "-n", ns, "addr", "add", address(host) + "/24", "dev", "eth0"));
      cmds.add(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
      cmds.add(List.of("ip", "-n", ns, "link", "set", "eth0", "up"));
    }
    return cmds;
  }

  /** Host namespaces, then the hub (deleting a namespace removes its veths and rules), then the guard LAST. */
  public List<List<String>> teardown() {
    List<List<String>> cmds = new ArrayList<>();
    for (String host : hosts) {
      cmds.add(List.of("ip", "netns", "del", namespace(host)));
    }
    cmds.add(List.of("ip", "netns", "del", hub()));
    cmds.add(guardDelete());
    return cmds;
  }

  private String hubPort(int i) {
    return prefix + "h" + (i + 1);
  }

  /** Isolates a host from everything (its hub port down: silent, connects time out). */
  public List<String> isolate(String host, boolean cut) {
    return List.of("ip", "-n", hub(), "link", "set", hubPort(hosts.indexOf(requireHost(host))), cut ? "down" : "up");
  }

  /**
   * Partition rules inside {@code from}'s namespace against {@code to}: both ways drops every packet to and from
   * it; one way drops only new connections from {@code from} to {@code to}, so {@code to} can still connect to
   * {@code from} and its replies flow (a TCP-level asymmetric partition).
   *
   * @param cut true adds the rules (-A), false removes them (-D)
   */
  public List<List<String>> partition(String from, String to, boolean oneWay, boolean cut) {
    String op = cut ? "-A" : "-D";
    String ns = namespace(from);
    String peer = address(to);
    List<List<String>> cmds = new ArrayList<>();
    if (oneWay) {
      cmds.add(List.of("ip", "netns", "exec", ns, "iptables", "-w", op, "OUTPUT", "-d", peer, "-m", "conntrack",
          "--ctstate", "NEW", "-j", "DROP"));
    } else {
      cmds.add(List.of("ip", "netns", "exec", ns, "iptables", "-w", op, "OUTPUT", "-d", peer, "-j", "DROP"));
      cmds.add(List.of("ip", "netns", "exec", ns, "iptables", "-w", op, "INPUT", "-s", peer, "-j", "DROP"));
    }
    return cmds;
  }

  /**
   * One direction only, inside {@code host}'s namespace: drop every packet from {@code peer} (input) or to it
   * (output). Dropping input from ZooKeeper makes its replies vanish while the host's requests still arrive.
   */
  public List<String> drop(String host, String peer, boolean input, boolean cut) {
    return List.of("ip", "netns", "exec", namespace(host), "iptables", "-w", cut ? "-A" : "-D", input ? "INPUT"
        : "OUTPUT", input ? "-s" : "-d", address(peer), "-j", "DROP");
  }

  /** Inside {@code host}'s namespace, silently drop connections to a local port (a host that never answers). */
  public List<String> blackHole(String host, int port) {
    return List.of("ip", "netns", "exec", namespace(host), "iptables", "-w", "-A", "INPUT", "-p", "tcp", "--dport",
        Integer.toString(port), "-j", "DROP");
  }

  /** {@code ip netns exec <ns> cmd...}: how every process of a host is started. */
  public List<String> exec(String host, List<String> command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace(host)));
    cmd.addAll(command);
    return cmd;
  }
}
