package io.baton.controller.haadmin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads fields of the controller's JSON leniently: a missing field is shown as {@code -}, never a crash, so
 * an older or newer controller still gives a useful table.
 */
final class JsonFields {
  private JsonFields() {}

  /** The first of the dotted {@code paths} present and not null, as text. */
  static Optional<String> text(JsonNode node, String... paths) {
    for (String path : paths) {
      JsonNode n = node;
      for (String part : path.split("\\.")) {
        n = n == null ? null : n.get(part);
      }
      if (n != null && !n.isNull() && !n.isMissingNode()) {
        return Optional.of(n.isValueNode() ? n.asText() : n.toString());
      }
    }
    return Optional.empty();
  }

  /** A duration given as milliseconds (number) or as text ({@code 412ms}, ISO {@code PT0.412S}). */
  static Optional<String> duration(JsonNode node, String... paths) {
    for (String path : paths) {
      Optional<String> t = text(node, path);
      if (t.isPresent()) {
        String v = t.get();
        if (v.matches("\\d+")) {
          return Optional.of(Durations.format(Duration.ofMillis(Long.parseLong(v))));
        }
        if (v.startsWith("PT")) {
          try {
            return Optional.of(Durations.format(Duration.parse(v)));
          } catch (java.time.format.DateTimeParseException e) {
            return Optional.of(v);
          }
        }
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
