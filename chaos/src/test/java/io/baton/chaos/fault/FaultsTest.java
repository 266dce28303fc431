package io.baton.chaos.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private final RecordingCluster cluster = new RecordingCluster();

  @Test
  void hostLossKillsBothAndRestartsTheNameNodeFirst() {
    Fault f = FaultKind.HOST_LOSS.newFault();
    assertThat(f.inject(cluster)).isEqualTo("kill -9 nn1; kill -9 nn1");
    assertThat(f.heal(cluster)).isEqualTo("restarted nn1 and zkfc-nn1");
    assertThat(f.name()).isEqualTo("host-loss(nn1)");
    assertThat(f.victimActive()).contains("nn1");
    assertThat(cluster.actions).containsExactly("KILL NAMENODE nn1", "KILL CONTROLLER nn1", "restart NAMENODE nn1",
        "restart CONTROLLER nn1");
  }

  @Test
  void theZombieHangsIsResumedAfterTheTakeoverProbedAndReplaced() {
    Fault f = FaultKind.ZOMBIE.newFault();
    assertThat(f.inject(cluster)).isEqualTo("nn1 hangs (fault hang) and ignores transitionToStandby (fault zombie)");
    assertThat(f.heal(cluster)).startsWith("nn2 active after ").endsWith(" ms more; nn1 runs again as a zombie, "
        + "probed with 10 fresh writes trying it first, then replaced by a fresh standby");
    assertThat(cluster.actions).containsExactly("fault nn1 zombie", "fault nn1 hang", "clear nn1 hang",
        "probe probe-zombie-nn1 first nn1 x10", "restart NAMENODE nn1");
  }

  @Test
  void aGcPauseIsOnlyStopAndContinue() {
    Fault f = FaultKind.PAUSE_NAMENODE.newFault();
    assertThat(f.inject(cluster)).isEqualTo("SIGSTOP nn1");
    assertThat(f.heal(cluster)).isEqualTo("SIGCONT nn1");
    assertThat(f.name()).isEqualTo("pause-namenode(nn1)");
    assertThat(cluster.actions).containsExactly("STOP NAMENODE nn1", "CONT NAMENODE nn1");
  }

  @Test
  void losingTheQuorumKillsTheLeaderAndOneMore() {
    Fault f = FaultKind.LOSE_ZK_QUORUM.newFault();
    assertThat(f.inject(cluster)).isEqualTo("kill -9 zk2 zk1");
    assertThat(f.heal(cluster)).isEqualTo("restarted zk2 zk1, quorum serving");
    assertThat(cluster.actions).containsExactly("await quorum", "KILL zk2", "KILL zk1", "restart zk2", "restart zk1",
        "await quorum");
  }

  @Test
  void slowTransitionSlowsTheStandbyThenKillsTheActive() {
    Fault f = FaultKind.SLOW_TRANSITION.newFault();
    assertThat(f.inject(cluster)).isEqualTo("nn2 delays every RPC by 1500 ms; kill -9 nn1");
    f.heal(cluster);
    assertThat(cluster.actions).containsExactly("fault nn2 slow=1500ms", "KILL NAMENODE nn1", "clear nn2",
        "restart NAMENODE nn1");
  }

  @Test
  void partitionsCutAndHealTheActivesLinks() {
    Fault zk = FaultKind.PARTITION_ZOOKEEPER.newFault();
    assertThat(zk.inject(cluster)).isEqualTo("cut nn1 <-/-> zookeeper");
    assertThat(zk.heal(cluster)).isEqualTo("healed nn1 <-/-> zookeeper");
    assertThat(cluster.actions).containsExactly("cut nn1 <-> zk", "heal nn1 <-> zk");

    assertThatThrownBy(() -> FaultKind.PARTITION_ONE_WAY.newFault().inject(cluster))
        .isInstanceOf(UnsupportedFaultException.class)
        .hasMessage("partition-one-way needs links between the NameNode hosts, which this cluster does not have");
    cluster.hostLinks = true;
    Fault oneWay = FaultKind.PARTITION_ONE_WAY.newFault();
    assertThat(oneWay.inject(cluster)).isEqualTo("cut nn1 -/-> nn2 (new connections), nn2 -> nn1");
    assertThat(cluster.actions).endsWith("cut nn1 -> nn2");
  }

  @Test
  void asymmetricPartitionsCutOneDirection() {
    Fault zk = FaultKind.PARTITION_ZK_REPLIES.newFault();
    assertThat(zk.inject(cluster)).isEqualTo("cut nn1 -> zookeeper delivered, zookeeper -/-> nn1");
    zk.heal(cluster);
    Fault clients = FaultKind.PARTITION_CLIENT_REPLIES.newFault();
    assertThat(clients.inject(cluster)).isEqualTo("cut clients -> nn1 delivered, nn1 -/-> clients");
    clients.heal(cluster);
    assertThat(cluster.actions).containsExactly("cut zk -/-> nn1", "heal zk -/-> nn1", "cut nn1 -/-> clients",
        "heal nn1 -/-> clients");
  }

  @Test
  void aFailoverAcrossAPeerCutKillsTheControllerInsideTheCutAndHealsInReverse() {
    cluster.hostLinks = true;
    Fault f = FaultKind.PEER_CUT_FAILOVER.newFault();
    assertThat(f.inject(cluster)).isEqualTo("cut nn1 <-/-> nn2; then kill -9 nn1");
    assertThat(f.name()).isEqualTo("peer-cut-failover(nn1)");
    assertThat(f.victimActive()).contains("nn1");
    assertThat(f.heal(cluster)).startsWith("nn2 active across the cut after ").endsWith(
        " ms more; then restarted zkfc-nn1; healed nn1 <-/-> nn2");
    assertThat(cluster.actions).containsExactly("cut nn1 <-> nn2", "KILL CONTROLLER nn1", "restart CONTROLLER nn1",
        "heal nn1 <-> nn2");

    cluster.actions.clear();
    cluster.active = Optional.of("nn1");
    Fault oneWay = FaultKind.ONE_WAY_CUT_FAILOVER.newFault();
    oneWay.inject(cluster);
    oneWay.heal(cluster);
    assertThat(cluster.actions).as("the standby (nn2) cannot connect to the active (nn1)").containsExactly(
        "cut nn2 -> nn1", "KILL CONTROLLER nn1", "restart CONTROLLER nn1", "heal nn2 -> nn1");
  }

  @Test
  void noTakeoverWhileTheCutHeldFailsTheStepAfterHealingEverything() {
    // the negative control of the takeover wait
    cluster.hostLinks = true;
    cluster.failoverOnControllerKill = false;
    Fault f = new DuringPartition("peer-cut-failover", new Partition("partition-peer", Partition.Cut.FROM_PEER),
        new KillProcesses("kill-controller", false, true), java.time.Duration.ofSeconds(1));
    f.inject(cluster);
    assertThatThrownBy(() -> f.heal(cluster)).hasMessage("no NameNode other than nn1 became active within 1 s "
        + "more while the cut held; then restarted zkfc-nn1; healed nn1 <-/-> nn2");
    assertThat(cluster.actions).endsWith("restart CONTROLLER nn1", "heal nn1 <-> nn2");
  }

  @Test
  void aFailedInnerFaultHealsThePartitionItCut() {
    cluster.hostLinks = true;
    cluster.failKills = true;
    Fault f = FaultKind.PEER_CUT_FAILOVER.newFault();
    assertThatThrownBy(() -> f.inject(cluster)).hasMessage("kill failed");
    assertThat(cluster.actions).containsExactly("cut nn1 <-> nn2", "heal nn1 <-> nn2");
  }

  @Test
  void clockJumpsNeedFakeClocks() {
    assertThatThrownBy(() -> FaultKind.CLOCK_JUMP.newFault().inject(cluster))
        .isInstanceOf(UnsupportedFaultException.class)
        .hasMessage("clock-jump needs fake clocks (a C compiler builds them: apt-get install gcc)");
    cluster.clocks = true;
    Fault f = FaultKind.CLOCK_JUMP.newFault();
    assertThat(f.inject(cluster)).isEqualTo("wall clock of zkfc-nn1 steps +1h (monotonic clock unchanged)");
    assertThat(f.heal(cluster)).isEqualTo("wall clock of zkfc-nn1 stays +1h ahead (so that it promotes with a skewed "
        + "clock later)");
  }

  @Test
  void withoutAnActiveThereIsNothingToHit() {
    cluster.active = Optional.empty();
    assertThatThrownBy(() -> FaultKind.KILL_NAMENODE.newFault().inject(cluster))
        .hasMessage("kill-namenode: no single active NameNode to hit within 30 s");
  }
}
