package io.baton.controller.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.HealthMonitorConfig;
import io.baton.config.HostPort;
import io.baton.controller.core.Event;
import io.baton.controller.core.HealthState;
import io.baton.controller.testkit.FakeNameNode;
import io.baton.controller.testkit.Fixtures;
import io.baton.controller.testkit.SplitBrainDetector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health monitor against a real Hadoop IPC server: full checks, liveness probes between them, hangs. */
class HealthMonitorTest {
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(1);
  private final List<Event.HealthChecked> reports = new CopyOnWriteArrayList<>();
  private FakeNameNode nn;
  private HostPort address;

  @BeforeEach
  void startNameNode() throws Exception {
    address = new HostPort("127.0.0.1", Fixtures.freePort());
    nn = new FakeNameNode(Fixtures.namenode("ns1", "nn1", address.port(), Fixtures.freePort(), Fixtures.freePort()),
        new SplitBrainDetector()).start();
  }

  @AfterEach
  void stopNameNode() {
    nn.unhang();
    nn.close();
  }

  private HealthMonitor monitor(Duration checkInterval) {
    HealthMonitorConfig config = new HealthMonitorConfig(checkInterval, Duration.ofMillis(200),
        Duration.ofMillis(200), RPC_TIMEOUT, 0);
    return new HealthMonitor("nn1", address, config, new HaServiceClients(new Configuration(false)),
        e -> reports.add((Event.HealthChecked) e));
  }

  @Test
  void betweenFullChecksLivenessProbesGoOutEveryQuarterInterval() {
    try (HealthMonitor m = monitor(Duration.ofSeconds(1))) {
      m.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> nn.statusCalls.get() >= 3);
    }
    int checks = nn.statusCalls.get();
    // every full check is getServiceStatus + monitorHealth; three probes (monitorHealth alone) follow each
    assertThat(nn.healthCalls.get()).isBetween(4 * checks - 3, 4 * checks + 3);
    // probes that answer stay silent: one report per full check
    assertThat(reports).hasSizeBetween(checks - 1, checks)
        .allMatch(r -> r.health() == HealthState.HEALTHY);
  }

  @Test
  void negativeControlAnIntervalBelowTwiceTheProbeGapHasNoProbes() {
    try (HealthMonitor m = monitor(Duration.ofMillis(200))) {
      m.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> nn.healthCalls.get() >= 5);
    }
    assertThat(nn.statusCalls.get()).isBetween(nn.healthCalls.get(), nn.healthCalls.get() + 1);
  }

  @Test
  void probesCatchAnUnhealthyNameNodeBetweenFullChecks() {
    try (HealthMonitor m = monitor(Duration.ofSeconds(1))) {
      m.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> !reports.isEmpty());
      nn.healthy = false;
      int checksBefore = nn.statusCalls.get();
      await().atMost(Duration.ofSeconds(20)).until(() -> nn.statusCalls.get() >= checksBefore + 3);
    }
    List<Event.HealthChecked> unhealthy = reports.stream().filter(r -> r.health() == HealthState.UNHEALTHY).toList();
    // every poll reports it, the three probes between two full checks too: about 12 over 3 checks, not 3
    assertThat(unhealthy).hasSizeGreaterThanOrEqualTo(9)
        // a probe does not ask for the state; it keeps what the last full check read
        .allMatch(r -> r.reported().isPresent());
  }

  @Test
  void aHangCountsOnlyOnceOneCallWentUnansweredForTheWholeRpcTimeout() {
    try (HealthMonitor m = monitor(Duration.ofSeconds(1))) {
      m.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> !reports.isEmpty());
      long hungAt = System.nanoTime();
      nn.hang();
      await().atMost(Duration.ofSeconds(20))
          .until(() -> reports.stream().anyMatch(r -> r.health() == HealthState.NOT_RESPONDING));
      long detectedAfter = Duration.ofNanos(System.nanoTime() - hungAt).toMillis();
      // never earlier than the tolerance: a pause shorter than the RPC timeout must not count as a hang
      assertThat(detectedAfter).isGreaterThanOrEqualTo(RPC_TIMEOUT.toMillis());
    }
  }
}
