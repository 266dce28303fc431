package io.baton.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is not usable; carries every problem found, not only the first. */
public class ConfigException extends Exception {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String format(List<ConfigProblem> problems) {
    return problems.size() + (problems.size() == 1 ? " configuration problem" : " configuration problems")
        + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
  }
}
