package io.baton.controller.haadmin;

import io.baton.config.ConfigLoader;
import io.baton.config.LoadOptions;

/** The production collaborators of {@link HaAdmin}: the config module's loader and the fencing module's chain. */
final class Wiring {
  private Wiring() {}

  static ConfigSource configSource() {
    return dir -> ConfigLoader.load(dir, LoadOptions.none());
  }

  static Fencer fencer() {
    return new ChainFencer();
  }
}
