package io.baton.chaos.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetnsPlanTest {
  private final NetnsPlan plan = new NetnsPlan("bc1a2b", 77, List.of("n1", "n2", "zk"));

  @Test
  void theGuardRouteComesFirstAndGoesLast() {
    assertThat(plan.setup().get(0)).containsExactly("ip", "route", "add", "unreachable", "10.200.77.0/24");
    List<List<String>> down = plan.teardown();
    assertThat(down.get(down.size() - 1)).containsExactly("ip", "route", "del", "unreachable", "10.200.77.0/24");
    assertThat(down).contains(List.of("ip", "netns", "del", "bc1a2b-n1"), List.of("ip", "netns", "del", "bc1a2b-hub"));
  }

  @Test
  void everyHostIsWiredToTheHubBridgeAndNothingToTheRootNamespace() {
    assertThat(plan.setup()).contains(
        List.of("ip", "netns", "add", "bc1a2b-zk"),
        List.of("ip", "-n", "bc1a2b-hub", "link", "add", "bc1a2bh3", "type", "veth", "peer", "name", "eth0",
            "netns", "bc1a2b-zk"),
        List.of("ip", "-n", "bc1a2b-zk", "addr", "add", "10.200.77.3/24", "dev", "eth0"));
    // every command after the guard names a namespace (-n NS or netns add): none configures the root namespace
    assertThat(plan.setup().subList(1, plan.setup().size()))
        .allMatch(c -> c.contains("-n") || c.subList(0, 3).equals(List.of("ip", "netns", "add")));
    assertThat(plan.address("n2")).isEqualTo("10.200.77.2");
    assertThat(plan.exec("n1", List.of("java", "-version")))
        .containsExactly("ip", "netns", "exec", "bc1a2b-n1", "java", "-version");
  }

  @Test
  void partitionsAreRulesInsideTheCutHost() {
    assertThat(plan.partition("n1", "n2", false, true)).containsExactly(
        List.of("ip", "netns", "exec", "bc1a2b-n1", "iptables", "-w", "-A", "OUTPUT", "-d", "10.200.77.2", "-j",
            "DROP"),
        List.of("ip", "netns", "exec", "bc1a2b-n1", "iptables", "-w", "-A", "INPUT", "-s", "10.200.77.2", "-j",
            "DROP"));
    assertThat(plan.partition("n1", "n2", true, false)).containsExactly(
        List.of("ip", "netns", "exec", "bc1a2b-n1", "iptables", "-w", "-D", "OUTPUT", "-d", "10.200.77.2", "-m",
            "conntrack", "--ctstate", "NEW", "-j", "DROP"));
    assertThat(plan.isolate("zk", true)).containsExactly("ip", "-n", "bc1a2b-hub", "link", "set", "bc1a2bh3",
        "down");
  }

  @Test
  void oneWayRulesDropOneDirectionOnly() {
    assertThat(plan.drop("n1", "zk", true, true)).containsExactly("ip", "netns", "exec", "bc1a2b-n1", "iptables",
        "-w", "-A", "INPUT", "-s", "10.200.77.3", "-j", "DROP");
    assertThat(plan.drop("n1", "n2", false, false)).containsExactly("ip", "netns", "exec", "bc1a2b-n1", "iptables",
        "-w", "-D", "OUTPUT", "-d", "10.200.77.2", "-j", "DROP");
    assertThat(plan.blackHole("n2", 24)).containsExactly("ip", "netns", "exec", "bc1a2b-n2", "iptables", "-w", "-A",
        "INPUT", "-p", "tcp", "--dport", "24", "-j", "DROP");
  }

  @Test
  void badPlansAreRefused() {
    assertThatThrownBy(() -> new NetnsPlan("Chaos", 1, List.of("n1"))).hasMessage(
        "namespace prefix 'Chaos' must be 2-8 of [a-z0-9], starting with a letter");
    assertThatThrownBy(() -> new NetnsPlan("bc", 256, List.of("n1"))).hasMessage("subnet octet 256 is not 0..255");
    assertThatThrownBy(() -> new NetnsPlan("bc", 1, List.of("host-1"))).hasMessage(
        "hosts [host-1] must be 1..200 names of 1-6 of [a-z0-9]");
    assertThatThrownBy(() -> plan.address("n9")).hasMessage("no host n9 in [n1, n2, zk]");
  }
}
