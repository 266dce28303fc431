package io.baton.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.ConfigLoader;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.mock.LocalCluster;
import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.worlds.process.ModuleClasspath;
import io.baton.worlds.process.ProcessKit;
import io.baton.worlds.process.Signal;
import io.baton.worlds.TimingProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import io.baton.mock.check.SplitBrainDetector;
import io.baton.mock.client.NameNodeAdminClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real processes: a journal node, two mock NameNodes and two controllers (each its own JVM, started through
 * the same main classes as bin/baton, killed by PID), a real ZooKeeper, a client workload writing all along,
 * the mock's split-brain detector polling every NameNode's /status throughout, and the checker's verdict at the
 * end: no acknowledged write lost, no split-brain write.
 */
class ProcessFailoverTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** Under target/ so the processes' logs survive a failed run. */
  private final Path work = Path.of("target", "process-it").toAbsolutePath();
  private TestingServer zk;
  private LocalCluster cluster;

  @BeforeEach
  void start() throws Exception {
    if (Files.exists(work)) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    zk = new TestingServer(true);
    LocalClusterSpec spec = LocalClusterSpec.allocate(work, 2, zk.getConnectString(), TimingProfile.FAST);
    cluster = new LocalCluster(spec, new ProcessKit(work.resolve("logs")));
    shortenAntiFlappingWindow(spec.confDir().resolve("baton.yaml"));
  }

  /** The default window (30 s) would defer the second and third failover of this test, by design. */
  @SuppressWarnings("unchecked")
  private static void shortenAntiFlappingWindow(Path yaml) throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    Map<String, Object> root = mapper.readValue(yaml.toFile(), Map.class);
    Map<String, Object> controller = new java.util.LinkedHashMap<>((Map<String, Object>) root.get("controller"));
    controller.put("anti-flapping-window", "2s");
    root.put("controller", controller);
    mapper.writeValue(yaml.toFile(), root);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
    zk.close();
  }

  @Test
  void crashHangAndControllerLossKeepTheHistoryClean() throws Exception {
    cluster.startJournal();
    cluster.startNameNode("nn1");
    cluster.startNameNode("nn2");
    assertThat(cluster.formatZooKeeper(WAIT)).isZero();
    cluster.startController("nn1");
    cluster.startController("nn2");
    String first = cluster.awaitSingleActive(WAIT);
    DeploymentConfig deployment = ConfigLoader.load(cluster.spec().confDir(), LoadOptions.none());
    Map<String, NameNodeAdminClient> admins = new java.util.HashMap<>();
    deployment.nameservices().get(0).namenodes().forEach(nn -> admins.put(nn.id(), NameNodeAdminClient.of(nn)));
    SplitBrainDetector splitBrain = new SplitBrainDetector(admins, Duration.ofMillis(100), Clock.systemUTC());
    Path history = work.resolve("history.jsonl");
    ChildProcess client = cluster.startClient("client", history, List.of("--rate", "20/s", "--duration", "30s"));

    // 1. the active NameNode crashes (kill -9)
    String second = other(first);
    long t0 = System.nanoTime();
    cluster.namenodeProcess(first).orElseThrow().killHard(Duration.ofSeconds(10));
    await().atMost(WAIT).until(() -> cluster.activeNameNodes().equals(List.of(second)));
    System.out.printf("process crash failover: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    cluster.startNameNode(first); // comes back as standby
    await().atMost(WAIT).until(() -> status(first).contains("\"state\":\"STANDBY\"")
        && status(first).contains("\"inElection\":true"));

    // 2. the active hangs (SIGSTOP): detected by the RPC timeout, fenced at the journal
    t0 = System.nanoTime();
    cluster.namenodeProcess(second).orElseThrow().signal(Signal.STOP);
    await().atMost(WAIT).until(() -> status(first).contains("\"state\":\"ACTIVE\""));
    System.out.printf("process hang failover: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    cluster.namenodeProcess(second).orElseThrow().signal(Signal.CONT);
    await().atMost(WAIT).until(() -> cluster.activeNameNodes().equals(List.of(first)));

    // 3. the active's controller dies: its session expires, the other takes over (graceful fence)
    t0 = System.nanoTime();
    cluster.controllerProcess(first).orElseThrow().killHard(Duration.ofSeconds(10));
    await().atMost(WAIT).until(() -> cluster.activeNameNodes().equals(List.of(second)));
    System.out.printf("controller loss failover: %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    assertThat(client.waitFor(WAIT)).isTrue();
    splitBrain.close();
    assertThat(splitBrain.rounds()).isPositive();
    splitBrain.assertNoReportedSplitBrain();
    ChildProcess check = cluster.kit().startJava("check", ModuleClasspath.of("mock-namenode"), List.of("-Xmx256m"),
        LocalCluster.CHECK_MAIN, List.of("--history", history.toString(), "--journal",
            cluster.spec().journalDir().resolve("ns1").toString()), Map.of());
    assertThat(check.waitFor(WAIT)).isTrue();
    String verdict = Files.readString(check.logFile());
    System.out.println(verdict);
    assertThat(check.exitCode()).as("checker verdict: %s", verdict).isZero();
  }

  private static String other(String id) {
    return id.equals("nn1") ? "nn2" : "nn1";
  }

  private String status(String id) {
    return cluster.get(cluster.spec().adminUrl(id) + "/v1/status", Duration.ofSeconds(1))
        .filter(r -> r.statusCode() == 200).map(r -> r.body()).orElse("");
  }
}
