package io.baton.chaos.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void loopbackRunsEverythingHereOn127001() {
    Topology t = Topology.loopback();
    assertThat(t.namespaces()).isFalse();
    assertThat(t.mode()).isEqualTo("loopback");
    assertThat(t.address("nn1")).isEqualTo("127.0.0.1");
    assertThat(t.onHost("nn1", List.of("java", "-version"))).containsExactly("java", "-version");
    assertThat(Topology.fromEnvironment(Map.of())).isEmpty();
  }

  @Test
  void theKitFindsTheNamespacesItWasStartedInFromItsEnvironment() {
    NetnsPlan plan = new NetnsPlan("bcab12", 9, Topology.hosts(List.of("nn1", "nn2")));
    Topology t = Topology.namespaces(plan, Path.of("key"), Path.of("known"));
    Topology inside = Topology.fromEnvironment(t.environment()).orElseThrow();
    assertThat(inside).isEqualTo(t);
    assertThat(inside.mode()).isEqualTo("namespaces");
    assertThat(plan.hosts()).containsExactly("ctl", "zk", "jn", "cl", "nn1", "nn2");
    assertThat(inside.address(Topology.ZOOKEEPER)).isEqualTo("10.200.9.2");
    assertThat(inside.address("nn2")).isEqualTo("10.200.9.6");
    assertThat(inside.onHost("nn1", List.of("java"))).containsExactly("ip", "netns", "exec", "bcab12-nn1", "java");
  }

  @Test
  void aBrokenHandOverIsRefusedWithTheReason() {
    assertThatThrownBy(() -> Topology.fromEnvironment(Map.of(Topology.ENV_PLAN, "bcab12:9")))
        .hasMessage("BATON_CHAOS_NETNS='bcab12:9' is not prefix:octet:host,host,... with BATON_CHAOS_SSH_KEY and "
            + "BATON_CHAOS_KNOWN_HOSTS set; it is set by `baton chaos ... --netns`, not by hand");
  }
}
