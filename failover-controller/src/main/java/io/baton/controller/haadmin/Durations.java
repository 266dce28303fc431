package io.baton.controller.haadmin;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line ({@code 500ms}, {@code 20s}, {@code 5m}, {@code 2h}, {@code 1d}) and in output. */
final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  /**
   * @param option the option being parsed, for the error message
   * @throws IllegalArgumentException naming the option, the text and the accepted form
   */
  static Duration parse(String option, String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(option + " '" + text
          + "' is not a duration; write a number with a unit: 500ms, 20s, 5m, 2h or 1d");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    if (d.isZero()) {
      throw new IllegalArgumentException(option + " '" + text + "' must be greater than zero");
    }
    return d;
  }

  /** {@code 20s}, {@code 1500ms}, {@code 2m}, {@code 1h30m}: short and exact. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0 || ms == 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s < 60 || s % 60 != 0 && s < 3600) {
      return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
    }
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long rest = s % 60;
    return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (rest > 0 ? rest + "s" : "");
  }
}
