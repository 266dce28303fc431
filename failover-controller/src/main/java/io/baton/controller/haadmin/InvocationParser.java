package io.baton.controller.haadmin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a command line into global options and the command. Global options may appear before or after the
 * command (Hadoop only accepts {@code -ns} first; that form works too).
 */
final class InvocationParser {
  private InvocationParser() {}

  /** @throws HaAdminException with {@link ExitCode#USAGE} naming the bad option */
  static Invocation parse(String[] argv) throws HaAdminException {
    Optional<Path> confDir = Optional.empty();
    Optional<Path> tokenFile = Optional.empty();
    Optional<String> ns = Optional.empty();
    boolean json = false;
    boolean debug = false;
    boolean yes = false;
    Optional<Duration> timeout = Optional.empty();
    Map<String, String> overrides = new LinkedHashMap<>();
    Optional<String> command = Optional.empty();
    List<String> args = new ArrayList<>();

    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      String inlineValue = null;
      if (a.startsWith("--") && a.contains("=")) {
        inlineValue = a.substring(a.indexOf('=') + 1);
        a = a.substring(0, a.indexOf('='));
      }
      switch (a) {
        case "--conf", "-conf" -> {
          String v = inlineValue != null ? inlineValue : value(argv, ++i, a, "<dir>");
          confDir = Optional.of(Path.of(v));
        }
        case "--admin-token-file" -> tokenFile = Optional.of(Path.of(inlineValue != null ? inlineValue
            : value(argv, ++i, a, "<file>")));
        case "-ns", "--ns" -> ns = Optional.of(inlineValue != null ? inlineValue : value(argv, ++i, a, "<nameserviceId>"));
        case "--json" -> json = true;
        case "--debug" -> debug = true;
        case "-y", "--yes" -> yes = true;
        case "--timeout" -> {
          String v = inlineValue != null ? inlineValue : value(argv, ++i, a, "<duration>");
          try {
            timeout = Optional.of(Durations.parse("--timeout", v));
          } catch (IllegalArgumentException e) {
            throw HaAdminException.usage(null, e.getMessage());
          }
        }
        case "-D" -> addOverride(overrides, value(argv, ++i, a, "<key>=<value>"));
        default -> {
          if (a.startsWith("-D") && a.length() > 2 && inlineValue == null) {
            addOverride(overrides, a.substring(2));
          } else if (command.isEmpty()) {
            if (!argv[i].startsWith("-")) {
              throw HaAdminException.usage(null,
                  "Bad command '" + argv[i] + "': expected command starting with '-'");
            }
            command = Optional.of(argv[i]);
          } else {
            args.add(argv[i]);
          }
        }
      }
    }
    return new Invocation(confDir, ns, json, debug, yes, timeout, overrides, command, args, tokenFile);
  }

  private static String value(String[] argv, int i, String option, String what) throws HaAdminException {
    if (i >= argv.length || argv[i].isEmpty()) {
      throw HaAdminException.usage(null, option + " needs a value: " + option + " " + what);
    }
    return argv[i];
  }

  private static void addOverride(Map<String, String> overrides, String kv) throws HaAdminException {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw HaAdminException.usage(null, "-D '" + kv + "' is not key=value; write -D ipc.client.connect.timeout=5000");
    }
    String key = kv.substring(0, eq);
    String value = kv.substring(eq + 1);
    Optional<String> mismatch = OverrideTypes.mismatch(key, value);
    if (mismatch.isPresent()) {
      throw HaAdminException.usage(null, mismatch.get());
    }
    overrides.put(key, value);
  }
}
