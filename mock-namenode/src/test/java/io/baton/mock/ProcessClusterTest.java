package io.baton.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.mock.check.CheckMain;
import io.baton.mock.check.HistoryChecker;
import io.baton.mock.check.HistoryFiles;
import io.baton.mock.check.JournalSource;
import io.baton.mock.check.Verdict;
import io.baton.mock.check.Violation;
import io.baton.mock.client.FailoverClient;
import io.baton.mock.client.HistoryRecord;
import io.baton.mock.client.HistoryWriter;
import io.baton.mock.client.NameNodeEndpoint;
import io.baton.mock.client.Workload;
import io.baton.mock.journal.JournalNodeMain;
import io.baton.mock.journal.JournalRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceProtocol.StateChangeRequestInfo;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolClientSideTranslatorPB;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real processes from one conf folder: a journal node and two mock NameNodes, switched by Hadoop's own IPC
 * client, with the workload and the checker. Includes the negative control (epoch check off + zombie).
 */
class ProcessClusterTest {
  private static final Logger log = LoggerFactory.getLogger(ProcessClusterTest.class);
  private static final StateChangeRequestInfo ZKFC = new StateChangeRequestInfo(RequestSource.REQUEST_BY_ZKFC);

  @TempDir Path dir;
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private ConfFolder conf;
  /** The journal node's HTTP API; the shared edits name its QJournalProtocol port. */
  private final int journalHttpPort = TestConf.freePort();

