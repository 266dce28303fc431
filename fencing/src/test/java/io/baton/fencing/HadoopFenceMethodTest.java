package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Existing Hadoop FenceMethod implementations keep working, inside Baton's deadlines. */
class HadoopFenceMethodTest {
  private static final String FENCER = RecordingHadoopFencer.class.getName();

  @BeforeEach
  void reset() {
    RecordingHadoopFencer.CALLS.clear();
    RecordingHadoopFencer.release = new CountDownLatch(1);
  }

  @AfterEach
  void release() {
    RecordingHadoopFencer.release.countDown();
  }

  private static TestDeployment deployment(String methods) {
    TestDeployment t = TestDeployment.with(methods);
    t.hadoopProperties = Map.of("custom.fencer.setting", "from-hdfs-site");
    return t;
  }

  @Test
  void checkArgsRunsAtLoadWithTheConfigurationAndTryFenceGetsTheTarget() throws Exception {
    TestDeployment t = deployment(FENCER + "(refuse)\n" + FENCER + "(ok)");
    FencingChain chain = t.chain();
    assertThat(RecordingHadoopFencer.CALLS)
        .containsExactly("checkArgs(refuse) conf=from-hdfs-site", "checkArgs(ok) conf=from-hdfs-site");

    FencingReport report = chain.fence(FenceRequest.of(t.nn1()));
    assertThat(report.fenced()).isTrue();
    assertThat(report.attempts()).extracting(FenceAttempt::outcome, FenceAttempt::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(FenceOutcome.FAILED, FENCER + ".tryFence returned false"),
        org.assertj.core.groups.Tuple.tuple(FenceOutcome.FENCED, FENCER + ".tryFence returned true"));
    assertThat(RecordingHadoopFencer.CALLS).endsWith("tryFence(refuse) 18020", "tryFence(ok) 18020");
    // as Hadoop's NNHAServiceTarget: the host is the name Java resolves for the configured address
    String host = java.net.InetAddress.getByName("127.0.0.1").getHostName();
    assertThat(RecordingHadoopFencer.lastParameters).containsEntry("host", host)
        .containsEntry("port", "18020").containsEntry("nameserviceid", "ns1").containsEntry("namenodeid", "nn1")
        .hasEntrySatisfying("address", a -> assertThat(a).endsWith("/127.0.0.1:18020"));
  }

  @Test
  void aHangingHadoopFencerIsAbandonedAtItsTimeout() throws Exception {
    TestDeployment t = deployment(FENCER + "(hang)\n" + FENCER + "(ok)")
        .timeouts(Duration.ofMillis(500), Duration.ofSeconds(5));
    FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));
    assertThat(report.attempts()).extracting(FenceAttempt::outcome)
        .containsExactly(FenceOutcome.TIMED_OUT, FenceOutcome.FENCED);
    assertThat(report.took()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void hadoopsOwnShellFencerRunsByClassName() throws Exception {
    TestDeployment t = deployment("org.apache.hadoop.ha.ShellCommandFencer(exit 1)\n"
        + "org.apache.hadoop.ha.ShellCommandFencer(test \"$target_namenodeid\" = nn1)");
    FencingReport report = t.chain().fence(FenceRequest.of(t.nn1()));
    assertThat(report.attempts()).extracting(FenceAttempt::outcome)
        .containsExactly(FenceOutcome.FAILED, FenceOutcome.FENCED);
    assertThat(t.chain().drill().results().get(0).detail()).isEqualTo("arguments accepted by"
        + " org.apache.hadoop.ha.ShellCommandFencer.checkArgs; Hadoop fence methods have no pre-flight check");
  }
}
