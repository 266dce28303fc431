package io.baton.chaos.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.chaos.cluster.ChaosConf;
import io.baton.chaos.schedule.ClusterSetup;
import io.baton.config.ConfigLoader;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.worlds.TimingProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivenessBoundTest {

  @Test
  void theBoundAddsTheWorstPathOfTheFastProfile(@TempDir Path dir) throws Exception {
    Path key = Files.createFile(dir.resolve("key"));
    LocalClusterSpec spec = LocalClusterSpec.allocate(dir, 2, "127.0.0.1:12181", TimingProfile.FAST);
    ChaosConf conf = ChaosConf.create(spec, dir, ClusterSetup.standard(), "/baton-chaos/t", 12222, key);
    DeploymentConfig deployment = ConfigLoader.load(conf.spec().confDir(), LoadOptions.none());

    LivenessBound bound = LivenessBound.derive(deployment, "ns1");

    // session 4000 + health rpc 2000 + check 200 + graceful fence 1000 x 1 + fencing deadline 10000
    // + transitionToActive 10000 + back-off 1000 + anti-flapping 3000 + margin 5000
    assertThat(bound.total().toMillis()).isEqualTo(36_200);
    assertThat(bound.derivation()).startsWith("36.2 s = ZooKeeper session expiry 4000 ms "
        + "(ha.zookeeper.session-timeout.ms) + health check times out 2000 ms (ha.health-monitor.rpc-timeout.ms)")
        .contains("fencing chain deadline 10000 ms (fencing.deadline)")
        .contains("anti-flapping deferral 3000 ms (controller.anti-flapping-window)");
  }

  @Test
  void fencingMethodsPerSetup() {
    assertThat(ChaosConf.fencingMethods(ClusterSetup.Fencing.JOURNAL, 1)).isEqualTo("journal");
    assertThat(ChaosConf.fencingMethods(ClusterSetup.Fencing.SSH_DOWN_THEN_JOURNAL, 2222))
        .isEqualTo("sshfence(root:2222)\njournal");
    assertThat(ChaosConf.fencingMethods(ClusterSetup.Fencing.SSH_DOWN_ONLY, 2222)).isEqualTo("sshfence(root:2222)");
    assertThat(ChaosConf.fencingMethods(ClusterSetup.Fencing.OFF, 2222)).isEqualTo("shell(/bin/true)");
  }
}
