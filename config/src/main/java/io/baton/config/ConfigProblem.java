package io.baton.config;

import java.util.Optional;

/**
 * One thing wrong with the configuration.
 *
 * @param key the key at fault, e.g. {@code dfs.ha.namenodes.ns1} or {@code controller.admin-bind-address}
 * @param location file and line when known, e.g. {@code baton.yaml:12}
 * @param message what is wrong
 * @param fix what to do about it
 */
public record ConfigProblem(String key, Optional<String> location, String message, String fix) {

  public static ConfigProblem of(String key, String message, String fix) {
    return new ConfigProblem(key, Optional.empty(), message, fix);
  }

  public static ConfigProblem at(String key, String location, String message, String fix) {
    return new ConfigProblem(key, Optional.ofNullable(location), message, fix);
  }

  /**
   * {@code baton.yaml:12: zookeeper.session-timeout: must be positive, got -1s. Fix: ...}; a whole-file problem
   * whose key is the file itself reads {@code hdfs-site.xml:5: malformed XML: ...}.
   */
  @Override
  public String toString() {
    String where = location.map(l -> l.equals(key) || l.startsWith(key + ":") ? l + ": " : l + ": " + key + ": ")
        .orElse(key + ": ");
    boolean closed = message.endsWith(".") || message.endsWith("?");
    return where + message + (fix.isEmpty() ? "" : (closed ? " " : ". ") + "Fix: " + fix);
  }
}
