package io.baton.chaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.config.ConfigLoader;
import io.baton.config.LoadOptions;
import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.worlds.TimingProfile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AntiFlappingOffTest {

  @Test
  void benchConfTurnsBatonsAntiFlappingWindowOffAndKeepsTheRest(@TempDir Path dir) throws Exception {
    LocalClusterSpec spec = LocalClusterSpec.allocate(dir, 2, "127.0.0.1:2181", TimingProfile.FAST);
    spec.writeConf();
    assertThat(ConfigLoader.load(spec.confDir(), LoadOptions.none()).controller().antiFlappingWindow())
        .isEqualTo(Duration.ofSeconds(30));

    BenchCluster.turnOffAntiFlapping(spec.confDir().resolve("baton.yaml"));

    var loaded = ConfigLoader.load(spec.confDir(), LoadOptions.none());
    assertThat(loaded.controller().antiFlappingWindow()).isZero();
    assertThat(loaded.nameservices().get(0).namenode("nn1").orElseThrow().adminPort())
        .isEqualTo(spec.namenode("nn1").adminPort());
  }
}
