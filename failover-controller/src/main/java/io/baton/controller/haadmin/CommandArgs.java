package io.baton.controller.haadmin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's own arguments: {@code --flag}s, {@code --option value}s and positional ids. Anything else is a
 * usage error of that command, reported the way Hadoop does ({@code failover: incorrect arguments}).
 */
record CommandArgs(List<String> positional, Set<String> flags, Map<String, String> values) {

  static CommandArgs parse(String command, List<String> args, Set<String> knownFlags, Set<String> knownValues)
      throws HaAdminException {
    List<String> positional = new ArrayList<>();
    Set<String> flags = new HashSet<>();
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("-")) {
        positional.add(a);
        continue;
      }
      String name = a.replaceFirst("^--?", "");
      String inline = null;
      if (name.contains("=")) {
        inline = name.substring(name.indexOf('=') + 1);
        name = name.substring(0, name.indexOf('='));
      }
      if (knownFlags.contains(name) && inline == null) {
        flags.add(name);
      } else if (knownValues.contains(name)) {
        String v = inline != null ? inline : i + 1 < args.size() ? args.get(++i) : null;
        if (v == null || v.isEmpty()) {
          throw HaAdminException.usage(command, bare(command) + ": --" + name + " needs a value");
        }
        values.put(name, v);
      } else {
        throw HaAdminException.usage(command, bare(command) + ": incorrect arguments (unknown option " + a + ")");
      }
    }
    return new CommandArgs(List.copyOf(positional), Set.copyOf(flags), Map.copyOf(values));
  }

  /** Exactly {@code n} positional arguments, else Hadoop's "incorrect number of arguments". */
  CommandArgs expect(String command, int n) throws HaAdminException {
    if (positional.size() != n) {
      throw HaAdminException.usage(command, bare(command) + ": incorrect number of arguments");
    }
    return this;
  }

  boolean has(String flag) {
    return flags.contains(flag);
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** {@code -failover} → {@code failover}. */
  static String bare(String command) {
    return command.startsWith("-") ? command.substring(1) : command;
  }
}
