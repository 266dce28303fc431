package io.baton.controller.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.core.Event;
import io.baton.controller.core.HealthState;
import io.baton.controller.core.ZkConnection;
import io.baton.controller.testkit.Fixtures;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZkElectionTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private TestingServer zk;
  private DeploymentConfig deployment;
  private NameserviceConfig ns;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    zk = new TestingServer(true);
    deployment = Fixtures.deployment(zk.getConnectString(), "nn1", "nn2");
    ns = deployment.nameservices().get(0);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    zk.close();
  }

  private final class Candidate {
    final CopyOnWriteArrayList<Event> events = new CopyOnWriteArrayList<>();
    final CuratorFramework client;
    final ZkElection election;

    Candidate(String id) throws Exception {
      client = ZkClients.start(ns.zookeeper(), 3, deployment.hadoopProperties());
      closeables.add(client);
      assertThat(ZkClients.awaitConnected(client, Duration.ofSeconds(10))).isTrue();
      if (client.checkExists().forPath("/hadoop-ha/ns1") == null) {
        client.create().creatingParentsIfNeeded().forPath("/hadoop-ha/ns1");
      }
      NodeIdentities ids = new NodeIdentities(ns);
      election = new ZkElection(client, new ZkPaths(ns.zookeeper().scopeZnode("ns1")),
          ids.infoOf(ns.namenode(id).orElseThrow()), ids, events::add, Clock.systemUTC());
      closeables.add(election);
      election.start();
    }

    boolean won() {
      return events.stream().anyMatch(e -> e instanceof Event.ElectionWon);
    }

    Optional<Event.LockObserved> lastObserved() {
      for (int i = events.size() - 1; i >= 0; i--) {
        if (events.get(i) instanceof Event.LockObserved o) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  @Test
  void oneWinsTheOtherSeesTheHolderAndWinsWhenTheLockIsReleased() throws Exception {
    Candidate a = new Candidate("nn1");
    Candidate b = new Candidate("nn2");
    a.election.join();
    await().atMost(WAIT).until(a::won);
    b.election.join();
    await().atMost(WAIT).until(() -> b.lastObserved().flatMap(Event.LockObserved::holder).equals(Optional.of("nn1")));
    assertThat(b.won()).isFalse();
    assertThat(b.election.currentHolder()).contains("nn1");

    // the lock holds Hadoop's ActiveNodeInfo for nn1
    byte[] data = a.client.getData().forPath("/hadoop-ha/ns1/ActiveStandbyElectorLock");
    assertThat(ActiveNodeInfo.decode(data).namenodeId()).isEqualTo("nn1");
    Stat stat = a.client.checkExists().forPath("/hadoop-ha/ns1/ActiveStandbyElectorLock");
    assertThat(stat.getEphemeralOwner()).isEqualTo(a.client.getZookeeperClient().getZooKeeper().getSessionId());

    a.election.quit(false);
    await().atMost(WAIT).until(b::won);
    Event.ElectionWon won = (Event.ElectionWon) b.events.stream().filter(e -> e instanceof Event.ElectionWon)
        .findFirst().orElseThrow();
    assertThat(won.lockFreeSince()).isPresent();
  }

  @Test
  void claimEpochIncrementsAndWritesTheBreadcrumbWithCas() throws Exception {
    Candidate a = new Candidate("nn1");
    a.election.join();
    await().atMost(WAIT).until(a::won);
    assertThat(a.election.readBreadcrumb()).isEqualTo(new ZkElection.Breadcrumb(Optional.empty(), Optional.empty()));
    assertThat(a.election.claimEpoch()).isEqualTo(1);
    ZkElection.Breadcrumb crumb = a.election.readBreadcrumb();
    assertThat(crumb.previousActive()).contains("nn1");
    assertThat(crumb.lastPromotionAt()).isPresent();
    assertThat(a.election.claimEpoch()).isEqualTo(2);

    // someone rewrote the breadcrumb since we read it: the claim writes nothing
    a.election.readBreadcrumb();
    a.client.setData().forPath("/hadoop-ha/ns1/ActiveBreadCrumb",
        new ActiveNodeInfo("ns1", "nn2", "localhost", 1, 2).encode());
    assertThatThrownBy(a.election::claimEpoch).isInstanceOf(KeeperException.BadVersionException.class);
    assertThat(EpochRecord.decode(a.client.getData().forPath("/hadoop-ha/ns1/BatonEpoch")).epoch()).isEqualTo(2);
  }

  @Test
  void aBreadcrumbDeletedByItsOwnerAfterWeReadItIsAHandoverNotAFailure() throws Exception {
    Candidate a = new Candidate("nn1");
    a.client.create().creatingParentsIfNeeded().forPath("/hadoop-ha/ns1/ActiveBreadCrumb",
        new ActiveNodeInfo("ns1", "nn2", "localhost", 1, 2).encode());
    a.election.join();
    await().atMost(WAIT).until(a::won);
    assertThat(a.election.readBreadcrumb().previousActive()).isPresent();
    a.client.delete().forPath("/hadoop-ha/ns1/ActiveBreadCrumb"); // the old active stepped down cleanly
    assertThat(a.election.claimEpoch()).isEqualTo(1);
    assertThat(a.election.readBreadcrumb().previousActive()).contains("nn1");

    // but a deleted breadcrumb never lets a node that lost its lock write one
    a.election.readBreadcrumb();
    a.client.delete().forPath("/hadoop-ha/ns1/ActiveBreadCrumb");
    a.election.quit(false); // runs on the election's worker before the claim below
    assertThatThrownBy(a.election::claimEpoch).isInstanceOf(KeeperException.NoNodeException.class);
    assertThat(a.client.checkExists().forPath("/hadoop-ha/ns1/ActiveBreadCrumb")).isNull();
  }

  @Test
  void cleanQuitDeletesOnlyOurOwnBreadcrumb() throws Exception {
    Candidate a = new Candidate("nn1");
    a.election.join();
    await().atMost(WAIT).until(a::won);
    a.election.readBreadcrumb();
    a.election.claimEpoch();
    a.election.quit(true);
    await().atMost(WAIT).until(() -> a.client.checkExists().forPath("/hadoop-ha/ns1/ActiveBreadCrumb") == null);
    assertThat(a.client.checkExists().forPath("/hadoop-ha/ns1/ActiveStandbyElectorLock")).isNull();
  }

  /** {@code a} holds the lock and has written its breadcrumb; {@code b} is in the election, seeing {@code a}. */
  private static void promoteFirstWatchedBySecond(Candidate a, Candidate b) throws Exception {
    a.election.join();
    await().atMost(WAIT).until(a::won);
    a.election.readBreadcrumb();
    a.election.claimEpoch();
    b.election.join();
    await().atMost(WAIT).until(() -> b.lastObserved().flatMap(Event.LockObserved::holder).equals(Optional.of("nn1")));
  }

  @Test
  void aStepDownVerdictIsLeftWithTheLockReleaseAndOrderedAgainstTheBreadcrumb() throws Exception {
    Candidate a = new Candidate("nn1");
    Candidate b = new Candidate("nn2");
    promoteFirstWatchedBySecond(a, b);
    byte[] breadcrumbBefore = a.client.getData().forPath("/hadoop-ha/ns1/ActiveBreadCrumb");

    a.election.quit(false, Optional.of(HealthState.NOT_RESPONDING));
    await().atMost(WAIT).until(b::won);
    ZkElection.Breadcrumb crumb = b.election.readBreadcrumb();
    assertThat(crumb.previousActive()).contains("nn1");
    assertThat(crumb.verdict()).hasValueSatisfying(v -> {
      assertThat(v.namenodeId()).isEqualTo("nn1");
      assertThat(v.health()).isEqualTo(HealthState.NOT_RESPONDING);
      assertThat(v.order()).isGreaterThan(crumb.order());
    });
    assertThat(StepDownRecord.decode(b.client.getData().forPath("/hadoop-ha/ns1/BatonStepDown")).namenodeId())
        .isEqualTo("nn1");
    // Hadoop's breadcrumb is untouched; the next promotion's breadcrumb is newer than the verdict
    assertThat(b.client.getData().forPath("/hadoop-ha/ns1/ActiveBreadCrumb")).isEqualTo(breadcrumbBefore);
    b.election.claimEpoch();
    ZkElection.Breadcrumb next = b.election.readBreadcrumb();
    assertThat(next.verdict().orElseThrow().order()).isLessThan(next.order());
  }

  @Test
  void noVerdictFromAPlainQuitNorFromANodeThatDoesNotHoldTheLock() throws Exception {
    Candidate a = new Candidate("nn1");
    Candidate b = new Candidate("nn2");
    promoteFirstWatchedBySecond(a, b);
    b.election.quit(false, Optional.of(HealthState.NOT_RESPONDING)); // b does not hold the lock
    a.election.quit(false);
    await().atMost(WAIT).until(() -> a.client.checkExists().forPath("/hadoop-ha/ns1/ActiveStandbyElectorLock") == null);
    assertThat(a.client.checkExists().forPath("/hadoop-ha/ns1/BatonStepDown")).isNull();
    assertThat(a.election.readBreadcrumb().verdict()).isEmpty();
  }

  @Test
  void sessionExpiryIsReportedAsLostAndTheLockMovesToTheOther() throws Exception {
    Candidate a = new Candidate("nn1");
    Candidate b = new Candidate("nn2");
    a.election.join();
    await().atMost(WAIT).until(a::won);
    b.election.join();
    await().atMost(WAIT).until(() -> b.lastObserved().isPresent());

    a.client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
    await().atMost(WAIT).until(() -> a.events.contains(new Event.ZkConnectionChanged(ZkConnection.LOST)));
    await().atMost(WAIT).until(b::won);
    await().atMost(WAIT).until(() -> a.events.contains(new Event.ZkConnectionChanged(ZkConnection.RECONNECTED)));
    // after LOST the adapter is out of the election until the core joins again
    await().atMost(WAIT).until(() -> a.lastObserved().flatMap(Event.LockObserved::holder).equals(Optional.of("nn2")));
  }

  @Test
  void serverRestartSuspendsAndReconnectsWithTheSameSession() throws Exception {
    Candidate a = new Candidate("nn1");
    a.election.join();
    await().atMost(WAIT).until(a::won);
    long session = a.client.getZookeeperClient().getZooKeeper().getSessionId();
    zk.restart();
    await().atMost(WAIT).until(() -> a.events.contains(new Event.ZkConnectionChanged(ZkConnection.RECONNECTED)));
    assertThat(a.events).contains(new Event.ZkConnectionChanged(ZkConnection.SUSPENDED));
    assertThat(a.client.getZookeeperClient().getZooKeeper().getSessionId()).isEqualTo(session);
    // the same session still owns the lock: re-verification reports it as ours again
    await().atMost(WAIT).until(() -> a.events.stream().filter(e -> e instanceof Event.ElectionWon).count() >= 2);
  }

  @Test
  void formatZkFollowsHadoopsRules() throws Exception {
    Candidate a = new Candidate("nn1");
    ZkFormatter f = new ZkFormatter(a.client, "/hadoop-ha/ns1");
    a.client.delete().deletingChildrenIfNeeded().forPath("/hadoop-ha/ns1");
    a.client.create().creatingParentsIfNeeded().forPath("/hadoop-ha/other");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true);
    assertThat(f.format(false, null, print)).isEqualTo(ZkFormatter.Result.FORMATTED);
    a.client.create().forPath("/hadoop-ha/ns1/child");
    assertThat(f.format(false, null, print)).isEqualTo(ZkFormatter.Result.FORMAT_DENIED);
    assertThat(out.toString()).contains("ZooKeeper znode /hadoop-ha/ns1 already exists; not formatting it "
        + "(non-interactive). Use -formatZK -force to delete and re-create it.");
    assertThat(f.format(false, new BufferedReader(new StringReader("n\n")), print))
        .isEqualTo(ZkFormatter.Result.FORMAT_DENIED);
    assertThat(f.format(false, new BufferedReader(new StringReader("Y\n")), print))
        .isEqualTo(ZkFormatter.Result.FORMATTED);
    assertThat(a.client.checkExists().forPath("/hadoop-ha/ns1/child")).isNull();
    a.client.create().forPath("/hadoop-ha/ns1/child");
    assertThat(f.format(true, null, print)).isEqualTo(ZkFormatter.Result.FORMATTED);
    assertThat(a.client.checkExists().forPath("/hadoop-ha/ns1/child")).isNull();
    assertThat(a.client.checkExists().forPath("/hadoop-ha/other")).isNotNull();
  }
}
