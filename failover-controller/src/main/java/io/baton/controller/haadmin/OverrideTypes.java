package io.baton.controller.haadmin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * Checks a {@code -D key=value} against the type of Hadoop's default for the key (core-default.xml): a key whose
 * default is a whole number takes a whole number, one whose default is true/false takes a boolean. So a typo is
 * a usage error naming the key, not a NumberFormatException deep inside an IPC client. Keys without a default
 * are passed through unchecked.
 */
final class OverrideTypes {
  private static final Pattern WHOLE = Pattern.compile("-?\\d+");

  private OverrideTypes() {}

  /** Loaded on first use only: most invocations have no -D. */
  private static final class Defaults {
    static final Configuration HADOOP = new Configuration(true);
  }

  /** Why {@code value} does not fit {@code key}, or empty when it does (or the type is unknown). */
  static Optional<String> mismatch(String key, String value) {
    String def = Defaults.HADOOP.get(key);
    if (def == null) {
      return Optional.empty();
    }
    String v = value.strip();
    if (WHOLE.matcher(def.strip()).matches() && !fitsLong(v)) {
      return Optional.of("-D " + key + "=" + value + ": " + key + " takes a whole number (Hadoop's default is "
          + def.strip() + ")");
    }
    String d = def.strip().toLowerCase(Locale.ROOT);
    boolean booleanDefault = d.equals("true") || d.equals("false");
    String lv = v.toLowerCase(Locale.ROOT);
    if (booleanDefault && !lv.equals("true") && !lv.equals("false")) {
      return Optional.of("-D " + key + "=" + value + ": " + key + " takes true or false (Hadoop's default is " + d
          + ")");
    }
    return Optional.empty();
  }

  private static boolean fitsLong(String v) {
    if (!WHOLE.matcher(v).matches()) {
      return false;
    }
    try {
      Long.parseLong(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
