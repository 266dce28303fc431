package io.baton.chaos.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.chaos.run.SoakTotals;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakTotalsTest {

  @Test
  void percentilesUseTheNearestRank() {
    SoakTotals totals = new SoakTotals();
    assertThat(totals.percentile(50)).isEqualTo(-1);
    for (long v : List.of(500L, 100L, 300L, 200L, 400L, 600L, 700L, 800L, 900L, 1000L)) {
      totals.add(ReportFixtures.report("r" + v, true, v));
    }
    assertThat(totals.percentile(50)).isEqualTo(500);
    assertThat(totals.percentile(90)).isEqualTo(900);
    assertThat(totals.percentile(99)).isEqualTo(1000);
    assertThat(totals.percentile(100)).isEqualTo(1000);
  }

  @Test
  void totalsCountFailuresAndViolations() {
    SoakTotals totals = new SoakTotals();
    totals.add(ReportFixtures.report("ok", true, 150));
    totals.add(ReportFixtures.report("bad", false, 900));
    totals.addBroken(9, "cluster did not start");
    assertThat(totals.schedules()).isEqualTo(3);
    assertThat(totals.failed()).isEqualTo(2);
    assertThat(totals.violations()).containsEntry("LOST_WRITE", 1);
    assertThat(totals.render()).startsWith("soak totals: 3 schedules, 2 failed, 2 faults injected, 200 writes "
        + "acknowledged\nviolations: {LOST_WRITE=1}\nwrite recovery after a fault (ms, 2 samples): p50 150, p90 900, "
        + "p99 900, max 900\n").contains("  failed: seed 9: cluster did not start");
  }
}
