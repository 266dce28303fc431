package io.baton.mock.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tiny {@code --key value} / {@code --flag} parser shared by the mains. Unknown options and missing values
 * are {@link UsageException}s that name the option; the mains turn them into exit code 2.
 */
public final class CommandLine {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private CommandLine() {}

  /**
   * @param withValue options that take a value (may repeat)
   * @param flags options without a value
   */
  public static CommandLine parse(String[] args, Set<String> withValue, Set<String> flags) throws UsageException {
    CommandLine cl = new CommandLine();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name = a;
      String inline = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        inline = a.substring(eq + 1);
      }
      if (flags.contains(name) && inline == null) {
        cl.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else if (withValue.contains(name)) {
        String v = inline;
        if (v == null) {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException(name + " needs a value");
          }
          v = args[++i];
        }
        cl.values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
      } else {
        throw new UsageException("unknown option '" + a + "'");
      }
    }
    return cl;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Optional<String> get(String name) {
    List<String> v = values.get(name);
    return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** {@code --conf DIR}, else $HADOOP_CONF_DIR, else a usage error. */
  public Path confDir(Map<String, String> env) throws UsageException {
    Optional<String> dir = get("--conf").or(() -> Optional.ofNullable(env.get("HADOOP_CONF_DIR")).filter(s -> !s.isBlank()));
    return Path.of(dir.orElseThrow(() -> new UsageException("no configuration: pass --conf DIR or set HADOOP_CONF_DIR")));
  }

  /** Thrown for bad command lines; the message says what is wrong. */
  public static final class UsageException extends Exception {
    public UsageException(String message) {
      super(message);
    }
  }
}
