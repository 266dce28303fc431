package io.baton.chaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

  @Test
  void cpuTimeIsUtimePlusStimeEvenWithSpacesInTheCommandName() {
    String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 30 0 5000 0 0";
    assertThat(ProcStats.cpuMillisFromStat(stat)).isEqualTo(3250);
  }

  @Test
  void ourOwnProcessHasMemoryAndCpu() {
    long pid = ProcessHandle.current().pid();
    assertThat(ProcStats.rssKb(pid)).hasValueSatisfying(kb -> assertThat(kb).isPositive());
    assertThat(ProcStats.cpuMillis(pid)).hasValueSatisfying(ms -> assertThat(ms).isPositive());
    assertThat(ProcStats.rssKb(Long.MAX_VALUE)).isEmpty();
  }
}
