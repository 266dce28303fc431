package io.baton.config;

import java.util.List;

/**
 * Extra validation that another module contributes at load time through {@link java.util.ServiceLoader}
 * (e.g. the fencing module parses {@code dfs.ha.fencing.methods}), so that every problem is reported
 * together and before anything starts.
 */
public interface ConfigValidator {
  /** Problems found in an otherwise valid deployment; never throws. */
  List<ConfigProblem> validate(DeploymentConfig deployment);
}
