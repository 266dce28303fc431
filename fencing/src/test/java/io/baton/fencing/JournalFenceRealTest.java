package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.HostPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.qjournal.protocol.RequestInfo;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolTranslatorPB;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;
import org.apache.hadoop.ipc.RemoteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * journal fencing against three real Hadoop JournalNodes (child JVMs) over QJournalProtocol. The namespace comes
 * from a {@link VersionRequestServer} in nn2's place (nn2 is the local NameNode, nn1 the target). A JournalNode
 * that is down is a closed port in the shared edits; each test formats its own journal.
 */
class JournalFenceRealTest {
  private static final NamespaceInfo NAMESPACE = new NamespaceInfo(4242, "CID-baton-test", "BP-1-127.0.0.1-1", 0L);
  private static final AtomicInteger JOURNALS = new AtomicInteger();

  @TempDir static Path dir;
  private static RealJournalNodes jns;
  private static VersionRequestServer nn2;
  private static final HadoopIpc IPC = new HadoopIpc(new Configuration(false));

  @BeforeAll
  static void start() throws IOException {
    jns = RealJournalNodes.start(dir, 3);
    nn2 = new VersionRequestServer(NAMESPACE);
  }

  @AfterAll
  static void stop() {
    if (nn2 != null) {
      nn2.close();
    }
    if (jns != null) {
      jns.close();
    }
  }

  private static String formattedJournal() throws IOException {
    String id = "journal" + JOURNALS.incrementAndGet();
    jns.format(id, "ns1", NAMESPACE);
    return id;
  }

  private static TestDeployment deployment(List<HostPort> nodes, String journalId, Duration methodTimeout) {
    TestDeployment t = TestDeployment.with("journal").withJournal(nodes, journalId)
        .timeouts(methodTimeout, methodTimeout.multipliedBy(2));
    t.nn2Port = nn2.address().port();
    return t;
  }

  private static FenceAttempt fence(List<HostPort> nodes, String journalId) throws Exception {
    TestDeployment t = deployment(nodes, journalId, Duration.ofSeconds(10));
    return t.chain().fence(FenceRequest.of(t.nn1())).attempts().get(0);
  }

