package io.baton.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.controller.FencingDrills;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.ControllerStatus;
import io.baton.controller.core.FailoverRecord;
import io.baton.controller.core.HealthState;
import io.baton.controller.core.Pause;
import io.baton.controller.core.Phase;
import io.baton.controller.core.ServiceState;
import io.baton.controller.core.ZkConnection;
import io.baton.controller.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControllerMetricsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static FailoverRecord promotion(long id, FailoverRecord.Outcome outcome) {
    List<Phase> phases = List.of(
        new Phase("elect", T0, Duration.ofMillis(16), "lock free -> lock won"),
        new Phase("graceful-fence nn2", T0, Duration.ofMillis(2), "ConnectException"),
        new Phase("fence nn2", T0, Duration.ofMillis(1670), "fenced nn2 by journal in 1670 ms"),
        new Phase("fence nn2 #1 sshfence", T0, Duration.ofMillis(500), "UNREACHABLE: connect timed out"),
        new Phase("fence nn2 #2 journal", T0, Duration.ofMillis(1170), "FENCED: epoch 3 promised"),
        new Phase("promote", T0, Duration.ofMillis(1000), "transitionToActive ok"));
    return new FailoverRecord(id, FailoverRecord.Kind.PROMOTION, "nn1", T0, "nn2 gave up the election lock",
        Optional.of("nn2"), phases, Optional.of(3L), outcome, "done");
  }

  private static ControllerStatus status(ControllerState state, List<FailoverRecord> records) {
    return new ControllerStatus("nn1", state, HealthState.HEALTHY, Optional.of(ServiceState.ACTIVE), "healthy",
        ZkConnection.CONNECTED, true, "in the election", Optional.of("nn1"), 3, Optional.empty(), Optional.empty(),
        records, List.of());
  }

  private static List<String> lines(String scrape) {
    return Arrays.asList(scrape.split("\n"));
  }

  @Test
  void scrapeHasTheDocumentedNamesLabelsAndTypesInPrometheusTextFormat() {
    ManualClock clock = new ManualClock(T0);
    ControllerMetrics metrics = new ControllerMetrics("ns1", "nn1", clock);
    metrics.accept(status(ControllerState.BECOMING_ACTIVE, List.of(promotion(1, FailoverRecord.Outcome.IN_PROGRESS))));
    metrics.accept(status(ControllerState.ACTIVE, List.of(promotion(1, FailoverRecord.Outcome.SUCCEEDED))));
    metrics.accept(status(ControllerState.ACTIVE, List.of(promotion(1, FailoverRecord.Outcome.SUCCEEDED))));
    clock.advance(Duration.ofMillis(2500));

    List<String> scrape = lines(metrics.render());

    assertThat(scrape).contains(
        "# TYPE baton_failovers_total counter",
        "baton_failovers_total{kind=\"promotion\",namenode=\"nn1\",nameservice=\"ns1\",outcome=\"succeeded\"} 1.0",
        "# TYPE baton_fencing_attempts_total counter",
        "baton_fencing_attempts_total{method=\"sshfence\",namenode=\"nn1\",nameservice=\"ns1\",outcome=\"UNREACHABLE\"} 1.0",
        "baton_fencing_attempts_total{method=\"journal\",namenode=\"nn1\",nameservice=\"ns1\",outcome=\"FENCED\"} 1.0",
        "# TYPE baton_failover_phase_seconds histogram",
        "baton_failover_phase_seconds_bucket{namenode=\"nn1\",nameservice=\"ns1\",phase=\"elect\",le=\"0.025\"} 1",
        "baton_failover_phase_seconds_bucket{namenode=\"nn1\",nameservice=\"ns1\",phase=\"elect\",le=\"0.01\"} 0",
        "baton_failover_phase_seconds_bucket{namenode=\"nn1\",nameservice=\"ns1\",phase=\"fence\",le=\"2.5\"} 1",
        "baton_failover_phase_seconds_bucket{namenode=\"nn1\",nameservice=\"ns1\",phase=\"promote\",le=\"60.0\"} 1",
        "baton_failover_phase_seconds_bucket{namenode=\"nn1\",nameservice=\"ns1\",phase=\"promote\",le=\"+Inf\"} 1",
        "baton_failover_phase_seconds_count{namenode=\"nn1\",nameservice=\"ns1\",phase=\"promote\"} 1",
        "baton_failover_phase_seconds_sum{namenode=\"nn1\",nameservice=\"ns1\",phase=\"promote\"} 1.0",
        "# TYPE baton_health_state gauge",
        "baton_health_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"HEALTHY\"} 1.0",
        "baton_health_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"NOT_RESPONDING\"} 0.0",
        "baton_controller_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"ACTIVE\"} 1.0",
        "baton_controller_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"STANDBY\"} 0.0",
        "baton_controller_state_seconds{namenode=\"nn1\",nameservice=\"ns1\"} 2.5",
        "baton_epoch{namenode=\"nn1\",nameservice=\"ns1\"} 3.0",
        "baton_in_election{namenode=\"nn1\",nameservice=\"ns1\"} 1.0",
        "baton_maintenance{namenode=\"nn1\",nameservice=\"ns1\"} 0.0");
    assertThat(scrape).as("the per-method fencing phases are counted, not timed as phases")
        .noneMatch(l -> l.contains("phase=\"fence nn2") || l.contains("phase=\"sshfence"));
    assertThat(ControllerMetrics.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
  }

  @Test
  void aRecordIsCountedOnceHoweverManySnapshotsShowIt() {
    ControllerMetrics metrics = new ControllerMetrics("ns1", "nn1", new ManualClock(T0));
    for (int i = 0; i < 3; i++) {
      metrics.accept(status(ControllerState.ACTIVE, List.of(promotion(1, FailoverRecord.Outcome.SUCCEEDED))));
    }
    metrics.accept(status(ControllerState.ACTIVE, List.of(promotion(1, FailoverRecord.Outcome.SUCCEEDED),
        promotion(2, FailoverRecord.Outcome.FAILED))));
    assertThat(lines(metrics.render())).contains(
        "baton_failovers_total{kind=\"promotion\",namenode=\"nn1\",nameservice=\"ns1\",outcome=\"succeeded\"} 1.0",
        "baton_failovers_total{kind=\"promotion\",namenode=\"nn1\",nameservice=\"ns1\",outcome=\"failed\"} 1.0",
        "baton_failover_phase_seconds_count{namenode=\"nn1\",nameservice=\"ns1\",phase=\"promote\"} 2");
  }

  @Test
  void haStateOfEveryNameNodeZooKeeperPauseExpiryAndDrillsCarryTheirLabels() {
    Map<String, Optional<ServiceState>> peers = Map.of("nn2", Optional.of(ServiceState.STANDBY),
        "nn3", Optional.empty());
    List<FencingDrills.Result> drills = List.of(new FencingDrills.Result("nn2", T0, false, List.of(
        new FencingDrills.MethodResult("sshfence", false, "timed out", 5))));
    ControllerMetrics metrics = new ControllerMetrics("ns1", "nn1", new ManualClock(T0), () -> peers, () -> drills);
    Pause pause = new Pause("upgrading nn2", T0, T0.plusSeconds(1800));
    metrics.accept(new ControllerStatus("nn1", ControllerState.STANDBY, HealthState.HEALTHY,
        Optional.of(ServiceState.STANDBY), "healthy", ZkConnection.SUSPENDED, true, "in the election",
        Optional.of("nn2"), 3, Optional.of(pause), Optional.empty(), List.of(), List.of()));

    assertThat(lines(metrics.render())).contains(
        "baton_namenode_ha_state{namenode=\"nn1\",nameservice=\"ns1\",source=\"health-check\",state=\"STANDBY\"} 1.0",
        "baton_namenode_ha_state{namenode=\"nn1\",nameservice=\"ns1\",source=\"health-check\",state=\"ACTIVE\"} 0.0",
        "baton_namenode_ha_state{namenode=\"nn2\",nameservice=\"ns1\",source=\"peer-probe\",state=\"STANDBY\"} 1.0",
        "baton_namenode_ha_state{namenode=\"nn3\",nameservice=\"ns1\",source=\"peer-probe\",state=\"ACTIVE\"} 0.0",
        "baton_namenode_ha_state{namenode=\"nn3\",nameservice=\"ns1\",source=\"peer-probe\",state=\"STANDBY\"} 0.0",
        "baton_zookeeper_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"SUSPENDED\"} 1.0",
        "baton_zookeeper_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"CONNECTED\"} 0.0",
        "baton_maintenance{namenode=\"nn1\",nameservice=\"ns1\"} 1.0",
        "baton_maintenance_expiry_timestamp_seconds{namenode=\"nn1\",nameservice=\"ns1\"} "
            + (double) T0.plusSeconds(1800).getEpochSecond(),
        "baton_fencing_drill_passed{method=\"sshfence\",namenode=\"nn2\",nameservice=\"ns1\"} 0.0");
  }

  @Test
  void beforeTheFirstStatusOnlyTheEventMetricsAreListed() {
    String scrape = new ControllerMetrics("ns1", "nn1", new ManualClock(T0)).render();
    assertThat(scrape).doesNotContain("baton_health_state{", "baton_epoch{");
  }
}
