package io.baton.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** baton.yaml durations: a whole number with a unit: {@code 500ms}, {@code 10s}, {@code 1m}, {@code 2h}, {@code 1d}. */
final class Durations {
  static final String FORMAT_HINT = "write a whole number with a unit: 500ms, 10s, 1m, 2h or 1d";
  private static final Pattern DURATION = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /** @throws IllegalArgumentException saying what is wrong with {@code text} */
  static Duration parse(String text) {
    String s = text.strip();
    if (s.matches("-?\\d+")) {
      throw new IllegalArgumentException("'" + s + "' has no unit");
    }
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + s + "' is not a duration");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is too large");
    }
    try {
      Duration d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
      d.toMillis(); // everything downstream works in milliseconds
      return d;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + s + "' is too large");
    }
  }

  /** The shortest exact form: {@code 1h}, {@code 90s}, {@code 1500ms}. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 86_400_000 == 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
