package io.baton.controller.haadmin;

import io.baton.config.ConfigException;
import io.baton.config.ConfigProblem;
import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import java.util.List;
import java.util.Optional;

/** The production collaborators of {@link HaAdmin}: the config module's loader and the fencing module's chain. */
final class Wiring {
  private Wiring() {}

  static ConfigSource configSource() {
    // TODO(haadmin): io.baton.config.ConfigLoader.load(dir, LoadOptions.none()) once it is on main.
    return dir -> {
      throw new ConfigException(List.of(ConfigProblem.of("--conf", "the configuration loader is not available in "
          + "this build", "rebuild Baton")));
    };
  }

  static Fencer fencer() {
    return new Fencer() {
      @Override
      public FenceResult fence(DeploymentConfig deployment, NameNodeConfig target, Optional<NameNodeConfig> source)
          throws HaAdminException {
        throw new HaAdminException(ExitCode.FENCING_FAILED, "fencing is not available in this build");
      }

      @Override
      public DrillResult drill(DeploymentConfig deployment, NameNodeConfig target) throws HaAdminException {
        throw new HaAdminException(ExitCode.FENCING_FAILED, "fencing is not available in this build");
      }
    };
  }
}
