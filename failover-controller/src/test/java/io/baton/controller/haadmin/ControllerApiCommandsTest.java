package io.baton.controller.haadmin;

import static io.baton.controller.haadmin.TestDeployment.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** -status, -explain, -timeline, -pause, -resume against real IPC NameNodes and stub admin APIs. */
class ControllerApiCommandsTest {
  /** As the controller's admin API writes it (Views.FailoverView). */
  private static final String PROMOTION = "{\"id\":3,\"kind\":\"PROMOTION\",\"nodeId\":\"nn1\","
      + "\"start\":\"2026-11-25T18:00:00.100Z\",\"reason\":\"nn2 stopped responding\",\"previousActive\":\"nn2\","
      + "\"epoch\":7,\"outcome\":\"SUCCEEDED\",\"detail\":\"fenced nn2 by sshfence\",\"totalMillis\":512,"
      + "\"phases\":[{\"name\":\"elect\",\"start\":\"2026-11-25T18:00:00.100Z\",\"millis\":20,\"detail\":\"\"},"
      + "{\"name\":\"fence\",\"start\":\"2026-11-25T18:00:00.120Z\",\"millis\":412,\"detail\":\"\"},"
      + "{\"name\":\"promote\",\"start\":\"2026-11-25T18:00:00.532Z\",\"millis\":80,\"detail\":\"\"}]}";
  /** In other encodings (ISO and fractional-second durations, no total) that the reader also understands. */
  private static final String DEMOTION = "{\"id\":1,\"kind\":\"DEMOTION\",\"nodeId\":\"nn2\","
      + "\"start\":\"2026-11-25T17:59:59Z\",\"reason\":\"health: not responding\",\"phases\":["
      + "{\"name\":\"quit\",\"start\":\"2026-11-25T17:59:59Z\",\"duration\":0.003000000},"
      + "{\"name\":\"standby\",\"start\":\"2026-11-25T17:59:59.003Z\",\"duration\":\"PT0.007S\"}],"
      + "\"epoch\":null,\"outcome\":\"SUCCEEDED\"}";

  private FakeNameNode nn1;
  private FakeNameNode nn2;
  private FakeController c1;
  private FakeController c2;

  @BeforeEach
  void start() throws IOException {
    nn1 = new FakeNameNode().state(HAServiceState.ACTIVE);
    nn2 = new FakeNameNode().state(HAServiceState.STANDBY);
    c1 = new FakeController();
    c2 = new FakeController();
  }

  @AfterEach
  void stop() {
    nn1.close();
    nn2.close();
    c1.close();
    c2.close();
  }

  private Cli cli() {
    return new Cli(new TestDeployment().nameservice("ns1", true, node("nn1", nn1, c1), node("nn2", nn2, c2)).build(),
        new RecordingFencer());
  }

  @Test
  void statusShowsOneRowPerNameNodeWithTheControllersFacts() {
    c1.answer("GET /v1/status", 200, "{\"nodeId\":\"nn1\",\"nameservice\":\"ns1\",\"state\":\"ACTIVE\","
        + "\"health\":\"SERVICE_HEALTHY\",\"epoch\":7,\"maintenance\":{\"reason\":\"disk swap\","
        + "\"since\":\"2026-11-25T18:10:00Z\",\"until\":\"2026-11-25T19:10:00.5Z\"},\"recentFailovers\":["
        + PROMOTION + "]}");
    c2.answer("GET /v1/status", 200, "{\"nodeId\":\"nn2\",\"state\":\"STANDBY\",\"epoch\":7,"
        + "\"recentFailovers\":[" + DEMOTION + "]}");
    Cli.Result r = cli().run("-status");
    assertThat(r.code()).isZero();
    String a1 = "127.0.0.1:" + nn1.port();
    String a2 = "127.0.0.1:" + nn2.port();
    int w = Math.max(a1.length(), a2.length()) + 2;
    assertThat(r.out()).isEqualTo(
        "NAMESERVICE  NAMENODE  " + pad("ADDRESS", w) + "STATE    HEALTH   ACTIVE SINCE          EPOCH  "
            + pad("LAST FAILOVER", 39) + "TOOK\n"
            + "ns1          nn1       " + pad(a1, w) + "active   healthy  2026-11-25T18:00:00Z  7      "
            + pad("2026-11-25T18:00:00Z (nn1, SUCCEEDED)", 39) + "512ms\n"
            + "ns1          nn2       " + pad(a2, w) + "standby  healthy  -                     7      "
            + pad("2026-11-25T18:00:00Z (nn1, SUCCEEDED)", 39) + "512ms\n"
            + "ns1.nn1: automatic failover paused until 2026-11-25T19:10:00Z: disk swap\n");
    assertThat(r.err()).isEmpty();
  }

