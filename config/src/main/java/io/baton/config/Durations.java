package io.baton.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Baton's one duration syntax, in baton.yaml and on every command line: a whole number with a unit:
 * {@code 500ms}, {@code 10s}, {@code 1m}, {@code 2h}, {@code 1d}.
 */
public final class Durations {
  public static final String FORMAT_HINT = "write a whole number with a unit: 500ms, 10s, 1m, 2h or 1d";
  private static final Pattern DURATION = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /** @throws IllegalArgumentException saying what is wrong with {@code text} (without the format hint) */
  public static Duration parse(String text) {
    String s = text == null ? "" : text.strip();
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

  /**
   * For command-line options and request fields, where a negative time means nothing: the message names the
   * text and says how to write it.
   *
   * @throws IllegalArgumentException e.g. {@code 'soon' is not a duration; write a whole number with a unit: ...}
   */
  public static Duration parseNonNegative(String text) {
    Duration d;
    try {
      d = parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + "; " + FORMAT_HINT, e);
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException("'" + text.strip() + "' is negative; " + FORMAT_HINT);
    }
    return d;
  }

  /** The shortest exact form: {@code 1h}, {@code 90s}, {@code 1500ms}. */
  public static String format(Duration d) {
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
