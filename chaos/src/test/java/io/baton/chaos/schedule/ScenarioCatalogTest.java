package io.baton.chaos.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.chaos.fault.FaultKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

  @Test
  void everyFaultKindOfTheIssueHasANamedScenario() {
    List<FaultKind> covered = ScenarioCatalog.all().stream().flatMap(s -> s.steps().stream()).map(Step::kind)
        .distinct().toList();
    assertThat(covered).containsExactlyInAnyOrder(FaultKind.values());
    assertThat(ScenarioCatalog.names()).contains("zombie", "kill-namenode", "lose-zk-quorum",
        "fencing-fails-no-fallback", "clock-jump");
  }

  @Test
  void pausesOutlastTheSessionTimeout() {
    Duration session = Duration.ofSeconds(4);
    for (String name : List.of("zombie", "pause-controller", "partition-zk", "kill-controller")) {
      Step step = ScenarioCatalog.byName(name).orElseThrow().steps().get(0);
      assertThat(step.hold(session)).as(name).isGreaterThan(session);
    }
  }

  @Test
  void theNegativeControlTurnsFencingAndTheEpochCheckOffAndExpectsSplitBrain() {
    Scenario unsafe = ScenarioCatalog.byName("zombie").orElseThrow().unsafe();
    assertThat(unsafe.name()).isEqualTo("zombie-unsafe");
    assertThat(unsafe.setup().fencing()).isEqualTo(ClusterSetup.Fencing.OFF);
    assertThat(unsafe.setup().unsafeJournal()).isTrue();
    assertThat(unsafe.expectation()).isEqualTo(Expectation.SPLIT_BRAIN_DETECTED);
    assertThat(ScenarioCatalog.all()).noneMatch(s -> s.setup().isUnsafe());
  }

  @Test
  void badStepsAndSetupsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Step.of(FaultKind.ZOMBIE, -1, 0)).hasMessage(
        "a step's hold must not be negative: -1.0 x session + PT0S");
    assertThatThrownBy(() -> new ClusterSetup(ClusterSetup.Fencing.JOURNAL, false, false, 4)).hasMessage(
        "a chaos cluster has 2 or 3 NameNodes, not 4");
    assertThatThrownBy(() -> new Scenario("x", "y", ClusterSetup.standard(), List.of(), Expectation.SAFE_AND_LIVE, 0))
        .hasMessage("scenario x has no steps");
    assertThat(Step.of(FaultKind.ZOMBIE, 1.5, 1).describe()).isEqualTo("zombie held 1.5 x session + 1000 ms");
    assertThat(Step.of(FaultKind.ZOMBIE, 1.5, 1).hold(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void faultKindsAreFoundByLabel() {
    Arrays.stream(FaultKind.values()).forEach(k -> assertThat(FaultKind.byLabel(k.label())).isEqualTo(k));
    assertThatThrownBy(() -> FaultKind.byLabel("meteor")).hasMessageStartingWith(
        "unknown fault 'meteor'; known: kill-namenode, kill-controller, host-loss");
  }
}
