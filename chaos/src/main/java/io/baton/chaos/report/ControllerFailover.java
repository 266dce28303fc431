package io.baton.chaos.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a controller's failover timeline ({@code GET /v1/timeline}), as far as the report needs it: who,
 * when, why, how it ended and how long it took.
 */
public record ControllerFailover(String controller, String kind, String nodeId, Optional<Instant> start,
    String reason, String outcome, Optional<Long> epoch, Optional<Long> totalMs, String detail) {

  public boolean succeededPromotion() {
    return "PROMOTION".equalsIgnoreCase(kind) && "SUCCEEDED".equalsIgnoreCase(outcome);
  }

  /** Reads the entries of one controller's timeline JSON (an array, or an object holding one); tolerant. */
  public static List<ControllerFailover> read(String controller, JsonNode timeline) {
    JsonNode array = timeline.isArray() ? timeline : firstArray(timeline);
    List<ControllerFailover> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    for (JsonNode r : array) {
      out.add(new ControllerFailover(controller, r.path("kind").asText(""), r.path("nodeId").asText(controller),
          instant(r.get("start")), r.path("reason").asText(""), r.path("outcome").asText(""),
          r.hasNonNull("epoch") && r.get("epoch").canConvertToLong() ? Optional.of(r.get("epoch").asLong())
              : Optional.empty(), totalMs(r), r.path("detail").asText("")));
    }
    return out;
  }

  private static JsonNode firstArray(JsonNode obj) {
    for (String f : new String[] {"records", "timeline", "failovers", "entries"}) {
      if (obj.path(f).isArray()) {
        return obj.get(f);
      }
    }
    return null;
  }

  static Optional<Long> totalMs(JsonNode r) {
    for (String f : new String[] {"totalMillis", "totalMs", "durationMs", "tookMs"}) {
      if (r.path(f).canConvertToLong()) {
        return Optional.of(r.get(f).asLong());
      }
    }
    Optional<Long> total = millis(r.get("total"));
    if (total.isPresent()) {
      return total;
    }
    long sum = 0;
    boolean any = false;
    for (JsonNode p : r.path("phases")) {
      Optional<Long> d = millis(p.get("millis")).or(() -> millis(p.get("duration")));
      if (d.isPresent()) {
        sum += d.get();
        any = true;
      }
    }
    return any ? Optional.of(sum) : Optional.empty();
  }

  /** A duration as milliseconds: a number (ms, or seconds when fractional) or ISO-8601 text (PT0.412S). */
  static Optional<Long> millis(JsonNode v) {
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isIntegralNumber()) {
      return Optional.of(v.asLong());
    }
    if (v.isNumber()) {
      return Optional.of(Math.round(v.asDouble() * 1000));
    }
    try {
      return Optional.of(Duration.parse(v.asText()).toMillis());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<Instant> instant(JsonNode v) {
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      return Optional.of(v.isIntegralNumber() ? Instant.ofEpochMilli(v.asLong())
          : Instant.ofEpochMilli(Math.round(v.asDouble() * 1000)));
    }
    try {
      return Optional.of(Instant.parse(v.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
