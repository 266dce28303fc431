package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.baton.config.HostPort;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** journal: storage fencing against stub journal nodes; fenced = a majority promised a new epoch. */
class JournalFenceMethodTest {
  private final List<JournalStub> stubs = new ArrayList<>();

  @AfterEach
  void stop() {
    stubs.forEach(JournalStub::close);
  }

  private List<HostPort> start(JournalStub.Mode... modes) throws IOException {
    List<HostPort> addresses = new ArrayList<>();
    for (JournalStub.Mode m : modes) {
      JournalStub s = new JournalStub(m);
      stubs.add(s);
      addresses.add(s.address());
    }
    return addresses;
  }

  private static HostPort closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return new HostPort("127.0.0.1", s.getLocalPort());
    }
  }

  private static FencingReport fence(List<HostPort> nodes, Duration methodTimeout) throws Exception {
    TestDeployment t = TestDeployment.with("journal").withJournal(nodes).timeouts(methodTimeout,
        methodTimeout.multipliedBy(2));
    return t.chain().fence(FenceRequest.of(t.nn1()));
  }

  @Test
  void allJournalNodesPromiseANewEpoch() throws Exception {
    List<HostPort> nodes = start(JournalStub.Mode.ACCEPT, JournalStub.Mode.ACCEPT, JournalStub.Mode.ACCEPT);
    FencingReport report = fence(nodes, Duration.ofSeconds(5));

    assertThat(report.fenced()).isTrue();
    assertThat(report.attempts().get(0).reason()).matches("[23] of 3 journal nodes \\(majority 2\\) promised epoch 7"
        + " for ns1; the old writer can no longer append");
    // sent to all three in parallel: the first node may record it after a majority has already answered
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stubs.get(0).requests)
        .containsExactly("POST /journal/ns1/fence {\"fencedBy\":\"ns1.nn2\",\"target\":\"nn1\"}"));
    // the third answer may not have been waited for: a majority is enough
    assertThat(report.attempts().get(0).outputHead()).filteredOn(l -> l.endsWith(": promisedEpoch 7"))
        .hasSizeBetween(2, 3);
  }

  @Test
  void aMajorityIsEnoughAndASlowNodeIsNotWaitedFor() throws Exception {
    List<HostPort> nodes = start(JournalStub.Mode.HANG, JournalStub.Mode.ACCEPT, JournalStub.Mode.ACCEPT);
    FencingReport report = fence(nodes, Duration.ofSeconds(10));

    assertThat(report.fenced()).isTrue();
    assertThat(report.took()).isLessThan(Duration.ofSeconds(3));
    assertThat(report.attempts().get(0).reason()).startsWith("2 of 3 journal nodes (majority 2) promised epoch 7");
  }

  @Test
  void aMinorityIsNotFenced() throws Exception {
    List<HostPort> nodes = start(JournalStub.Mode.ACCEPT, JournalStub.Mode.REJECT);
    nodes.add(closedPort());
    FencingReport report = fence(nodes, Duration.ofSeconds(5));

    assertThat(report.fenced()).isFalse();
    FenceAttempt a = report.attempts().get(0);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
    assertThat(a.reason()).startsWith("1 of 3 journal nodes (majority 2) accepted: ")
        .contains(nodes.get(0) + " promisedEpoch 7")
        .contains(nodes.get(1) + " HTTP 503 NotFormatted: journal ns1 is not formatted")
        .contains(nodes.get(2) + " connection refused");
  }

  @Test
  void noJournalNodeReachableIsUnreachable() throws Exception {
    List<HostPort> nodes = List.of(closedPort(), closedPort(), closedPort());
    FenceAttempt a = fence(nodes, Duration.ofSeconds(15)).attempts().get(0);
    assertThat(a.outcome()).isEqualTo(FenceOutcome.UNREACHABLE);
    assertThat(a.reason()).isEqualTo("0 of 3 journal nodes (majority 2) accepted: " + String.join("; ",
        nodes.stream().map(n -> n + " connection refused").toList()));
  }

  @Test
  void hangingJournalNodesTimeOutWithinTheMethodTimeout() throws Exception {
    List<HostPort> nodes = start(JournalStub.Mode.HANG, JournalStub.Mode.HANG, JournalStub.Mode.ACCEPT);
    long start = System.nanoTime();
    FenceAttempt a = fence(nodes, Duration.ofMillis(3000)).attempts().get(0);
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(a.outcome()).isEqualTo(FenceOutcome.FAILED);
    assertThat(a.reason()).startsWith("1 of 3 journal nodes (majority 2) accepted: ").contains("no answer within");
    assertThat(tookMs).isBetween(2_500L, 4_500L);
  }

  @Test
  void drillReadsStatusAndFencesNothing() throws Exception {
    List<HostPort> nodes = start(JournalStub.Mode.ACCEPT, JournalStub.Mode.ACCEPT);
    nodes.add(closedPort());
    TestDeployment t = TestDeployment.with("journal").withJournal(nodes);
    DrillResult r = t.chain().drill().results().get(0);

    assertThat(r.passed()).isTrue();
    assertThat(r.detail()).startsWith("2 of 3 journal nodes of qjournal://" + nodes.get(0) + ";" + nodes.get(1) + ";"
        + nodes.get(2) + "/ns1 answered (majority 2): ").contains("promisedEpoch 6, lastTxId 42");
    assertThat(Stream.concat(stubs.get(0).requests.stream(), stubs.get(1).requests.stream()))
        .allMatch(req -> req.startsWith("GET /journal/ns1/status"));

    stubs.get(1).mode = JournalStub.Mode.REJECT;
    assertThat(t.chain().drill().allPassed()).isFalse();
  }
}
