package io.baton.fencing;

import io.baton.config.NameNodeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment of a {@code shell(...)} fence command: an explicit allow-list. Hadoop exports the whole
 * configuration (secrets included); Baton exports only Hadoop's {@code target_*} / {@code source_*}
 * variables and a few variables of its own process that commands need to run.
 */
final class ShellEnvironment {
  /** Taken from Baton's own environment when set there. */
  static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "USER");

  private ShellEnvironment() {}

  static Map<String, String> of(NameNodeConfig target, Optional<NameNodeConfig> source, Map<String, String> own) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : INHERITED) {
      String value = own.get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    put(env, "target_", target);
    source.ifPresent(s -> put(env, "source_", s));
    return env;
  }

  private static void put(Map<String, String> env, String prefix, NameNodeConfig nn) {
    env.put(prefix + "host", nn.haAddress().host());
    env.put(prefix + "port", Integer.toString(nn.haAddress().port()));
    env.put(prefix + "address", nn.haAddress().toString());
    env.put(prefix + "nameserviceid", nn.nameserviceId());
    env.put(prefix + "namenodeid", nn.id());
  }
}