  private static HostPort closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new HostPort("127.0.0.1", s.getLocalPort());
    }
  }

  private static List<HostPort> withDown(int down) throws IOException {
    List<HostPort> nodes = new ArrayList<>(jns.addresses());
    for (int i = 0; i < down; i++) {
      nodes.set(i, closedPort());
    }
    return nodes;
  }

  @Test
  void allUpPromiseTheNextEpochAndEachFenceClaimsAHigherOne() throws Exception {
    String journal = formattedJournal();
    assertThat(jns.promisedEpochs(journal, "ns1")).containsExactly(0L, 0L, 0L);

    FenceAttempt first = fence(jns.addresses(), journal);
    assertThat(first.outcome()).isEqualTo(FenceOutcome.FENCED);
    assertThat(first.reason()).matches("[23] of 3 journal nodes \\(majority 2\\) promised epoch 1 for journal "
        + journal + "; a writer with an older epoch can no longer write to it");
    assertThat(first.outputHead()).filteredOn(l -> l.matches("getJournalState 127\\.0\\.0\\.1:\\d+ lastPromisedEpoch 0"))
        .hasSizeBetween(2, 3);

    FenceAttempt second = fence(jns.addresses(), journal);
    assertThat(second.reason()).contains("promised epoch 2 for journal " + journal);
    // a majority is enough to return; the third node got the call too, so it promises as well
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> jns.promisedEpochs(journal, "ns1").equals(List.of(2L, 2L, 2L)));
  }

  @Test
  void oneJournalNodeDownIsStillAMajority() throws Exception {
    String journal = formattedJournal();
    List<HostPort> nodes = withDown(1);
    FenceAttempt a = fence(nodes, journal);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.FENCED);
    assertThat(a.reason()).startsWith("2 of 3 journal nodes (majority 2) promised epoch 1");
    assertThat(a.outputHead()).contains("getJournalState " + nodes.get(0) + " connection refused");
  }

  @Test
  void twoJournalNodesDownIsUnreachableNamingBoth() throws Exception {
    String journal = formattedJournal();
    List<HostPort> nodes = withDown(2);
    FenceAttempt a = fence(nodes, journal);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.UNREACHABLE);
    assertThat(a.reason()).startsWith("not fenced: 1 of 3 journal nodes (majority 2) answered for the journal state"
        + " of journal " + journal + ": ")
        .contains(nodes.get(0) + " connection refused", nodes.get(1) + " connection refused");
    assertThat(jns.promisedEpochs(journal, "ns1")).containsExactly(0L, 0L, 0L);
  }

  @Test
  void aJournalIdTheJournalNodesDoNotHaveFailsNamingIt() throws Exception {
    FenceAttempt a = fence(jns.addresses(), "nosuchjournal");
    assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
    assertThat(a.reason()).contains("of journal nosuchjournal: ").contains("JournalNotFormattedException");
  }

  @Test
  void aNamespaceTheJournalDoesNotHoldFailsNamingIt() throws Exception {
    String journal = formattedJournal();
    NamespaceInfo other = new NamespaceInfo(777, "CID-other", "BP-2-127.0.0.1-2", 0L);
    try (VersionRequestServer wrongNn = new VersionRequestServer(other)) {
      TestDeployment t = deployment(jns.addresses(), journal, Duration.ofSeconds(10));
      t.nn2Port = wrongNn.address().port();
      FenceAttempt a = t.chain().fence(FenceRequest.of(t.nn1())).attempts().get(0);
      assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
      assertThat(a.reason()).contains("not fenced: 0 of 3 journal nodes").contains("Incompatible namespaceID");
    }
    assertThat(jns.promisedEpochs(journal, "ns1")).containsExactly(0L, 0L, 0L);
  }

  @Test
  void noNameNodeGivingTheNamespaceIsUnreachable() throws Exception {
    String journal = formattedJournal();
    TestDeployment t = deployment(jns.addresses(), journal, Duration.ofSeconds(10));
    t.nn2Port = closedPort().port();
    FenceAttempt a = t.chain().fence(FenceRequest.of(t.nn1())).attempts().get(0);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.UNREACHABLE);
    assertThat(a.reason()).startsWith("no NameNode of the nameservice gave its namespace (versionRequest)")
        .contains("127.0.0.1:" + t.nn2Port + " connection refused", "127.0.0.1:18020 connection refused");
  }

  @Test
  void theOldWriterIsRefusedAfterFencingAndTheNextWriterIsNot() throws Exception {
    String journal = formattedJournal();
    // the old active claimed epoch 1 and writes with it (a heartbeat carries the writer's epoch like a write)
    for (HostPort jn : jns.addresses()) {
      onJournal(jn, p -> p.newEpoch(journal, "ns1", NAMESPACE, 1));
      onJournal(jn, p -> {
        p.heartbeat(new RequestInfo(journal, "ns1", 1, 1, 0));
        return null;
      });
    }
    assertThat(fence(jns.addresses(), journal).reason()).contains("promised epoch 2");

    for (HostPort jn : jns.addresses().subList(0, 2)) {
      assertThatThrownBy(() -> onJournal(jn, p -> {
        p.journal(new RequestInfo(journal, "ns1", 1, 2, 0), 1, 1, 0, new byte[0]);
        return null;
      })).isInstanceOf(RemoteException.class).hasMessageContaining("less than the last promised epoch 2");
    }
    // the new active claims its own, higher epoch (transitionToActive): the fence did not block it
    for (HostPort jn : jns.addresses()) {
      assertThat((Object) onJournal(jn, p -> p.newEpoch(journal, "ns1", NAMESPACE, 3))).isNotNull();
    }
  }

  @Test
  void aFrozenJournalNodeDoesNotDelayTheFence() throws Exception {
    String journal = formattedJournal();
    jns.freeze(2, true);
    try {
      long t0 = System.nanoTime();
      FenceAttempt a = fence(jns.addresses(), journal);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(a.outcome()).isEqualTo(FenceOutcome.FENCED);
      assertThat(a.reason()).startsWith("2 of 3 journal nodes (majority 2) promised epoch 1");
      assertThat(a.outputHead()).contains("newEpoch 1 " + jns.addresses().get(2)
          + " not waited for (a majority had answered)");
      assertThat(took).isLessThan(Duration.ofSeconds(5)); // the method timeout is 10 s
    } finally {
      jns.freeze(2, false);
    }
  }

  /** The honest alternative to shell(/bin/true): a dead host is UNREACHABLE, and the journal fences its storage. */
  @Test
  void sshfenceToASilentHostIsUnreachableAndJournalFencesTheStorage() throws Exception {
    String journal = formattedJournal();
    try (ServerSocket silentHost = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      TestDeployment t = deployment(jns.addresses(), journal, Duration.ofSeconds(8));
      t.methods = "sshfence(hdfs:" + silentHost.getLocalPort() + ")\njournal";
      t.sshConnectTimeout = Duration.ofSeconds(1);
      t.keys = List.of(Sshd.keygen(dir.resolve("id_ed25519")));

      FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));

      assertThat(report.fenced()).isTrue();
      assertThat(report.attempts()).extracting(FenceAttempt::method, FenceAttempt::outcome).containsExactly(
          org.assertj.core.groups.Tuple.tuple("sshfence", FenceOutcome.UNREACHABLE),
          org.assertj.core.groups.Tuple.tuple("journal", FenceOutcome.FENCED));
      assertThat(report.attempts().get(0).reason()).isEqualTo("no answer from 127.0.0.1:"
          + silentHost.getLocalPort() + " within 1000 ms (connect timeout)");
      assertThat(report.summary()).matches("fenced nn1 by journal in \\d+ ms");
      assertThat(jns.promisedEpochs(journal, "ns1")).contains(1L);
    }
  }

  @Test
  void theDrillReadsEveryJournalNodeAndPromisesNothing() throws Exception {
    String journal = formattedJournal();
    DrillResult up = deployment(withDown(1), journal, Duration.ofSeconds(10)).chain().drill().results().get(0);
    assertThat(up.passed()).isTrue();
    assertThat(up.detail()).startsWith("2 of 3 journal nodes (majority 2) of qjournal://").contains("connection refused");
    assertThat(jns.promisedEpochs(journal, "ns1")).containsExactly(0L, 0L, 0L);

    List<HostPort> twoDown = withDown(2);
    DrillResult down = deployment(twoDown, journal, Duration.ofSeconds(10)).chain().drill().results().get(0);
    assertThat(down.passed()).isFalse();
    assertThat(down.detail()).contains(twoDown.get(0) + " connection refused", twoDown.get(1) + " connection refused");

    DrillResult wrongJournal = deployment(jns.addresses(), "nosuchjournal", Duration.ofSeconds(10)).chain().drill()
        .results().get(0);
    assertThat(wrongJournal.passed()).isFalse();
    assertThat(wrongJournal.detail()).contains("JournalNotFormattedException");
  }

  @FunctionalInterface
  private interface JournalCall<T> {
    T call(QJournalProtocolTranslatorPB p) throws IOException;
  }

  private static <T> T onJournal(HostPort jn, JournalCall<T> call) throws IOException {
    QJournalProtocolTranslatorPB p = IPC.journal(jn, 10_000);
    try {
      return call.call(p);
    } finally {
      HadoopIpc.close(p);
    }
  }
}
