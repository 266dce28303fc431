package io.baton.chaos.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoriesTest {

  private static String line(String op, String invoke, String complete, String nn, String outcome) {
    return "{\"op\":\"" + op + "\",\"client\":\"c1\",\"type\":\"write\",\"invokeTime\":\"" + invoke
        + "\",\"completeTime\":\"" + complete + "\",\"nameNode\":\"" + nn + "\",\"epoch\":1,\"txid\":3,"
        + "\"outcome\":\"" + outcome + "\",\"attempts\":1}";
  }

  @Test
  void findsTheFirstAcknowledgementAfterAMoment(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Files.write(a, List.of(
        line("c1-1", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.050Z", "nn1", "ok"),
        line("c1-2", "2026-01-01T00:00:01Z", "2026-01-01T00:00:03Z", "nn1", "failed"),
        "not json at all",
        line("c1-3", "2026-01-01T00:00:03Z", "2026-01-01T00:00:03.400Z", "nn2", "ok")));
    Files.write(b, List.of(line("c2-1", "2026-01-01T00:00:02Z", "2026-01-01T00:00:02.200Z", "nn1", "ok")));
    Histories h = Histories.read(List.of(a, b, dir.resolve("missing.jsonl")));
    assertThat(h.operations()).hasSize(4);
    assertThat(h.unreadableLines()).isEqualTo(1);
    assertThat(h.acknowledged()).isEqualTo(3);
    Instant fault = Instant.parse("2026-01-01T00:00:01Z");
    assertThat(h.timeToAck(fault, nn -> true)).contains(Duration.ofMillis(1200));
    assertThat(h.timeToAck(fault, nn -> !nn.equals("nn1"))).contains(Duration.ofMillis(2400));
    assertThat(h.timeToAck(Instant.parse("2026-01-01T00:00:04Z"), nn -> true)).isEmpty();
  }

  @Test
  void readsEpochMillisToo() {
    assertThat(Histories.parse("{\"op\":\"x\",\"invokeTime\":1000,\"completeTime\":1500,\"nameNode\":\"nn1\","
        + "\"outcome\":\"ok\"}")).hasValueSatisfying(o -> {
          assertThat(o.completeTime()).isEqualTo(Instant.ofEpochMilli(1500));
          assertThat(o.ok()).isTrue();
          assertThat(o.epoch()).isEmpty();
        });
    assertThat(Histories.parse("{\"op\":\"x\"}")).isEmpty();
  }
}
