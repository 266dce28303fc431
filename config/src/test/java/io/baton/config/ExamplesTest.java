package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shipped examples/conf is what the demo, the docs and other modules' tests start from. */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void exampleConfLoadsAsDocumented() throws Exception {
    DeploymentConfig c = ConfigLoader.load(EXAMPLES.resolve("conf"), LoadOptions.forNameNode("ns1", "nn2"));
    assertThat(c.nameserviceIds()).containsExactly("ns1");
    NameserviceConfig ns = c.localNameservice();
    assertThat(ns.automaticFailover()).isTrue();
    assertThat(ns.zookeeper().quorum()).isEqualTo("127.0.0.1:12181");
    assertThat(ns.sharedEdits().orElseThrow().uri()).isEqualTo("qjournal://127.0.0.1:18485/ns1");
    NameNodeConfig nn1 = ns.namenode("nn1").orElseThrow();
    assertThat(nn1.rpcAddress()).isEqualTo(new HostPort("127.0.0.1", 18020));
    assertThat(nn1.httpAddress()).isEqualTo(new HostPort("127.0.0.1", 19870));
    assertThat(nn1.controllerPort()).isEqualTo(18019);
    assertThat(nn1.adminPort()).isEqualTo(18090);
    NameNodeConfig nn2 = c.localNameNode();
    assertThat(nn2.id()).isEqualTo("nn2");
    assertThat(nn2.rpcAddress()).isEqualTo(new HostPort("127.0.0.1", 18120));
    assertThat(nn2.httpAddress()).isEqualTo(new HostPort("127.0.0.1", 19970));
    assertThat(nn2.controllerPort()).isEqualTo(18119);
    assertThat(nn2.adminPort()).isEqualTo(18190);
    assertThat(nn2.fencing().methods()).isEqualTo("sshfence(root:22)\njournal");
    assertThat(nn2.fencing().methodTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(nn2.fencing().sshPrivateKeyFiles()).containsExactly(Path.of("/tmp/baton-example/ssh/id_ed25519"));
    assertThat(c.toHadoopConfiguration().get("ipc.client.connect.max.retries")).isEqualTo("0");
  }

  @Test
  void exampleConfWithoutIdHasTwoLocalCandidates() {
    LoadReport r = ConfigLoader.inspect(EXAMPLES.resolve("conf"), LoadOptions.none());
    assertThat(r.problems()).isEmpty();
    assertThat(r.config().orElseThrow().localProblem()).contains("several NameNodes have their rpc-address on this"
        + " host: ns1.nn1 (127.0.0.1:18020), ns1.nn2 (127.0.0.1:18120); pass --id <nnId> to say which one this process"
        + " serves");
  }
}
