package io.baton.mock.common;

import io.baton.config.ConfigException;
import io.baton.config.ConfigLoader;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import java.nio.file.Path;

/** The one place the mains load the shared configuration. */
public final class ConfLoading {
  private ConfLoading() {}

  public static DeploymentConfig load(Path confDir, LoadOptions opts) throws ConfigException {
    return ConfigLoader.load(confDir, opts);
  }
}
