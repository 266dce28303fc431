package io.baton.chaos.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.chaos.event.ChaosEvent;
import io.baton.chaos.schedule.Expectation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made run reports for renderer and totals tests. */
public final class ReportFixtures {
  private ReportFixtures() {}

  public static RunReport report(String id, boolean passed, long recoveryMs) {
    StepResult step = new StepResult(1, "kill-namenode(nn1)", "kill-namenode held 1 x session = 4000 ms", 1200, 5200,
        "kill -9 nn1(pid 42)", "restarted nn1", Optional.of("nn1"), Optional.of(recoveryMs), Optional.empty(),
        Optional.empty());
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    List<ChaosEvent> events = List.of(
        new ChaosEvent(t0, 0, "phase", "cluster", "started; active nn1"),
        new ChaosEvent(t0.plusMillis(1200), 1200, "inject", "kill-namenode", "kill -9 nn1(pid 42)"),
        new ChaosEvent(t0.plusMillis(5200), 5200, "heal", "kill-namenode(nn1)", "restarted nn1"),
        new ChaosEvent(t0.plusMillis(5600), 5600, "settle", "kill-namenode(nn1)", "nn2 active <&>"));
    ObjectMapper json = new ObjectMapper();
    return new RunReport(id, "kill-namenode", "kill -9 of the active NameNode", 0, "loopback",
        Expectation.SAFE_AND_LIVE, "ClusterSetup[...]", "/tmp/run", List.of(step), events,
        Map.of("nn2", json.createArrayNode()), List.of(), 33_200, "33.2 s = ...", Optional.of(80L), 100,
        List.of(), passed ? 0 : 1, passed ? List.of() : List.of("LOST_WRITE"), json.createObjectNode(),
        passed ? List.of() : List.of("the checker found violations: [LOST_WRITE]"), passed,
        passed ? "PASS: fine" : "FAIL: the checker found violations: [LOST_WRITE]");
  }
}
