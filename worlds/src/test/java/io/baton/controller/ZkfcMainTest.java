package io.baton.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.config.LoopbackPorts;
import io.baton.worlds.TimingProfile;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: Hadoop's exit codes and messages that name the key to fix. */
class ZkfcMainTest {
  @TempDir
  Path work;
  private TestingServer zk;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void startZk() throws Exception {
    zk = new TestingServer(true);
  }

  @AfterEach
  void stopZk() throws Exception {
    zk.close();
  }

  private LocalClusterSpec spec() {
    return LocalClusterSpec.allocate(work, 2, zk.getConnectString(), TimingProfile.FAST).withFencingMethods("shell(true)");
  }

  private int run(LocalClusterSpec spec, String... more) throws Exception {
    spec.writeConf();
    String[] args = new String[more.length + 4];
    args[0] = "--conf";
    args[1] = spec.confDir().toString();
    args[2] = "--id";
    args[3] = "nn1";
    System.arraycopy(more, 0, args, 4, more.length);
    return main("n\n").run(args, new CountDownLatch(0), false);
  }

  private ZkfcMain main(String stdin) {
    return new ZkfcMain(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
        StandardCharsets.UTF_8), new BufferedReader(new StringReader(stdin)));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badArgumentsAreAUsageError() {
    assertThat(main("").run(new String[] {"--bogus"}, new CountDownLatch(0), false)).isEqualTo(ZkfcMain.USAGE);
    assertThat(err()).isEqualTo("baton zkfc: unknown argument '--bogus'\n" + ZkfcMain.USAGE_TEXT + "\n");
    err.reset();
    assertThat(main("").run(new String[] {"-force"}, new CountDownLatch(0), false)).isEqualTo(ZkfcMain.USAGE);
    assertThat(err()).startsWith("baton zkfc: -force and -nonInteractive only go with -formatZK\n");
    err.reset();
    assertThat(main("").run(new String[] {"--conf", work.resolve("nope").toString()}, new CountDownLatch(0), false))
        .isEqualTo(ZkfcMain.USAGE);
    assertThat(err()).isEqualTo("baton zkfc: --conf " + work.resolve("nope") + " is not a folder\n");
  }

  @Test
  void automaticFailoverOffIsExitFive() throws Exception {
    assertThat(run(spec().withHadoopKeys(Map.of("dfs.ha.automatic-failover.enabled.ns1", "false"))))
        .isEqualTo(ZkfcMain.AUTO_FAILOVER_NOT_ENABLED);
    assertThat(err()).isEqualTo("Automatic failover is not enabled for ns1. Set dfs.ha.automatic-failover.enabled.ns1"
        + "=true in hdfs-site.xml to run the failover controller.\n");
  }

  @Test
  void noZooKeeperIsExitSix() throws Exception {
    int closed = LoopbackPorts.free();
    LocalClusterSpec spec = spec().withHadoopKeys(Map.of("ha.zookeeper.quorum", "127.0.0.1:" + closed,
        "ha.zookeeper.session-timeout.ms", "2000"));
    assertThat(run(spec)).isEqualTo(ZkfcMain.NO_ZK);
    assertThat(err()).isEqualTo("Unable to start failover controller. Unable to connect to ZooKeeper quorum at "
        + "127.0.0.1:" + closed + ". Please check the configured value for ha.zookeeper.quorum and ensure that "
        + "ZooKeeper is running.\n");
  }

  @Test
  void missingQuorumIsExitSixAndNamesTheKey() throws Exception {
    assertThat(run(spec().withHadoopKeys(Map.of("ha.zookeeper.quorum", "")))).isEqualTo(ZkfcMain.NO_ZK);
    assertThat(err()).startsWith("Unable to start failover controller: 1 configuration problem").contains(
        "ha.zookeeper.quorum");
  }

  @Test
  void missingOrBadFencingIsExitFour() throws Exception {
    assertThat(run(spec().withFencingMethods(""))).isEqualTo(ZkfcMain.NO_FENCER);
    assertThat(err()).contains("dfs.ha.fencing.methods");
    err.reset();
    assertThat(run(spec().withFencingMethods("shell()"))).isEqualTo(ZkfcMain.NO_FENCER);
    assertThat(err()).contains("dfs.ha.fencing.methods");
  }

