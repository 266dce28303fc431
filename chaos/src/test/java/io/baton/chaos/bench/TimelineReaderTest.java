package io.baton.chaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimelineReaderTest {
  private static final Instant FAULT = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void newestSuccessfulPromotionAfterTheFaultWithSubStepsLeftOut() {
    String body = """
        [{"kind":"PROMOTION","outcome":"SUCCEEDED","start":"2026-11-25T09:00:00Z","phases":[{"name":"elect","millis":99}]},
         {"kind":"DEMOTION","outcome":"SUCCEEDED","start":"2026-11-25T10:00:00.050Z","phases":[]},
         {"kind":"PROMOTION","outcome":"SUCCEEDED","start":"2026-11-25T10:00:00.130Z","phases":[
           {"name":"elect","millis":16},{"name":"graceful-fence nn1","millis":34},{"name":"fence nn1","millis":426},
           {"name":"fence nn1 #1 journal","millis":407},{"name":"promote","millis":102}]},
         {"kind":"PROMOTION","outcome":"FAILED","start":"2026-11-25T10:00:01Z","phases":[{"name":"elect","millis":5}]}]
        """;
    assertThat(TimelineReader.parse(body, FAULT)).containsExactly(
        java.util.Map.entry("wait", 130L), java.util.Map.entry("elect", 16L),
        java.util.Map.entry("graceful-fence", 34L), java.util.Map.entry("fence", 426L),
        java.util.Map.entry("promote", 102L));
  }

  @Test
  void nothingUsableGivesNoPhases() {
    assertThat(TimelineReader.parse("not json", FAULT)).isEmpty();
    assertThat(TimelineReader.parse("[]", FAULT)).isEmpty();
  }
}
