package io.baton.chaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfTwentyTrials() {
    List<Long> values = LongStream.rangeClosed(1, 20).map(i -> 21 - i).boxed().toList(); // 20..1, unsorted
    Percentiles p = Percentiles.of(values).orElseThrow();
    assertThat(p).isEqualTo(new Percentiles(20, 10, 18, 20, 20));
  }

  @Test
  void p99OfHundredIsTheNinetyNinthValue() {
    Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 100).boxed().toList()).orElseThrow();
    assertThat(p.p50()).isEqualTo(50);
    assertThat(p.p90()).isEqualTo(90);
    assertThat(p.p99()).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
  }

  @Test
  void singleValueAndEmpty() {
    assertThat(Percentiles.of(List.of(7L))).contains(new Percentiles(1, 7, 7, 7, 7));
    assertThat(Percentiles.of(List.of())).isEmpty();
  }
}
