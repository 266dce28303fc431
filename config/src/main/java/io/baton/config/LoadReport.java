package io.baton.config;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ConfigLoader#inspect} found.
 *
 * @param config the effective configuration; present whenever the files could be parsed, even when
 *     {@code problems} is not empty (so that {@code baton config} can show it), absent when a file is unusable
 * @param problems every problem found; empty means valid
 */
public record LoadReport(Optional<DeploymentConfig> config, List<ConfigProblem> problems) {
  public LoadReport {
    problems = List.copyOf(problems);
  }

  public boolean isValid() {
    return problems.isEmpty() && config.isPresent();
  }
}
