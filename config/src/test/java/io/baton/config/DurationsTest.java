package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesEveryUnit() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse(" 10s ")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("-3s")).isEqualTo(Duration.ofSeconds(-3));
  }

  @Test
  void rejectsWithAReason() {
    assertThatThrownBy(() -> Durations.parse("10")).hasMessage("'10' has no unit");
    assertThatThrownBy(() -> Durations.parse("1.5s")).hasMessage("'1.5s' is not a duration");
    assertThatThrownBy(() -> Durations.parse("10 sec")).hasMessage("'10 sec' is not a duration");
    assertThatThrownBy(() -> Durations.parse("99999999999999999999s"))
        .hasMessage("'99999999999999999999s' is too large");
    assertThatThrownBy(() -> Durations.parse("999999999999999999d")).hasMessage("'999999999999999999d' is too large");
  }

  @Test
  void formatsShortestExactForm() {
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMinutes(60))).isEqualTo("1h");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void commandLinesRejectNegativeTimesAndSayHowToWriteOne() {
    assertThat(Durations.parseNonNegative("0s")).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Durations.parseNonNegative("-3s"))
        .hasMessage("'-3s' is negative; write a whole number with a unit: 500ms, 10s, 1m, 2h or 1d");
    assertThatThrownBy(() -> Durations.parseNonNegative("soon"))
        .hasMessage("'soon' is not a duration; write a whole number with a unit: 500ms, 10s, 1m, 2h or 1d");
    assertThatThrownBy(() -> Durations.parseNonNegative(null)).hasMessageStartingWith("'' is not a duration");
  }
}
