package io.baton.controller.haadmin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Failover records as the controllers report them (the timeline, and the recent failovers in the status):
 * read leniently from JSON into what the tables show.
 */
final class Failovers {
  /**
   * One promotion or demotion of a NameNode.
   *
   * @param node the NameNode promoted (or demoted)
   * @param kind {@code PROMOTION} or {@code DEMOTION}
   * @param from the previous active, when known
   * @param outcome {@code SUCCEEDED}, {@code FAILED} or {@code IN_PROGRESS}
   */
  record Entry(String key, String nameservice, String node, String kind, Optional<Instant> start,
      Optional<Duration> took, String from, String epoch, String outcome, String reason, String phases,
      JsonNode raw) {

    boolean isPromotion() {
      return !kind.equalsIgnoreCase("DEMOTION");
    }

    Optional<Instant> end() {
      return start.map(s -> s.plus(took.orElse(Duration.ZERO)));
    }
  }

  static final Comparator<Entry> BY_START = Comparator.comparing(e -> e.start().orElse(Instant.EPOCH));

  private Failovers() {}

  /** The records in {@code body}: an array, or an object holding one under a known name. */
  static List<Entry> read(String nsId, String reportingNode, JsonNode body) {
    JsonNode list = body.isArray() ? body
        : JsonFields.node(body, "failovers", "timeline", "records", "events", "recentFailovers").orElse(null);
    List<Entry> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(e -> out.add(entry(nsId, reportingNode, e)));
    }
    return out;
  }

  private static Entry entry(String nsId, String reportingNode, JsonNode e) {
    String node = JsonFields.text(e, "nodeId", "namenode", "to", "newActive").orElse(reportingNode);
    String kind = JsonFields.text(e, "kind").orElse("PROMOTION");
    String id = JsonFields.text(e, "id").orElse("");
    Optional<Instant> start = JsonFields.instant(e, "start", "startedAt", "at", "time");
    String key = node + "/" + kind + "/" + id + "/" + start.map(Instant::toString).orElse("");
    return new Entry(key, nsId, node, kind, start, took(e),
        JsonFields.text(e, "previousActive", "from", "oldActive").orElse("-"),
        JsonFields.text(e, "epoch").orElse("-"), JsonFields.text(e, "outcome", "result").orElse("-"),
        JsonFields.text(e, "reason", "cause").orElse("-"), phases(e), e);
  }

  /** The stated total, else from the first phase's start to the last phase's end, else the sum of phases. */
  private static Optional<Duration> took(JsonNode e) {
    Optional<Duration> stated = JsonFields.duration(e, "totalMillis", "durationMs", "tookMs", "duration",
        "total", "took");
    if (stated.isPresent()) {
      return stated;
    }
    JsonNode phases = e.get("phases");
    if (phases == null || !phases.isArray() || phases.isEmpty()) {
      return Optional.empty();
    }
    JsonNode first = phases.get(0);
    JsonNode last = phases.get(phases.size() - 1);
    Optional<Instant> s = JsonFields.instant(first, "start");
    Optional<Instant> ls = JsonFields.instant(last, "start");
    Optional<Duration> ld = JsonFields.duration(last, "millis", "duration", "durationMs", "tookMs");
    if (s.isPresent() && ls.isPresent() && ld.isPresent()) {
      return Optional.of(Duration.between(s.get(), ls.get().plus(ld.get())));
    }
    Duration sum = Duration.ZERO;
    for (JsonNode p : phases) {
      sum = sum.plus(JsonFields.duration(p, "millis", "duration", "durationMs", "tookMs").orElse(Duration.ZERO));
    }
    return Optional.of(sum);
  }

  /** {@code elect 3ms, fence 412ms, promote 80ms}. */
  private static String phases(JsonNode e) {
    JsonNode phases = e.get("phases");
    if (phases == null || phases.isNull()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    if (phases.isArray()) {
      phases.forEach(p -> parts.add(JsonFields.text(p, "name", "phase").orElse("?") + " "
          + JsonFields.duration(p, "millis", "duration", "durationMs", "tookMs").map(Durations::format).orElse("?")));
    } else {
      phases.fields().forEachRemaining(f -> parts.add(f.getKey() + " "
          + JsonFields.duration(phases, f.getKey()).map(Durations::format).orElse(f.getValue().asText())));
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }
}
