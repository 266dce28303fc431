package io.baton.chaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HaAdminTimingTest {

  @Test
  void findsAMainClassOnlyOnTheClasspathItIsGiven() {
    String ours = System.getProperty("java.class.path");
    assertThat(HaAdminTiming.available(ours, HadoopHaAdminMain.class.getName())).isTrue();
    assertThat(HaAdminTiming.available(ours, "org.apache.hadoop.ha.HAAdmin")).isTrue(); // inside a jar
    assertThat(HaAdminTiming.available(ours, "io.baton.NoSuchMain")).isFalse();
    assertThat(HaAdminTiming.available("/nonexistent/x.jar", HadoopHaAdminMain.class.getName())).isFalse();
  }

  @Test
  void theRatioIsBatonsMedianOverHadoops() {
    HaAdminTiming.Result baton = result(HaAdminTiming.BATON, 600L, 700L, 800L);
    HaAdminTiming.Result hadoop = result(HaAdminTiming.HADOOP, 1500L, 1600L, 1700L);
    assertThat(HaAdminTiming.ratio(List.of(baton, hadoop))).hasValueSatisfying(q -> assertThat(q).isEqualTo(0.4375));
    assertThat(HaAdminTiming.ratio(List.of(hadoop, baton))).hasValueSatisfying(q -> assertThat(q).isEqualTo(0.4375));
    HaAdminTiming.Result failed = HaAdminTiming.Result.failed(HaAdminTiming.BATON, "-", "exit 5");
    assertThat(HaAdminTiming.ratio(List.of(failed, hadoop))).isEmpty(); // no number, no ratio
  }

  @Test
  void scenariosNoneRunsNoTrials() {
    assertThat(BenchOptions.parse(new String[] {"--scenarios", "none"}, Path.of("w")).scenarios()).isEmpty();
    assertThat(BenchOptions.parse(new String[] {"--scenarios", "crash"}, Path.of("w")).scenarios())
        .containsExactly(Scenario.CRASH);
  }

  private static HaAdminTiming.Result result(String tool, Long... millis) {
    return new HaAdminTiming.Result(tool, Percentiles.of(List.of(millis)), Optional.empty(), Optional.of(5000L),
        "test");
  }
}
