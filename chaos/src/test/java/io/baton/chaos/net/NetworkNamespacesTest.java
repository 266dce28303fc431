package io.baton.chaos.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.worlds.process.ProcessKit;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real namespaces (root with `ip netns` only): the guard route stops the root namespace from reaching the test
 * subnet, partitions cut both ways or one way at the TCP level, heals restore, and close removes everything.
 */
class NetworkNamespacesTest {
  private static final int PORT = 7000;

  private static boolean reachable(NetnsPlan plan, String from, String to) {
    return NetworkNamespaces.run(plan.exec(from, List.of("nc", "-z", "-w", "1", plan.address(to),
        Integer.toString(PORT)))).exitCode() == 0;
  }

  @Test
  void guardPartitionsAndCleanup(@TempDir Path dir) throws Exception {
    io.baton.chaos.TestParts.requireNetns();
    long pid = ProcessHandle.current().pid();
    NetnsPlan plan = new NetnsPlan("bt" + Long.toString(pid % 46656, 36), (int) (100 + pid % 100),
        List.of("a", "b"));
    try (NetworkNamespaces netns = NetworkNamespaces.create(plan); ProcessKit kit = new ProcessKit(dir)) {
      for (String host : plan.hosts()) {
        kit.start("listen-" + host, plan.exec(host, List.of("nc", "-l", "-k", plan.address(host),
            Integer.toString(PORT))), Map.of());
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> reachable(plan, "a", "b") && reachable(plan, "b", "a"));

      // The guard: from the root namespace the test subnet is unreachable at once, nothing leaves the machine.
      assertThatThrownBy(() -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(plan.address("b"), PORT), 2000);
        }
      }).isInstanceOf(NoRouteToHostException.class);

      netns.partition("a", "b", false, true);
      assertThat(reachable(plan, "a", "b")).isFalse();
      assertThat(reachable(plan, "b", "a")).isFalse();
      netns.partition("a", "b", false, false);
      await().atMost(Duration.ofSeconds(10)).until(() -> reachable(plan, "a", "b"));

      netns.partition("a", "b", true, true);
      assertThat(reachable(plan, "a", "b")).isFalse();
      assertThat(reachable(plan, "b", "a")).isTrue();
      netns.partition("a", "b", true, false);
      await().atMost(Duration.ofSeconds(10)).until(() -> reachable(plan, "a", "b"));

      netns.isolate("b", true);
      assertThat(reachable(plan, "a", "b")).isFalse();
      netns.isolate("b", false);
      await().atMost(Duration.ofSeconds(10)).until(() -> reachable(plan, "a", "b"));
    }
    assertThat(NetworkNamespaces.run(List.of("ip", "netns", "list")).output()).doesNotContain(plan.prefix() + "-");
    assertThat(NetworkNamespaces.run(List.of("ip", "route", "show")).output()).doesNotContain(plan.subnet());
  }
}
