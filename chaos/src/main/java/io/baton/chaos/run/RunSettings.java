package io.baton.chaos.run;

import io.baton.worlds.TimingProfile;
import java.nio.file.Path;

/**
 * How runs are executed.
 *
 * @param workRoot each run gets a folder below it (logs, conf, histories, reports)
 * @param timing the controllers' timing profile (FAST in CI)
 * @param writesPerSecond the client workload's rate
 */
public record RunSettings(Path workRoot, TimingProfile timing, int writesPerSecond) {

  public RunSettings {
    if (writesPerSecond < 1 || writesPerSecond > 500) {
      throw new IllegalArgumentException("the workload rate must be 1..500 writes/s, got " + writesPerSecond);
    }
  }
}