  @AfterEach
  void stopAll() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  private ChildJvm journal(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--conf", conf.dir.toString(), "--http-port",
        Integer.toString(journalHttpPort)));
    args.addAll(List.of(extra));
    ChildJvm jn = ChildJvm.start("journalnode", dir, JournalNodeMain.class, args.toArray(String[]::new));
    cleanup.add(jn);
    Duration up = jn.awaitHttp(journalUrl() + "/status", Duration.ofSeconds(90));
    log.info("test: journal node answering after {} ms", up.toMillis());
    return jn;
  }

  private ChildJvm nameNode(int i) throws Exception {
    ChildJvm nn = ChildJvm.start("nn" + (i + 1), dir, NameNodeMain.class, "--conf", conf.dir.toString(),
        "--id", "nn" + (i + 1), "--tail-period", "100ms");
    cleanup.add(nn);
    Duration up = nn.awaitHttp(http(i) + "/status", Duration.ofSeconds(90));
    log.info("test: nn{} answering after {} ms", i + 1, up.toMillis());
    return nn;
  }

  private String journalUrl() {
    return "http://127.0.0.1:" + journalHttpPort + "/journal/ns1";
  }

  private String http(int i) {
    return "http://127.0.0.1:" + conf.httpPorts[i];
  }

  private HAServiceProtocolClientSideTranslatorPB ipc(int i) throws Exception {
    Configuration hc = new Configuration();
    hc.setInt("ipc.client.connect.max.retries", 0);
    var c = new HAServiceProtocolClientSideTranslatorPB(new InetSocketAddress("127.0.0.1", conf.rpcPorts[i]), hc,
        javax.net.SocketFactory.getDefault(), 10_000);
    cleanup.add(c::close);
    return c;
  }

  /** Retries for up to about 2 s per operation, so a manual switch is ridden through. */
  private FailoverClient client(String id, int... nns) {
    return clientWithAttempts(id, 40, nns);
  }

  private FailoverClient clientWithAttempts(String id, int attempts, int... nns) {
    List<NameNodeEndpoint> endpoints = new ArrayList<>();
    for (int i : nns) {
      endpoints.add(new NameNodeEndpoint("nn" + (i + 1), URI.create(http(i) + "/")));
    }
    return new FailoverClient(id, endpoints, new FailoverClient.Options(Duration.ofMillis(500), Duration.ofSeconds(2), attempts,
        Duration.ofMillis(100)), Clock.systemUTC());
  }

  @Test
  void manualSwitchUnderWorkloadIsCleanAndTheJournalSurvivesARestart() throws Exception {
    conf = new ConfFolder(dir, true);
    ChildJvm jn = journal();
    ChildJvm nn1Process = nameNode(0);
    nameNode(1);
    var nn1 = ipc(0);
    var nn2 = ipc(1);
    nn1.transitionToActive(ZKFC);
    Path history = dir.resolve("history.jsonl");
    try (HistoryWriter writer = new HistoryWriter(history);
        Workload w = new Workload("c1", client("c1", 0, 1), 100, Optional.empty(), Optional.of(150L), writer::write,
            Clock.systemUTC())) {
      w.start();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> w.stats().ok() >= 40);
      Instant switchAt = Instant.now();
      long t0 = System.nanoTime();
      nn1.transitionToStandby(ZKFC);
      nn2.transitionToActive(ZKFC);
      log.info("test: manual switch nn1 -> nn2 took {} ms", (System.nanoTime() - t0) / 1_000_000);
      Instant switched = Instant.now();
      // Writes invoked during the switch may still be acknowledged by nn1; after it, only nn2 acknowledges.
      Optional<HistoryRecord> first = w.awaitFirstAckAfter(switched, Duration.ofSeconds(20));
      assertThat(first).isPresent();
      assertThat(first.get().nameNode()).isEqualTo("nn2");
      log.info("test: first acknowledged write after the switch began completed {} ms after it began",
          Duration.between(switchAt, w.firstAckAfter(switchAt).orElseThrow().completeTime()).toMillis());
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> w.stats().total() == 150);
      w.stop();
      assertThat(w.stats().unknown()).isZero();
      assertThat(w.stats().ok()).isGreaterThanOrEqualTo(145); // a very slow switch may exhaust an op's retries
    }
    assertThat(nn1.getServiceStatus().getState()).isEqualTo(HAServiceState.STANDBY);
    assertThat(nn2.getServiceStatus().getState()).isEqualTo(HAServiceState.ACTIVE);

    List<HistoryRecord> ops = HistoryFiles.read(history);
    List<JournalRecord> records = JournalSource.fromUrl(URI.create(journalUrl()), Duration.ofSeconds(5));
    Verdict verdict = HistoryChecker.check(ops, records);
    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.epochs()).containsOnlyKeys(1L, 2L);
    // The standby tails the journal: nn1 reaches the active's last txid.
    long last = records.get(records.size() - 1).txid();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(http(0) + "/status").json()
        .path("lastTxId").asLong() == last);

    jn.close();
    journal();
    assertThat(JournalSource.fromUrl(URI.create(journalUrl()), Duration.ofSeconds(5))).isEqualTo(records);
    assertThat(Http.get(journalUrl() + "/status").json().path("promisedEpoch").asLong()).isEqualTo(2);
    assertThat(runCheck("--history", history.toString(), "--journal", conf.editsDir.toString())).isZero();

    // The crash fault halts the process at once with its own exit code. The 200 is sent first, but on a loaded
    // machine the halt may win the race with the response (as a kill -9 would): the exit code is the contract.
    // (NameNodeHttpTest asserts the 200 where the crash is harmless.)
    try {
      assertThat(Http.post(http(0) + "/v1/faults", "{\"fault\":\"crash\"}").status()).isEqualTo(200);
    } catch (java.io.IOException connectionClosedByTheHalt) {
      // expected sometimes; the process must still exit with 99 below
    }
    assertThat(nn1Process.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(nn1Process.process.exitValue()).isEqualTo(99);
  }

  @Test
  void negativeControlZombieWithTheEpochCheckOffIsCaughtByTheChecker() throws Exception {
    Verdict unsafe = zombieRun(false);
    assertThat(unsafe.clean()).isFalse();
    assertThat(unsafe.countsByKind()).containsKeys(Violation.Kind.STALE_EPOCH_IN_JOURNAL,
        Violation.Kind.SPLIT_BRAIN_STALE_EPOCH, Violation.Kind.DUPLICATE_TXID);
  }

  @Test
  void zombieWithTheEpochCheckOnIsStoppedByTheJournal() throws Exception {
    Verdict safe = zombieRun(true);
    assertThat(safe.violations()).isEmpty();
    assertThat(Http.get(http(0) + "/status").json().path("state").asText()).isEqualTo("standby");
    assertThat(Http.get(http(0) + "/status").json().path("fencedReason").asText()).contains("stale_epoch");
  }

  /** nn1 active, turned zombie, "demoted"; nn2 promoted; one client stays on nn1, one on nn2. */
  private Verdict zombieRun(boolean epochCheck) throws Exception {
    conf = new ConfFolder(dir, true);
    if (epochCheck) {
      journal();
    } else {
      journal("--unsafe-no-epoch-check");
    }
    nameNode(0);
    nameNode(1);
    var nn1 = ipc(0);
    var nn2 = ipc(1);
    nn1.transitionToActive(ZKFC);
    assertThat(Http.post(http(0) + "/v1/faults", "{\"fault\":\"zombie\"}").status()).isEqualTo(200);
    nn1.transitionToStandby(ZKFC);
    assertThat(nn1.getServiceStatus().getState()).isEqualTo(HAServiceState.STANDBY);
    nn2.transitionToActive(ZKFC);
    Path h1 = dir.resolve("stuck-on-nn1.jsonl");
    Path h2 = dir.resolve("on-nn2.jsonl");
    // Workloads close (stop) before their history writers.
    try (HistoryWriter w1 = new HistoryWriter(h1); HistoryWriter w2 = new HistoryWriter(h2);
        Workload a = new Workload("a", clientWithAttempts("a", 2, 0), 50, Optional.empty(), Optional.of(20L), w1::write,
            Clock.systemUTC());
        Workload b = new Workload("b", client("b", 1), 50, Optional.empty(), Optional.of(20L), w2::write,
            Clock.systemUTC())) {
      a.start();
      b.start();
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> a.stats().total() == 20 && b.stats().total() == 20);
      assertThat(b.stats().ok()).isEqualTo(20);
      assertThat(a.stats().ok()).isEqualTo(epochCheck ? 0 : 20);
    }
    int exit = runCheck("--history", h1.toString(), "--history", h2.toString(), "--journal-url", journalUrl());
    assertThat(exit).isEqualTo(epochCheck ? 0 : 1);
    List<HistoryRecord> ops = new ArrayList<>(HistoryFiles.read(h1));
    ops.addAll(HistoryFiles.read(h2));
    return HistoryChecker.check(ops, JournalSource.fromDirectory(conf.editsDir));
  }

  private static int runCheck(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CheckMain.run(args, new PrintStream(out, true), new PrintStream(err, true));
    log.info("test: baton check {} -> exit {}\n{}{}", String.join(" ", args), code, out, err);
    return code;
  }
}
