package io.baton.config;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ConfigLoader#inspect} found.
 *
 * @param config the effective configuration; present whenever the files could be parsed, even when
 *     {@code problems} is not empty (so that {@code baton config} can show it), absent when a file is unusable
 * @param problems every problem found; empty means valid
 * @param warnings what is allowed but risky (e.g. a fencing method that always succeeds); never blocks a start
 */
public record LoadReport(Optional<DeploymentConfig> config, List<ConfigProblem> problems,
    List<ConfigProblem> warnings) {
  public LoadReport {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  public LoadReport(Optional<DeploymentConfig> config, List<ConfigProblem> problems) {
    this(config, problems, List.of());
  }

  public boolean isValid() {
    return problems.isEmpty() && config.isPresent();
  }
}
