package io.baton.controller.haadmin;

import io.baton.config.ConfigException;
import io.baton.config.DeploymentConfig;
import java.nio.file.Path;

/** Loads the deployment from a conf folder (production: the config module's loader). */
@FunctionalInterface
public interface ConfigSource {
  DeploymentConfig load(Path confDir) throws ConfigException;
}
