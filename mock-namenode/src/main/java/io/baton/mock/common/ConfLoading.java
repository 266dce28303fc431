package io.baton.mock.common;

import io.baton.config.ConfigException;
import io.baton.config.ConfigProblem;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place the mains load the shared configuration. It calls
 * {@code io.baton.config.ConfigLoader.load(Path, LoadOptions)} reflectively so this module builds while the
 * loader is being written; once it is installed this becomes a direct call.
 */
public final class ConfLoading {
  private ConfLoading() {}

  public static DeploymentConfig load(Path confDir, LoadOptions opts) throws ConfigException {
    try {
      Class<?> loader = Class.forName("io.baton.config.ConfigLoader");
      return (DeploymentConfig) loader.getMethod("load", Path.class, LoadOptions.class).invoke(null, confDir, opts);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof ConfigException ce) {
        throw ce;
      }
      throw new IllegalStateException("loading " + confDir + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new ConfigException(List.of(ConfigProblem.of("--conf",
          "this build has no io.baton.config.ConfigLoader", "rebuild with the config module installed")));
    }
  }
}