  private static String pad(String s, int width) {
    return String.format("%-" + width + "s", s);
  }

  @Test
  void statusExitCodeSaysWhenNoNameNodeIsActiveOrTwoAre() {
    c1.close();
    c2.close();
    nn1.state = HAServiceState.STANDBY;
    nn2.unhealthy = "disk full";
    Cli.Result none = cli().run("-status");
    assertThat(none.code()).isEqualTo(11);
    assertThat(none.out()).contains("standby  unhealthy");
    assertThat(none.err()).contains("ns1.nn2: health: disk full\n",
        "ns1.nn1: controller: Cannot connect to the controller of nn1 (ns1) at http://127.0.0.1:" + c1.adminPort()
            + "/v1/status: connection refused (timeout 2s)\n", "ns1: no NameNode is active\n");
    nn1.state = HAServiceState.ACTIVE;
    nn2.state = HAServiceState.ACTIVE;
    Cli.Result two = cli().run("--json", "-status");
    assertThat(two.code()).isEqualTo(1);
    assertThat(two.err()).contains("ns1: 2 NameNodes report active (split brain): fence all but one now\n");
    assertThat(two.out()).contains("\"verdict\" : \"FAILED\"", "\"state\" : \"active\"", "\"controllerError\"");
  }

  @Test
  void statusCoversEveryNameserviceOrTheOneOfNs() throws IOException {
    try (FakeNameNode nn3 = new FakeNameNode(); FakeNameNode nn4 = new FakeNameNode()) {
      Cli two = new Cli(new TestDeployment().nameservice("ns1", true, node("nn1", nn1, c1), node("nn2", nn2, c2))
          .nameservice("ns2", true, node("nn3", nn3), node("nn4", nn4)).build(), new RecordingFencer());
      Cli.Result all = two.run("-status");
      assertThat(all.code()).isEqualTo(11);
      assertThat(all.out().lines().map(l -> l.split(" +")[0] + " " + l.split(" +")[1] + " " + l.split(" +")[3]))
          .containsExactly("NAMESERVICE NAMENODE STATE", "ns1 nn1 active", "ns1 nn2 standby", "ns2 nn3 standby",
              "ns2 nn4 standby");
      assertThat(all.err()).endsWith("ns2: no NameNode is active\n");
      Cli.Result one = two.run("-ns", "ns1", "-status");
      assertThat(one.code()).isZero();
      assertThat(one.out()).doesNotContain("ns2");
    }
  }

  @Test
  void statusShowsAnUnreachableNameNode() {
    nn2.close();
    Cli.Result r = cli().run("-status");
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("nn2 +127\\.0\\.0\\.1:\\d+ +unreachable +- ");
    assertThat(r.err()).contains("ns1.nn2: Cannot connect to NameNode nn2 (ns1) at 127.0.0.1:" + nn2.port()
        + ": connection refused (timeout 2s)\n");
  }

  @Test
  void explainShowsEveryControllersView() {
    c1.answer("GET /v1/explain", 200, "{\"nodeId\":\"nn1\",\"state\":\"ACTIVE\",\"lines\":[\"nn1 is ACTIVE and holds the election "
        + "lock\",\"in the election: healthy\"]}");
    c2.answer("GET /v1/explain", 200, "[\"nn2 is STANDBY; the lock is held by nn1\",\"automatic failover paused "
        + "since 2026-11-25T18:00:00Z until 2026-11-25T19:00:00Z: disk swap\"]");
    Cli.Result r = cli().run("-explain");
    assertThat(r).isEqualTo(new Cli.Result(0, "ns1:\n"
        + "  nn1: nn1 is ACTIVE and holds the election lock\n"
        + "       in the election: healthy\n"
        + "  nn2: nn2 is STANDBY; the lock is held by nn1\n"
        + "       automatic failover paused since 2026-11-25T18:00:00Z until 2026-11-25T19:00:00Z: disk swap\n", ""));
    assertThat(cli().run("-explain", "nsX")).isEqualTo(new Cli.Result(4, "",
        "Unknown nameservice 'nsX'; configured nameservices: ns1\n"));
  }

