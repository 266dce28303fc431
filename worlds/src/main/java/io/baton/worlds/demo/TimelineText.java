package io.baton.worlds.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** Renders the controller's /v1/timeline answer (a list of failovers with phases) for the terminal. */
final class TimelineText {
  private TimelineText() {}

  static String render(JsonNode timeline) {
    if (!timeline.isArray() || timeline.isEmpty()) {
      return "    (no failover recorded)";
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode failover : timeline) {
      sb.append(String.format("    #%s %s by %s, %s: %s%n", text(failover, "id"), text(failover, "kind"),
          text(failover, "nodeId"), text(failover, "outcome"), text(failover, "detail")));
      sb.append(String.format("       reason: %s%n", text(failover, "reason")));
      Instant start = instant(failover.get("start"));
      for (JsonNode phase : failover.path("phases")) {
        Instant at = instant(phase.get("start"));
        long offset = start == null || at == null ? 0 : Duration.between(start, at).toMillis();
        sb.append(String.format("       %+6d ms  %-24s %6s ms  %s%n", offset, text(phase, "name"),
            text(phase, "millis"), text(phase, "detail")));
      }
    }
    return sb.toString().stripTrailing();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "-" : v.asText();
  }

  private static Instant instant(JsonNode v) {
    try {
      return v == null ? null : Instant.parse(v.asText());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
