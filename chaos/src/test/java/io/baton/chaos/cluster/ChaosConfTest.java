package io.baton.chaos.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.chaos.net.NetnsPlan;
import io.baton.chaos.net.Topology;
import io.baton.chaos.schedule.ClusterSetup;
import io.baton.config.ConfigLoader;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.config.NameserviceConfig;
import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.worlds.TimingProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosConfTest {

  private static DeploymentConfig load(Path conf) throws Exception {
    return ConfigLoader.load(conf, LoadOptions.none());
  }

  @Test
  void namespaceModeGivesEveryPortItsHostsAddressAndFencesOverSshFirst(@TempDir Path dir) throws Exception {
    NetnsPlan plan = new NetnsPlan("bcab12", 9, Topology.hosts(List.of("nn1", "nn2")));
    Topology topology = Topology.namespaces(plan, dir.resolve("client_key"), dir.resolve("known_hosts"));
    LocalClusterSpec spec = LocalClusterSpec.allocate(dir, 2, "10.200.9.2:2181", TimingProfile.FAST);
    ChaosConf conf = ChaosConf.create(spec, dir, ClusterSetup.standard(), "/baton-chaos/t", 0,
        Files.createFile(dir.resolve("unused_key")), topology);

    Path host = conf.forHost("nn2", Optional.empty());
    DeploymentConfig d = load(host);
    NameserviceConfig ns = d.nameservice("ns1").orElseThrow();
    assertThat(ns.namenode("nn1").orElseThrow().rpcAddress().host()).isEqualTo("10.200.9.5");
    assertThat(ns.namenode("nn2").orElseThrow().httpAddress().host()).isEqualTo("10.200.9.6");
    assertThat(d.controller().adminBindAddress()).as("the controller's admin API on its host").isEqualTo("10.200.9.6");
    assertThat(d.controller().adminAuth().tokenFile()).as("one token for every host's controller, in the run folder")
        .isEqualTo(dir.resolve("admin-token").toAbsolutePath()).isEqualTo(conf.adminTokenFile().toAbsolutePath());
    assertThat(load(conf.forHost("nn1", Optional.empty())).controller().adminAuth().tokenFile())
        .isEqualTo(d.controller().adminAuth().tokenFile());
    assertThat(Files.readString(host.resolve("hdfs-site.xml"))).contains("qjournal://10.200.9.3:")
        .doesNotContain("127.0.0.1");
    assertThat(ns.namenode("nn1").orElseThrow().fencing().methods()).isEqualTo("sshfence(root:22)\njournal");
    assertThat(ns.namenode("nn1").orElseThrow().fencing().sshKnownHostsFile())
        .contains(dir.resolve("known_hosts").toAbsolutePath());
    assertThat(ns.namenode("nn1").orElseThrow().fencing().sshPrivateKeyFiles())
        .containsExactly(dir.resolve("client_key"));
    assertThat(conf.httpUrl("nn1")).startsWith("http://10.200.9.5:");
  }

  @Test
  void loopbackModeKeepsEverythingOn127001(@TempDir Path dir) throws Exception {
    // the negative control: the same spec without namespaces is not rewritten
    LocalClusterSpec spec = LocalClusterSpec.allocate(dir, 2, "127.0.0.1:2181", TimingProfile.FAST);
    ChaosConf conf = ChaosConf.create(spec, dir, ClusterSetup.standard(), "/baton-chaos/t", 0,
        Files.createFile(dir.resolve("key")));
    DeploymentConfig d = load(conf.forHost("nn2", Optional.empty()));
    NameserviceConfig ns = d.nameservice("ns1").orElseThrow();
    assertThat(ns.namenode("nn1").orElseThrow().rpcAddress().host()).isEqualTo("127.0.0.1");
    assertThat(d.controller().adminBindAddress()).isEqualTo("127.0.0.1");
    assertThat(ns.namenode("nn1").orElseThrow().fencing().methods()).isEqualTo("journal");
    assertThat(conf.httpUrl("nn1")).startsWith("http://127.0.0.1:");
  }
}