  @Test
  void formatZkAndParentZnodeRules() throws Exception {
    LocalClusterSpec spec = spec();
    assertThat(run(spec)).isEqualTo(ZkfcMain.NO_PARENT_ZNODE);
    assertThat(err()).isEqualTo("Unable to start failover controller. Parent znode /hadoop-ha/ns1 does not exist.\n"
        + "Run 'baton zkfc --conf " + spec.confDir() + " -formatZK' to initialize ZooKeeper.\n");
    assertThat(run(spec, "-formatZK", "-nonInteractive")).isEqualTo(ZkfcMain.OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Successfully created /hadoop-ha/ns1 in ZooKeeper.");
    assertThat(run(spec, "-formatZK", "-nonInteractive")).isEqualTo(ZkfcMain.FORMAT_DENIED);
    assertThat(run(spec, "-formatZK")).isEqualTo(ZkfcMain.FORMAT_DENIED); // answered "n"
    assertThat(run(spec, "-formatZK", "-force")).isEqualTo(ZkfcMain.OK);
  }

  @Test
  void aTokenFileOthersCanReadStopsTheControllerBeforeItStarts() throws Exception {
    LocalClusterSpec spec = spec();
    assertThat(run(spec, "-formatZK", "-nonInteractive")).isEqualTo(ZkfcMain.OK);
    Files.writeString(spec.adminTokenFile(), "secret\n");
    Files.setPosixFilePermissions(spec.adminTokenFile(), PosixFilePermissions.fromString("rw-r-----"));
    assertThat(run(spec)).isEqualTo(ZkfcMain.FAILED);
    assertThat(err()).isEqualTo("baton zkfc: nn1: the admin token file " + spec.adminTokenFile() + " is readable by "
        + "other users (rw-r-----); run 'chmod 600 " + spec.adminTokenFile() + "' (controller.admin-token-file)\n");
  }

  @Test
  void runsUntilStoppedAndServesTheAdminApi() throws Exception {
    LocalClusterSpec spec = spec();
    assertThat(run(spec, "-formatZK", "-nonInteractive")).isEqualTo(ZkfcMain.OK);
    CountDownLatch stop = new CountDownLatch(1);
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exit = thread.submit(() -> main("").run(new String[] {"--conf", spec.confDir().toString(),
          "--id", "nn1"}, stop, false));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      URI status = URI.create(spec.adminUrl("nn1") + "/v1/status");
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> http.send(
          HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
      String body = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      // no NameNode runs: the controller waits outside the election
      assertThat(body).contains("\"nodeId\":\"nn1\"").contains("\"health\":\"NOT_RESPONDING\"")
          .contains("\"inElection\":false");
      HttpResponse<String> drill = http.send(HttpRequest.newBuilder(URI.create(spec.adminUrl("nn1")
          + "/v1/fencing-drill")).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
          .header("Authorization", spec.adminAuthorization())
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(drill.statusCode()).isEqualTo(200);
      assertThat(Files.getPosixFilePermissions(spec.adminTokenFile()))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(drill.body()).contains("\"target\":\"nn2\"", "\"method\":\"shell\"");
      stop.countDown();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ZkfcMain.OK);
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void aTakenPortIsAnErrorNamingItsKey() throws Exception {
    LocalClusterSpec spec = spec();
    assertThat(run(spec, "-formatZK", "-nonInteractive")).isEqualTo(ZkfcMain.OK);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", spec.namenode("nn1").adminPort()));
      err.reset();
      assertThat(run(spec)).isEqualTo(ZkfcMain.FAILED);
      assertThat(err()).startsWith("baton zkfc: ns1.nn1: the admin port 127.0.0.1:" + spec.namenode("nn1").adminPort()
          + " is in use (admin-port, by default dfs.ha.zkfc.port + 71)").doesNotContain("Exception");
    }
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", spec.namenode("nn1").controllerPort()));
      err.reset();
      assertThat(run(spec)).isEqualTo(ZkfcMain.FAILED);
      assertThat(err()).startsWith("baton zkfc: ns1.nn1: the controller port 127.0.0.1:"
          + spec.namenode("nn1").controllerPort() + " is in use (dfs.ha.zkfc.port.ns1.nn1)");
    }
  }

  @Test
  void formatZkWithAnAclZooKeeperRefusesNamesTheKeyNotAStackTrace() throws Exception {
    LocalClusterSpec spec = spec().withHadoopKeys(Map.of("ha.zookeeper.acl", "ip:300.1.2.3:rwcda"));
    err.reset();
    assertThat(run(spec, "-formatZK", "-nonInteractive")).isEqualTo(ZkfcMain.FAILED);
    assertThat(err()).startsWith("baton zkfc: ns1.nn1: ZooKeeper refused the ACL 'ip:300.1.2.3:rwcda' of"
        + " ha.zookeeper.acl").doesNotContain("Exception");
  }

  @Test
  void aMalformedAclStopsAtLoadNamingTheKey() throws Exception {
    err.reset();
    assertThat(run(spec().withHadoopKeys(Map.of("ha.zookeeper.acl", "nonsense")), "-formatZK", "-nonInteractive"))
        .isEqualTo(ZkfcMain.FAILED);
    assertThat(err()).contains("ha.zookeeper.acl: ACL 'nonsense' not of expected form").doesNotContain("\tat ");
  }
}
