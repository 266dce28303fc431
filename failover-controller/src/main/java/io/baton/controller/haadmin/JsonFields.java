package io.baton.controller.haadmin;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads fields of the controller's JSON leniently: a missing field is shown as {@code -}, never a crash, and
 * times and durations are understood in the encodings Jackson produces (ISO text, epoch seconds with a
 * fraction, milliseconds), so an older or newer controller still gives a useful table.
 */
final class JsonFields {
  private JsonFields() {}

  /** The first of the dotted {@code paths} present and not null. */
  static Optional<JsonNode> node(JsonNode node, String... paths) {
    for (String path : paths) {
      JsonNode n = node;
      for (String part : path.split("\\.")) {
        n = n == null ? null : n.get(part);
      }
      if (n != null && !n.isNull() && !n.isMissingNode()) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** The first of the dotted {@code paths} present and not null, as text. */
  static Optional<String> text(JsonNode node, String... paths) {
    return node(node, paths).map(n -> n.isValueNode() ? n.asText() : n.toString());
  }

  /**
   * A duration: ISO text ({@code PT0.412S}), milliseconds (integer, or a field named {@code ...Ms}), or
   * seconds with a fraction (Jackson's default for Duration).
   */
  static Optional<Duration> duration(JsonNode node, String... paths) {
    for (String path : paths) {
      Optional<JsonNode> n = node(node, path);
      if (n.isEmpty()) {
        continue;
      }
      JsonNode v = n.get();
      try {
        if (v.isIntegralNumber()) {
          return Optional.of(Duration.ofMillis(v.asLong()));
        }
        if (v.isNumber()) {
          return Optional.of(seconds(v.decimalValue()));
        }
        String t = v.asText().trim();
        if (t.startsWith("PT") || t.startsWith("-PT")) {
          return Optional.of(Duration.parse(t));
        }
        if (t.matches("\\d+")) {
          return Optional.of(Duration.ofMillis(Long.parseLong(t)));
        }
        if (t.matches("\\d+\\.\\d+")) {
          return Optional.of(seconds(new BigDecimal(t)));
        }
        return Optional.of(Durations.parse(path, t));
      } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
        // not a duration in any form we know: try the next path
      }
    }
    return Optional.empty();
  }

  /** An instant: ISO text, epoch seconds with a fraction (Jackson's default), or epoch milliseconds. */
  static Optional<Instant> instant(JsonNode node, String... paths) {
    for (String path : paths) {
      Optional<JsonNode> n = node(node, path);
      if (n.isEmpty()) {
        continue;
      }
      JsonNode v = n.get();
      try {
        if (v.isIntegralNumber()) {
          long x = v.asLong();
          return Optional.of(x > 100_000_000_000L ? Instant.ofEpochMilli(x) : Instant.ofEpochSecond(x));
        }
        if (v.isNumber() || v.asText().matches("\\d+\\.\\d+")) {
          BigDecimal s = new BigDecimal(v.asText());
          return Optional.of(Instant.ofEpochSecond(s.longValue(),
              s.remainder(BigDecimal.ONE).movePointRight(9).longValue()));
        }
        return Optional.of(Instant.parse(v.asText().trim()));
      } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
        // try the next path
      }
    }
    return Optional.empty();
  }

  /** {@code 2026-11-25T18:46:11Z}: seconds are enough for an operator. */
  static String show(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  private static Duration seconds(BigDecimal s) {
    return Duration.ofNanos(s.movePointRight(9).longValueExact());
  }
}
