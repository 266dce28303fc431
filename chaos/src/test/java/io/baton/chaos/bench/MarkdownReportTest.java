package io.baton.chaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  /** The new active's own transition comes 40 ms before the client's first acknowledged write. */
  private static TrialResult trial(Scenario s, ControllerKind k, int n, long ms, Map<String, Long> phases) {
    return new TrialResult("defaults", s, k, n, "nn1", Optional.of("nn2"), Optional.of(ms), Optional.of(ms - 40),
        s == Scenario.CRASH ? Optional.of(30L) : Optional.empty(), true, phases, Optional.empty());
  }

  @Test
  void tableRatiosTargetsAndFailures() {
    BenchReport r = new BenchReport("baton bench --trials 2", Instant.parse("2026-11-25T10:00:00Z"), "2 CPUs", 3.5);
    r.finished = Instant.parse("2026-11-25T10:05:00Z");
    r.timings.put("defaults", new BenchReport.ProfileTimings(Duration.ofSeconds(45), Duration.ofSeconds(10)));
    Map<String, Long> phases = new LinkedHashMap<>();
    phases.put("wait", 100L);
    phases.put("promote", 20L);
    r.add(trial(Scenario.CRASH, ControllerKind.BATON, 0, 900, Map.of("wait", 700L))); // warm-up: not in the stats
    r.add(trial(Scenario.CRASH, ControllerKind.BATON, 1, 200, phases));
    r.add(trial(Scenario.CRASH, ControllerKind.BATON, 2, 240, phases));
    r.add(trial(Scenario.CRASH, ControllerKind.ZKFC, 1, 1000, Map.of()));
    r.add(trial(Scenario.CRASH, ControllerKind.ZKFC, 2, 1600, Map.of()));
    r.add(new TrialResult("defaults", Scenario.SHORT_PAUSE, ControllerKind.BATON, 1, "nn1", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), false, Map.of(), Optional.empty()));
    r.add(new TrialResult("defaults", Scenario.GRACEFUL, ControllerKind.ZKFC, 1, "nn1", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), false, Map.of(), Optional.of("no write acknowledged by another NameNode")));
    r.add(trial(Scenario.HANG, ControllerKind.BATON, 1, 45_520, Map.of())); // client over the bound, the NameNode not

    String md = MarkdownReport.render(r);

    assertThat(md)
        .contains("| crash | Baton | 2 | 200 | 240 | 240 | 240 | 0.20 | 0.15 | 160 / 200 | wait 100, promote 20 | 900 ms |")
        .contains("| crash | Hadoop ZKFC | 2 | 1000 | 1600 | 1600 | 1600 |  |  | 960 / 1560 |  | - |")
        .contains("in every time above: crash Baton: p50 30, max 30 ms; crash Hadoop ZKFC: p50 30, max 30 ms.")
        .contains("| hang p99 <= tolerance 45000 ms + 500 ms, as the client sees it | 45520 ms | **no** |")
        .contains("| hang p99 <= tolerance 45000 ms + 500 ms, to the new active's transition | 45480 ms | yes |")
        .contains("| short-pause | Baton | 1 | failovers: 0 of 1 |")
        .contains("| graceful | Hadoop ZKFC | 1 (1 failed) | - | - | - | - |")
        .contains("| crash p99 <= 250 ms | 240 ms | yes |")
        .contains("| crash p99 <= 1/5 of the ZKFC's (1600 ms) | 0.15 of it | yes |")
        .contains("| no failover for a pause of half the tolerance | 0 failovers in 1 | yes |")
        .contains("- defaults graceful Hadoop ZKFC trial 1: no write acknowledged by another NameNode")
        .contains("load average 3.5 at start");
  }
}
