package io.baton.config;

import java.util.List;

/**
 * A test {@link ConfigValidator} registered through META-INF/services: it speaks up only when the
 * configuration sets {@code baton.test.validator}, so the other tests do not see it.
 */
public final class MarkerValidator implements ConfigValidator {
  static final String KEY = "baton.test.validator";

  @Override
  public List<ConfigProblem> validate(DeploymentConfig deployment) {
    String mode = deployment.hadoopProperties().get(KEY);
    if (mode == null) {
      return List.of();
    }
    if (mode.equals("throw")) {
      throw new IllegalStateException("boom");
    }
    return List.of(ConfigProblem.of("dfs.ha.fencing.methods", "validator saw " + deployment.nameserviceIds(),
        "nothing"));
  }
}
