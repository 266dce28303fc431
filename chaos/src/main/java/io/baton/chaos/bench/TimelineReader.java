package io.baton.chaos.bench;

import io.baton.chaos.cluster.Sleep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.worlds.mock.LocalCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the phases of the latest successful promotion from a Baton controller's {@code GET /v1/timeline}. */
final class TimelineReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LocalCluster cluster;

  TimelineReader(LocalCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * Phase name to milliseconds (repeated phases summed) of the newest promotion that started after the fault,
   * led by {@code wait}: from the fault to the promotion's start (detection on the other side, the lock
   * falling free in ZooKeeper, for a host loss the session expiry).
   */
  Map<String, Long> promotionPhases(String nn, Instant faultAt) {
    for (int attempt = 1; attempt <= 3; attempt++) { // a busy controller may miss one short deadline
      Map<String, Long> phases = cluster.get(cluster.spec().adminUrl(nn) + "/v1/timeline", Duration.ofSeconds(3))
          .filter(r -> r.statusCode() == 200)
          .map(r -> parse(r.body(), faultAt))
          .orElse(Map.of());
      if (!phases.isEmpty()) {
        return phases;
      }
      Sleep.pause(Duration.ofMillis(200)); // the promotion's last phase may not be recorded yet
    }
    return Map.of();
  }

  static Map<String, Long> parse(String body, Instant faultAt) {
    Instant since = faultAt.minusSeconds(1); // controller clocks are this machine's; allow for rounding
    Map<String, Long> phases = new LinkedHashMap<>();
    try {
      JsonNode newest = null;
      for (JsonNode f : JSON.readTree(body)) {
        if (f.path("kind").asText().equals("PROMOTION") && f.path("outcome").asText().equals("SUCCEEDED")
            && !Instant.parse(f.path("start").asText()).isBefore(since)) {
          newest = f;
        }
      }
      if (newest != null) {
        phases.put("wait", Math.max(0, Duration.between(faultAt, Instant.parse(newest.path("start").asText()))
            .toMillis()));
        for (JsonNode p : newest.path("phases")) {
          String name = p.path("name").asText();
          if (!name.contains("#")) { // "fence nn1 #1 journal" is a step inside "fence nn1"
            phases.merge(name.split(" ")[0], p.path("millis").asLong(), Long::sum);
          }
        }
      }
    } catch (Exception e) {
      return Map.of();
    }
    return phases;
  }
}
