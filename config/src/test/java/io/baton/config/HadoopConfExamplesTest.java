package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples/hadoop-conf: folders Hadoop's ZKFC starts on load unchanged, with no baton.yaml. */
class HadoopConfExamplesTest {
  static final Path HADOOP_CONF = ExamplesTest.EXAMPLES.resolve("hadoop-conf");

  private static LoadReport inspect(String folder) {
    Path dir = HADOOP_CONF.resolve(folder);
    assertThat(dir.resolve("baton.yaml")).doesNotExist();
    assertThat(Files.exists(dir.resolve("hdfs-site.xml"))).isTrue();
    return ConfigLoader.inspect(dir, LoadOptions.none());
  }

  private static DeploymentConfig load(String folder) {
    LoadReport r = inspect(folder);
    assertThat(r.problems()).isEmpty();
    return r.config().orElseThrow();
  }

  @Test
  void nfsPairLoadsWithADirectoryAndFindsItsNameNodeByAddress() throws Exception {
    DeploymentConfig c = load("nfs-pair");
    NameserviceConfig ns = c.localNameservice();
    assertThat(ns.sharedEdits()).contains(new SharedEditsDirectory("file:///mnt/nfs/hadoop/ns1/edits"));
    assertThat(c.local()).contains(new LocalNameNode("ns1", "nn1"));
    NameNodeConfig nn1 = c.localNameNode();
    assertThat(c.controllerBindAddress(nn1)).isEqualTo(new HostPort("0.0.0.0", 8019));
    assertThat(nn1.adminPort()).isEqualTo(8090);
    assertThat(inspect("nfs-pair").warnings()).isEmpty();
  }

  @Test
  void twoNameNodesOnOneHostEachStartOnTheirOwnFolder() throws Exception {
    for (String nn : new String[] {"nn1", "nn2"}) {
      DeploymentConfig c = load("one-host/" + nn);
      assertThat(c.local()).contains(new LocalNameNode("ns1", nn));
      assertThat(c.localNameservice().namenodes()).extracting(NameNodeConfig::adminPort).containsExactly(18090, 18190);
      assertThat(c.localNameservice().quorumJournal().orElseThrow().journalNodes()).hasSize(3);
      assertThat(c.controllerBindAddress(c.localNameNode()).port()).isEqualTo(nn.equals("nn1") ? 18019 : 18119);
    }
    // shell(/bin/true) with a quorum journal: allowed, with the warning that says what it does not do
    assertThat(inspect("one-host/nn1").warnings()).map(ConfigProblem::toString)
        .anySatisfy(w -> assertThat(w).contains("epochs still keep a second writer out"));
  }

  @Test
  void threeNameNodesWithAnObserverLoad() throws Exception {
    for (String nn : new String[] {"nn1", "nn2", "nn3"}) {
      DeploymentConfig c = load("observer/" + nn);
      assertThat(c.local()).contains(new LocalNameNode("ns1", nn));
      assertThat(c.localNameservice().namenodeIds()).containsExactly("nn1", "nn2", "nn3");
    }
    assertThat(inspect("observer/nn1").warnings()).isEmpty(); // sshfence first, then shell(/bin/true)
  }
}
