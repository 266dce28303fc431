package io.baton.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.FailoverController;
import io.baton.controller.FencingDrills;
import io.baton.controller.core.ControllerState;
import io.baton.controller.core.FenceResult;
import io.baton.controller.testkit.FakeNameNode;
import io.baton.controller.testkit.Fixtures;
import io.baton.controller.testkit.SplitBrainDetector;
import io.baton.controller.zk.ZkClients;
import io.baton.fencing.DrillReport;
import io.baton.fencing.DrillResult;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The admin HTTP API against a real controller (one NameNode over IPC, real ZooKeeper). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {
  private final SplitBrainDetector detector = new SplitBrainDetector();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private TestingServer zk;
  private FakeNameNode nn1;
  private FakeNameNode nn2;
  private FencingDrills drills;
  private FailoverController controller;
  private AdminServer admin;
  private String base;

  @BeforeAll
  void start() throws Exception {
    zk = new TestingServer(true);
    DeploymentConfig d = Fixtures.deployment(zk.getConnectString(), "nn1", "nn2");
    NameserviceConfig ns = d.nameservices().get(0);
    NameNodeConfig local = ns.namenode("nn1").orElseThrow();
    nn1 = new FakeNameNode(local, detector).start();
    nn2 = new FakeNameNode(ns.namenode("nn2").orElseThrow(), detector).start(); // a standby without a controller
    CuratorFramework client = ZkClients.start(ns.zookeeper(), 3, Map.of());
    ZkClients.awaitConnected(client, Duration.ofSeconds(10));
    client.create().creatingParentsIfNeeded().forPath("/hadoop-ha/ns1");
    controller = FailoverController.start(d, local, client,
        t -> new FenceResult(false, "no fencing in this test", List.of(), Duration.ZERO), Clock.systemUTC());
    drills = new FencingDrills("nn1", Map.of("nn2", () -> new DrillReport(List.of(
        new DrillResult("sshfence", false, "connect timed out", Duration.ofMillis(5)),
        new DrillResult("shell", true, "script found", Duration.ofMillis(1))))), Duration.ZERO, Clock.systemUTC());
    admin = AdminServer.start(d, local, controller, drills);
    controller.own(admin);
    base = "http://127.0.0.1:" + admin.port();
    await().atMost(Duration.ofSeconds(30)).until(() -> controller.runtime().status().state() == ControllerState.ACTIVE);
  }

  @AfterAll
  void stop() throws Exception {
    controller.close();
    nn1.close();
    nn2.close();
    zk.close();
    assertThat(detector.violations()).isEmpty();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A POST with the test controllers' token. */
  private HttpResponse<String> post(String path, String json) throws Exception {
    return post(path, json, Optional.of(Fixtures.adminAuthorization()));
  }

  private HttpResponse<String> post(String path, String json, Optional<String> authorization) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    authorization.ifPresent(a -> r.header("Authorization", a));
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnauthenticatedPauseIsRefusedAndChangesNothing() throws Exception {
    HttpResponse<String> refused = post("/v1/pause", "{\"reason\":\"x\",\"expiry\":\"1d\"}", Optional.empty());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).startsWith("{\"error\":\"unauthorized\",\"message\":\"no token was sent;");
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("token_file=\"" + Fixtures.ADMIN_TOKEN_FILE + "\"");
    assertThat(get("/v1/status").body()).contains("\"maintenance\":null");
    HttpResponse<String> wrong = post("/v1/cede", "{\"millis\":600000}", Optional.of("Bearer " + "0".repeat(64)));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("the token sent is not this controller's");
    assertThat(controller.runtime().status().state()).isEqualTo(ControllerState.ACTIVE);
    // the negative control: the same call with the token goes through
    assertThat(post("/v1/fencing-drill", "", Optional.of(Fixtures.adminAuthorization())).statusCode()).isEqualTo(200);
  }

  @Test
  void diagnosticsNeedTheToken() throws Exception {
    assertThat(get("/admin/threads").statusCode()).isEqualTo(401);
    assertThat(get("/admin/pprof").statusCode()).isEqualTo(401);
    assertThat(get("/v1/audit").statusCode()).isEqualTo(401);
    HttpResponse<String> threads = get("/admin/threads", Fixtures.adminAuthorization());
    assertThat(threads.statusCode()).isEqualTo(200);
    assertThat(threads.body()).contains("\"main\"");
    assertThat(get("/admin/ping").statusCode()).as("plain reads stay open on loopback").isEqualTo(200);
  }

  @Test
  void oversizedBodiesAre413() throws Exception {
    HttpResponse<String> big = post("/v1/pause", "{\"reason\":\"" + "x".repeat(20_000) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("\"error\":\"body_too_large\"");
    assertThat(get("/v1/status").body()).contains("\"maintenance\":null");
  }

  @Test
  void theAuditListsAnsweredAndRefusedCalls() throws Exception {
    post("/v1/resume", "", Optional.empty());
    post("/v1/resume", "");
    HttpResponse<String> audit = get("/v1/audit", Fixtures.adminAuthorization());
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(audit.body()).contains(
        "\"caller\":\"127.0.0.1\",\"principal\":\"anonymous\",\"method\":\"POST\",\"path\":\"/v1/resume\","
            + "\"request\":\"\",\"status\":401,\"outcome\":\"refused: no token\"",
        "\"caller\":\"127.0.0.1\",\"principal\":\"token\",\"method\":\"POST\",\"path\":\"/v1/resume\","
            + "\"request\":\"\",\"status\":200,\"outcome\":\"ok\"");
  }

  @Test
  void statusTimelineAndExplain() throws Exception {
    HttpResponse<String> status = get("/v1/status");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("\"nodeId\":\"nn1\"", "\"nameservice\":\"ns1\"", "\"state\":\"ACTIVE\"",
        "\"health\":\"HEALTHY\"", "\"namenodeState\":\"ACTIVE\"", "\"zookeeper\":\"CONNECTED\"", "\"epoch\":1",
        "\"currentActive\":\"nn1\"");
    HttpResponse<String> timeline = get("/v1/timeline");
    assertThat(timeline.body()).contains("\"kind\":\"PROMOTION\"", "\"outcome\":\"SUCCEEDED\"",
        "\"name\":\"read-breadcrumb\"", "\"name\":\"claim-epoch\"", "\"name\":\"promote\"",
        "\"reason\":\"no NameNode was active\"");
    assertThat(get("/v1/explain").body()).contains("nn1 is ACTIVE and holds the election lock");
  }

  @Test
  void failoverToTheActiveItselfIsANoOp() throws Exception {
    HttpResponse<String> r = post("/v1/failover", "{}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"ok\":true,\"message\":\"nn1 is already active\"}");
  }

  @Test
  void badBodiesGetClearErrors() throws Exception {
    HttpResponse<String> noReason = post("/v1/pause", "{}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).isEqualTo("{\"error\":\"bad_request\",\"message\":\"'reason' is required: say why "
        + "automatic failover is paused, e.g. {\\\"reason\\\":\\\"upgrading nn2\\\"}\"}");
    HttpResponse<String> badExpiry = post("/v1/pause", "{\"reason\":\"x\",\"expiry\":\"soon\"}");
    assertThat(badExpiry.statusCode()).isEqualTo(400);
    assertThat(badExpiry.body()).contains("'expiry' is 'soon'; write a whole number with a unit: 500ms, 10s, 30m, "
        + "2h or 1d");
    HttpResponse<String> badMillis = post("/v1/cede", "{\"millis\":\"later\"}");
    assertThat(badMillis.statusCode()).isEqualTo(400);
    assertThat(badMillis.body()).contains("'millis' must be a whole number of milliseconds, got \\\"later\\\"");
    assertThat(post("/v1/pause", "{not json").statusCode()).isEqualTo(400);
    assertThat(get("/v1/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void pauseAndResume() throws Exception {
    HttpResponse<String> paused = post("/v1/pause", "{\"reason\":\"upgrading nn2\",\"expiry\":\"30m\"}");
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(paused.body()).startsWith("{\"ok\":true,\"message\":\"nn1: automatic failover paused until ");
    // the reply can overtake the status snapshot (ControllerRuntime completes replies before it publishes)
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(get("/v1/status").body()).contains("\"maintenance\":{\"reason\":\"upgrading nn2\""));
    assertThat(get("/v1/explain").body()).contains("holding the lock: automatic failover is paused (upgrading nn2)");
    assertThat(get("/metrics").body()).containsPattern(
        "baton_maintenance_expiry_timestamp_seconds\\{namenode=\"nn1\",nameservice=\"ns1\"} 1\\.[0-9.]+E9");
    HttpResponse<String> resumed = post("/v1/resume", "");
    assertThat(resumed.body()).isEqualTo("{\"ok\":true,\"message\":\"nn1: automatic failover resumed\"}");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(get("/v1/status").body()).contains("\"maintenance\":null"));
    assertThat(get("/metrics").body()).contains(
        "baton_maintenance_expiry_timestamp_seconds{namenode=\"nn1\",nameservice=\"ns1\"} 0.0");
  }

  @Test
  void pauseCapsAndExplainAfterResume() throws Exception {
    HttpResponse<String> longReason = post("/v1/pause", "{\"reason\":\"" + "x".repeat(1025) + "\"}");
    assertThat(longReason.statusCode()).isEqualTo(400);
    assertThat(longReason.body()).contains("'reason' has 1025 characters; at most 1024 are kept");
    HttpResponse<String> longExpiry = post("/v1/pause", "{\"reason\":\"x\",\"expiry\":\"8d\"}");
    assertThat(longExpiry.statusCode()).isEqualTo(400);
    assertThat(longExpiry.body()).contains("a pause lasts at most 7d");
    assertThat(post("/v1/pause", "{\"reason\":\"x\",\"expiry\":\"99999999999d\"}").statusCode()).isEqualTo(400);
    assertThat(get("/v1/status").body()).contains("\"maintenance\":null");
    // control: at the caps it is accepted
    assertThat(post("/v1/pause", "{\"reason\":\"" + "x".repeat(1024) + "\",\"expiry\":\"7d\"}").statusCode())
        .isEqualTo(200);
    post("/v1/resume", "");
    assertThat(get("/v1/explain").body()).doesNotContain("paused");
  }

  @Test
  void prometheusMetricsAndHealthChecks() throws Exception {
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(MediaType.valueOf(metrics.headers().firstValue("Content-Type").orElse("")))
        .as("Prometheus's text format 0.0.4 (Jersey reorders the parameters)")
        .isEqualTo(MediaType.valueOf("text/plain; version=0.0.4; charset=utf-8"));
    assertThat(metrics.body().split("\n")).contains(
        "baton_failovers_total{kind=\"promotion\",namenode=\"nn1\",nameservice=\"ns1\",outcome=\"succeeded\"} 1.0",
        "baton_failover_phase_seconds_bucket{namenode=\"nn1\",nameservice=\"ns1\",phase=\"promote\",le=\"+Inf\"} 1",
        "baton_health_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"HEALTHY\"} 1.0",
        "baton_controller_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"ACTIVE\"} 1.0",
        "baton_epoch{namenode=\"nn1\",nameservice=\"ns1\"} 1.0",
        "baton_namenode_ha_state{namenode=\"nn1\",nameservice=\"ns1\",source=\"health-check\",state=\"ACTIVE\"} 1.0",
        "baton_namenode_ha_state{namenode=\"nn1\",nameservice=\"ns1\",source=\"health-check\",state=\"STANDBY\"} 0.0",
        "baton_zookeeper_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"CONNECTED\"} 1.0",
        "baton_zookeeper_state{namenode=\"nn1\",nameservice=\"ns1\",state=\"LOST\"} 0.0",
        "baton_maintenance_expiry_timestamp_seconds{namenode=\"nn1\",nameservice=\"ns1\"} 0.0");
    // (whether a drill ran before depends on the order of the tests sharing this controller: other tests POST one)
    drills.runNow();
    assertThat(get("/metrics").body().split("\n")).contains(
        "baton_fencing_drill_passed{method=\"shell\",namenode=\"nn2\",nameservice=\"ns1\"} 1.0",
        "baton_fencing_drill_passed{method=\"sshfence\",namenode=\"nn2\",nameservice=\"ns1\"} 0.0");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/metrics").body().split("\n"))
        .as("the peer probe asks nn2, which has no controller of its own").contains(
            "baton_namenode_ha_state{namenode=\"nn2\",nameservice=\"ns1\",source=\"peer-probe\",state=\"STANDBY\"} 1.0",
            "baton_namenode_ha_state{namenode=\"nn2\",nameservice=\"ns1\",source=\"peer-probe\",state=\"ACTIVE\"} 0.0"));
    HttpResponse<String> health = get("/admin/healthcheck");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"controller\"", "\"zookeeper\"", "\"namenode\"");
  }
}
