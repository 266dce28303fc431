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

  @Test
  void fromControllersAsksEveryOtherControllerToDrill() throws Exception {
    try (FakeController c1 = new FakeController(); FakeController c2 = new FakeController();
        FakeController c3 = new FakeController()) {
      c2.answer("POST /v1/fencing-drill", 200, "[{\"target\":\"nn1\",\"at\":\"2026-11-25T19:00:00Z\",\"passed\":true,"
          + "\"methods\":[{\"method\":\"sshfence\",\"passed\":true,\"detail\":\"ssh ok\",\"millis\":35}]},"
          + "{\"target\":\"nn3\",\"at\":\"2026-11-25T19:00:00Z\",\"passed\":true,\"methods\":[]}]");
      c3.answer("POST /v1/fencing-drill", 200, "[{\"target\":\"nn1\",\"at\":\"2026-11-25T19:00:00Z\",\"passed\":false,"
          + "\"methods\":[{\"method\":\"sshfence\",\"passed\":false,\"detail\":\"no key\",\"millis\":2}]}]");
      Cli cli = new Cli(new TestDeployment().nameservice("ns1", true, node("nn1", 1, c1.rpcPort(), c1.adminPort()),
          node("nn2", 2, c2.rpcPort(), c2.adminPort()), node("nn3", 3, c3.rpcPort(), c3.adminPort())).build(), fencer);
      Cli.Result r = cli.run("-checkFencing", "--from-controllers", "nn1");
      assertThat(r).isEqualTo(new Cli.Result(9, "FROM  RESULT  METHOD    TOOK  DETAIL\n"
          + "nn2   PASS    sshfence  35ms  ssh ok\n"
          + "nn3   FAIL    sshfence  2ms   no key\n",
          "Fencing pre-flight for nn1 FAILED at a controller that would fence it: see the FAIL lines\n"));
      assertThat(c1.requests).isEmpty();
      c3.answer("POST /v1/fencing-drill", 200, "[{\"target\":\"nn1\",\"at\":\"2026-11-25T19:00:00Z\",\"passed\":true,"
          + "\"methods\":[{\"method\":\"sshfence\",\"passed\":true,\"detail\":\"ssh ok\",\"millis\":4}]}]");
      assertThat(cli.run("-checkFencing", "--from-controllers", "nn1").out())
          .endsWith("Fencing pre-flight for nn1 passed at every other controller\n");
      c3.close();
      Cli.Result down = cli.run("-checkFencing", "--from-controllers", "nn1");
      assertThat(down.code()).isEqualTo(9);
      assertThat(down.out()).contains("nn3   FAIL    -         -     Cannot connect to the controller of nn3 (ns1)");
      assertThat(fencer.fenced).isEmpty();
    }
  }
}