  @Test
  void explainNamesADownController() {
    c1.answer("GET /v1/explain", 200, "[\"nn1 is ACTIVE and holds the election lock\"]");
    c2.close();
    Cli.Result r = cli().run("-explain", "ns1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("ns1:\n  nn1: nn1 is ACTIVE and holds the election lock\n"
        + "  nn2: no answer from its controller: Cannot connect to the controller of nn2 (ns1) at http://127.0.0.1:"
        + c2.adminPort() + "/v1/explain: connection refused (timeout 2s)\n");
    c1.close();
    assertThat(cli().run("-explain").code()).isEqualTo(5);
  }

  @Test
  void timelineMergesTheControllersRecordsOldestFirst() {
    c1.answer("GET /v1/timeline", 200, "{\"failovers\":[" + PROMOTION + "]}");
    c2.answer("GET /v1/timeline", 200, "[" + DEMOTION + "]");
    Cli.Result r = cli().run("-timeline");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(
        "WHEN                  NAMESERVICE  NAMENODE  EVENT      FROM  EPOCH  OUTCOME    TOOK   "
            + pad("REASON", 24) + "PHASES\n"
            + "2026-11-25T17:59:59Z  ns1          nn2       demotion   -     -      SUCCEEDED  10ms   "
            + pad("health: not responding", 24) + "quit 3ms, standby 7ms\n"
            + "2026-11-25T18:00:00Z  ns1          nn1       promotion  nn2   7      SUCCEEDED  512ms  "
            + pad("nn2 stopped responding", 24) + "elect 20ms, fence 412ms, promote 80ms\n");
    assertThat(cli().run("--json", "-timeline").out()).contains("\"kind\" : \"PROMOTION\"", "\"epoch\" : 7");
  }

  @Test
  void pauseAndResumeGoToEveryController() {
    c1.answer("POST /v1/pause", 200, "{\"ok\":true,\"message\":\"paused until 2026-11-25T18:30:00Z: disk swap\"}");
    c2.answer("POST /v1/pause", 200, "{\"ok\":true,\"message\":\"paused until 2026-11-25T18:30:00Z: disk swap\"}");
    Cli.Result r = cli().run("-pause", "--reason", "disk swap", "--expiry", "30m");
    assertThat(r).isEqualTo(new Cli.Result(0,
        "Automatic failover of ns1 paused at the controller of nn1: paused until 2026-11-25T18:30:00Z: disk swap\n"
            + "Automatic failover of ns1 paused at the controller of nn2: paused until 2026-11-25T18:30:00Z: disk swap\n",
        ""));
    assertThat(c1.requests).containsExactly("POST /v1/pause {\"reason\":\"disk swap\",\"expiry\":\"30m\"}");
    c1.answer("POST /v1/resume", 200, "{\"ok\":true,\"message\":\"\"}");
    c2.answer("POST /v1/resume", 409, "{\"ok\":false,\"message\":\"not paused\"}");
    Cli.Result resumed = cli().run("-resume");
    assertThat(resumed).isEqualTo(new Cli.Result(7, "Automatic failover of ns1 resumed at the controller of nn1\n",
        "the controller of nn2 (ns1) at http://127.0.0.1:" + c2.adminPort() + "/v1/resume answered 409: not paused\n"));
  }

  @Test
  void pauseMisuse() {
    assertThat(cli().run("-pause", "--expiry", "soon")).isEqualTo(new Cli.Result(2, "",
        "pause: --expiry 'soon' is not a duration; write a number with a unit: 500ms, 20s, 5m, 2h or 1d\n"
            + "Usage: haadmin [-ns <nameserviceId>] [-pause [--reason <text>] [--expiry <duration>]]\n"));
    assertThat(cli().run("-pause", "--reason")).isEqualTo(new Cli.Result(2, "", "pause: --reason needs a value\n"
        + "Usage: haadmin [-ns <nameserviceId>] [-pause [--reason <text>] [--expiry <duration>]]\n"));
    assertThat(c1.requests).isEmpty();
  }

  @Test
  void aControllerAnsweringSomethingElseIsReported() {
    c1.answer("POST /v1/pause", 200, "<html>hello</html>");
    c2.answer("POST /v1/pause", 500, "{\"error\":\"internal\",\"message\":\"boom\"}");
    Cli.Result r = cli().run("-pause");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("the controller of nn1 (ns1) at http://127.0.0.1:" + c1.adminPort()
        + "/v1/pause answered 200 with a body that is not JSON: <html>hello</html>\n"
        + "the controller of nn2 (ns1) at http://127.0.0.1:" + c2.adminPort() + "/v1/pause answered 500: boom\n");
  }
}
