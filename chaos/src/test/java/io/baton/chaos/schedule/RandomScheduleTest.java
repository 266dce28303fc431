package io.baton.chaos.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.chaos.fault.FaultKind;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomScheduleTest {

  @Test
  void theSameSeedGivesTheSameSchedule() {
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(RandomSchedule.generate(seed, false)).isEqualTo(RandomSchedule.generate(seed, false));
    }
  }

  @Test
  void seedsGiveDifferentSchedulesWithinTheLimits() {
    Set<Object> distinct = new HashSet<>();
    for (long seed = 1; seed <= 20; seed++) {
      Scenario s = RandomSchedule.generate(seed, false);
      distinct.add(s.steps());
      assertThat(s.steps()).hasSizeBetween(RandomSchedule.MIN_STEPS, RandomSchedule.MAX_STEPS);
      assertThat(s.name()).isEqualTo("random-" + seed);
      assertThat(s.seed()).isEqualTo(seed);
      assertThat(s.expectation()).isEqualTo(Expectation.SAFE_AND_LIVE);
      for (Step step : s.steps()) {
        assertThat(step.hold(Duration.ofSeconds(4))).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
      }
    }
    assertThat(distinct).hasSizeGreaterThan(15);
  }

  @Test
  void loopbackSchedulesNeverDrawHostToHostPartitionsOrClockJumps() {
    for (long seed = 1; seed <= 200; seed++) {
      assertThat(RandomSchedule.generate(seed, false).steps()).noneMatch(s -> s.kind().needsHostLinks()
          || s.kind() == FaultKind.CLOCK_JUMP);
    }
    assertThat(RandomSchedule.pool(true)).contains(FaultKind.PARTITION_PEER, FaultKind.PARTITION_ONE_WAY);
    assertThat(RandomSchedule.pool(false)).doesNotContain(FaultKind.PARTITION_PEER, FaultKind.CLOCK_JUMP);
  }

  @Test
  void aKnownSeedKeepsItsSchedule() {
    // The replay promise across versions: seed 42 printed by an old run must mean the same faults today.
    assertThat(RandomSchedule.generate(42, false).steps().stream().map(Step::describe).toList())
        .containsExactly(GOLDEN_42);
  }

  private static final String[] GOLDEN_42 = {
      "zombie held 2 x session + 2000 ms",
      "pause-namenode held 1.5 x session + 1250 ms",
      "host-loss held 2 x session + 500 ms",
      "kill-namenode held 1.5 x session + 1500 ms"};
}
