package io.baton.chaos.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.chaos.event.EventLog;
import io.baton.chaos.run.ChaosSession;
import io.baton.chaos.run.RunSettings;
import io.baton.chaos.schedule.ClusterSetup;
import io.baton.chaos.verdict.Checker;
import io.baton.chaos.verdict.CheckerVerdict;
import io.baton.chaos.verdict.Histories;
import io.baton.worlds.mock.LocalCluster;
import io.baton.worlds.process.Signal;
import io.baton.worlds.TimingProfile;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceProtocol.StateChangeRequestInfo;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolClientSideTranslatorPB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's plumbing without controllers: real journal, NameNodes and client processes, the client links
 * through proxies (a cut stops writes, the heal resumes them), NameNode faults over HTTP, restart, and the checker.
 */
class ChaosClusterPlumbingTest {

  /**
   * Sends {@code signal} to the next NameNode process with that id that this JVM starts (found among this JVM's
   * children by PID, never by name), as soon as it appears: a fence that comes while the NameNode starts.
   */
  private static Thread killNextStart(String id, long notThisPid, Signal signal) {
    Thread t = new Thread(() -> {
      ProcessHandle started = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2))
          .until(() -> ProcessHandle.current().children().filter(p -> p.pid() != notThisPid)
              .filter(p -> {
                String cmd = commandLine(p.pid()); // ProcessHandle.Info cuts long command lines at 4 KB
                return cmd.contains(LocalCluster.NAMENODE_MAIN) && cmd.endsWith("--id " + id);
              })
              .findFirst().orElse(null), java.util.Objects::nonNull);
      if (signal == Signal.KILL) {
        started.destroyForcibly();
      } else {
        started.destroy(); // SIGTERM
      }
    }, "fence-" + id);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String commandLine(long pid) {
    try {
      return new String(java.nio.file.Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
          java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ').trim();
    } catch (java.io.IOException e) {
      return ""; // it exited
    }
  }

  @Test
  void workloadThroughProxiesSurvivesACutAndTheCheckerIsClean(@TempDir Path dir) throws Exception {
    RunSettings settings = new RunSettings(dir, TimingProfile.FAST, 20);
    try (ChaosSession session = new ChaosSession(settings, System.out)) {
      EventLog events = new EventLog("plumbing", Clock.systemUTC(), Optional.empty());
      Path run = dir.resolve("plumbing");
      List<Path> histories;
      Path journal;
      try (ChaosCluster cluster = new ChaosCluster("plumbing", run, session.zookeeper(), ClusterSetup.standard(),
          TimingProfile.FAST, events)) {
        cluster.startNameNodes();
        assertThat(cluster.activeNameNodes()).isEmpty();
        int rpc = cluster.spec().namenode("nn1").rpcPort();
        Configuration hc = new Configuration(false);
        hc.setInt("ipc.client.connect.max.retries", 0);
        try (HAServiceProtocolClientSideTranslatorPB nn1 = new HAServiceProtocolClientSideTranslatorPB(
            new InetSocketAddress("127.0.0.1", rpc), hc, javax.net.SocketFactory.getDefault(), 10_000)) {
          nn1.transitionToActive(new StateChangeRequestInfo(RequestSource.REQUEST_BY_ZKFC));
        }
        assertThat(cluster.awaitSingleActive(Duration.ofSeconds(10))).contains("nn1");

        Path workload = cluster.startWorkload(20);
        await().atMost(Duration.ofSeconds(60)).until(() -> Histories.read(List.of(workload)).acknowledged() >= 5);

        cluster.links().orElseThrow().clientsToHost("nn1", true);
        Instant cut = Instant.now();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        Instant heal = Instant.now();
        cluster.links().orElseThrow().clientsToHost("nn1", false);
        // In-flight requests may complete just after the cut; none may complete well inside it.
        assertThat(Histories.read(List.of(workload)).firstAckAfter(cut.plusMillis(700), nn -> true)
            .filter(o -> o.completeTime().isBefore(heal))).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> Histories.read(List.of(workload))
            .firstAckAfter(heal, nn -> true).isPresent());

        cluster.injectNameNodeFault("nn2", "slow=100ms");
        assertThat(cluster.clearNameNodeFaults("nn2")).isTrue();
        long oldPid = cluster.namenode("nn2").pid();
        cluster.restartNameNode("nn2");
        assertThat(cluster.namenode("nn2").pid()).isNotEqualTo(oldPid);
        assertThat(cluster.namenode("nn2").isAlive()).isTrue();

        // A fence (SIGKILL) that hits the restarted NameNode while it starts: the kit starts it once more.
        long beforeFence = cluster.namenode("nn2").pid();
        Thread fence = killNextStart("nn2", beforeFence, Signal.KILL);
        cluster.restartNameNode("nn2");
        fence.join(10_000);
        assertThat(events.events("restart")).singleElement().asString().contains("exit 137");
        assertThat(cluster.namenode("nn2").isAlive()).isTrue();
        // Negative control: any other early exit (SIGTERM: 143) is not a fence and fails the restart.
        Thread term = killNextStart("nn2", cluster.namenode("nn2").pid(), Signal.TERM);
        assertThatThrownBy(() -> cluster.restartNameNode("nn2")).isInstanceOf(IllegalStateException.class);
        term.join(10_000);
        assertThat(events.events("restart")).hasSize(1);
        cluster.restartNameNode("nn2");

        cluster.stopWorkload();
        histories = cluster.histories();
        journal = cluster.journalDir();
      }
      Histories h = Histories.read(histories);
      assertThat(h.operations()).allMatch(o -> !o.ok() || o.nameNode().equals("nn1"));
      CheckerVerdict verdict = Checker.check(histories, journal, run);
      assertThat(verdict.exitCode()).as(verdict.json() + verdict.errors()).isZero();
      assertThat(verdict.violationKinds()).isEmpty();
    }
  }
}
