package io.baton.chaos.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.chaos.report.StepResult;
import io.baton.chaos.verdict.Histories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosRunTest {

  @Test
  void aVictimActiveAgainAfterTheHealLostNothing() {
    assertThat(ChaosRun.lostActive(Optional.of("nn1"), Optional.of("nn2"))).contains("nn1");
    assertThat(ChaosRun.lostActive(Optional.of("nn1"), Optional.of("nn1"))).isEmpty();
    assertThat(ChaosRun.lostActive(Optional.of("nn1"), Optional.empty())).contains("nn1");
    assertThat(ChaosRun.lostActive(Optional.empty(), Optional.of("nn2"))).isEmpty();
  }

  private static String op(String id, String complete, String nn) {
    return "{\"op\":\"" + id + "\",\"invokeTime\":\"2026-01-01T00:00:00Z\",\"completeTime\":\"" + complete
        + "\",\"nameNode\":\"" + nn + "\",\"outcome\":\"ok\"}";
  }

  @Test
  void recoveryCountsTheNewActiveAfterAFailoverAndAnyNameNodeOtherwise(@TempDir Path dir) throws Exception {
    Path h = dir.resolve("h.jsonl");
    Files.write(h, List.of(op("a", "2026-01-01T00:00:01.100Z", "nn1"), op("b", "2026-01-01T00:00:03Z", "nn2")));
    Histories histories = Histories.read(List.of(h));
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    StepResult failover = new StepResult(1, "kill-namenode(nn1)", "p", 1000, 4000, "kill", "restart",
        Optional.of("nn1"), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(ChaosRun.withRecovery(failover, histories, start).recoveryMs()).contains(2000L);
    StepResult noFailover = new StepResult(1, "partition-clients(nn1)", "p", 1000, 4000, "cut", "healed",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(ChaosRun.withRecovery(noFailover, histories, start).recoveryMs()).contains(100L);
  }
}
