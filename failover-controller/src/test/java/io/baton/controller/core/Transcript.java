package io.baton.controller.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A story told to the core as plain text, one line each: a command (an event in, or {@code tick 5s}), then the
 * lines it produced, each starting with {@code "> "} (effects, role changes, explanations). Comments start with
 * {@code #}. Parsing drops the produced lines; printing replays the commands and writes what they produce now.
 */
final class Transcript {
  static final String OUTPUT = "> ";

  private final List<String> lines;

  private Transcript(List<String> lines) {
    this.lines = lines;
  }

  /** The commands, comments and blank lines of {@code text}, without the recorded output. */
  static Transcript parse(String text) {
    List<String> kept = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.startsWith(OUTPUT.trim())) {
        kept.add(line.stripTrailing());
      }
    }
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
      kept.remove(kept.size() - 1);
    }
    return new Transcript(kept);
  }

  /** Runs every command through {@code run} and prints each with the lines it returned. */
  String replay(Function<String, List<String>> run) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line).append('\n');
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      for (String produced : run.apply(line.trim())) {
        out.append(OUTPUT).append(produced).append('\n');
      }
    }
    return out.toString();
  }
}
