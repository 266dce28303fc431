package io.baton.controller.haadmin;

import static io.baton.controller.haadmin.TestDeployment.node;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckFencingCommandTest {
  private final RecordingFencer fencer = new RecordingFencer();

  private Cli cli(String methods) {
    return new Cli(new TestDeployment().fencing(methods).nameservice("ns1", true, node("nn1", 1, 1, 1),
        node("nn2", 2, 2, 2)).build(), fencer);
  }

  @Test
  void passingPreflight() {
    Cli.Result r = cli("sshfence(root:22)\nshell(/bin/true)").run("-checkFencing", "nn1");
    assertThat(r).isEqualTo(new Cli.Result(0, "RESULT  METHOD             TOOK  DETAIL\n"
        + "PASS    sshfence(root:22)  12ms  ssh ok, fuser present\n"
        + "PASS    shell(/bin/true)   1ms   bash present\n"
        + "Fencing pre-flight for nn1 passed\n", ""));
    assertThat(fencer.fenced).isEmpty();
  }

  @Test
  void failingPreflightNamesTheMethodsAndTheFallback() {
    fencer.drillPasses = false;
    Cli.Result r = cli("sshfence(root:22)\nshell(/bin/true)").run("-checkFencing", "nn2");
    assertThat(r.code()).isEqualTo(9);
    assertThat(r.out()).contains("FAIL    sshfence(root:22)  12ms  ssh: connection refused\n");
    assertThat(r.err()).isEqualTo("Fencing pre-flight for nn2 FAILED: sshfence(root:22) would not work; fencing "
        + "would fall through to shell(/bin/true).\n");
  }

  @Test
  void noMethodConfigured() {
    assertThat(cli("").run("-checkFencing", "nn1")).isEqualTo(new Cli.Result(9, "", "No fencing method is "
        + "configured for nn1; set dfs.ha.fencing.methods (e.g. sshfence, then shell(/bin/true) as the last resort)\n"));
  }

  @Test
  void realChainDrill() {
    Cli.Result r = new Cli(new TestDeployment().fencing("shell(true)\nshell(no-such-program-xyz)").nameservice("ns1",
        true, node("nn1", 1, 1, 1), node("nn2", 2, 2, 2)).build(), new ChainFencer())
        .run("--json", "-checkFencing", "nn1");
    assertThat(r.code()).isEqualTo(9);
    assertThat(r.out()).contains("\"method\" : \"shell\"", "\"passed\" : true", "\"passed\" : false",
        "\"status\" : \"FENCING_FAILED\"");
  }
}
