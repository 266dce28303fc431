package io.baton.controller.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.controller.core.Effect.ClaimEpoch;
import io.baton.controller.core.Effect.Fence;
import io.baton.controller.core.Effect.GracefulFence;
import io.baton.controller.core.Effect.JoinElection;
import io.baton.controller.core.Effect.QuitElection;
import io.baton.controller.core.Effect.ReadBreadcrumb;
import io.baton.controller.core.Effect.Reply;
import io.baton.controller.core.Effect.ScheduleTimer;
import io.baton.controller.core.Effect.TransitionToActive;
import io.baton.controller.core.Effect.TransitionToStandby;
import io.baton.controller.core.Event.ActivationDone;
import io.baton.controller.core.Event.BreadcrumbRead;
import io.baton.controller.core.Event.ElectionWon;
import io.baton.controller.core.Event.EpochClaimed;
import io.baton.controller.core.Event.FenceDone;
import io.baton.controller.core.Event.GracefulFenceDone;
import io.baton.controller.core.Event.LockObserved;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ControllerCoreTest {

  private static final FenceResult FENCED_BY_SSH = new FenceResult(true, "fenced nn2 by sshfence in 412 ms",
      List.of(new FenceResult.Attempt("sshfence", "FENCED", Duration.ofMillis(412), "")), Duration.ofMillis(412));
  private static final FenceResult NOT_FENCED = new FenceResult(false, "could not fence nn2: sshfence UNREACHABLE",
      List.of(new FenceResult.Attempt("sshfence", "UNREACHABLE", Duration.ofSeconds(3), "connect timed out")),
      Duration.ofSeconds(3));

  private static <T extends Effect> List<T> only(List<Effect> effects, Class<T> type) {
    return effects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Nested
  class Election {
    @Test
    void joinsOnlyOnceHealthyAndConnected() {
      CoreScript s = CoreScript.nn1();
      assertThat(s.health(HealthState.NOT_RESPONDING)).isEmpty();
      assertThat(s.connected()).isEmpty();
      assertThat(s.core.status().electionNote()).isEqualTo(
          "out of the election: local NameNode is NOT_RESPONDING (not_responding)");
      assertThat(s.healthy()).containsExactly(new JoinElection());
      assertThat(s.healthy()).isEmpty();
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
    }

    @Test
    void waitsForZooKeeperBeforeJoining() {
      CoreScript s = CoreScript.nn1();
      assertThat(s.healthy()).isEmpty();
      assertThat(s.core.status().electionNote()).isEqualTo(
          "waiting for ZooKeeper (SUSPENDED) before joining the election");
      assertThat(s.connected()).containsExactly(new JoinElection());
    }

    @Test
    void loserDemotesItsNameNodeUnlessAlreadyStandby() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy(ServiceState.ACTIVE);
      assertThat(s.on(new LockObserved(Optional.of("nn2"), 4)))
          .containsExactly(new TransitionToStandby("nn2 is active"));
      assertThat(s.core.status().currentActive()).contains("nn2");
      assertThat(s.core.status().epoch()).isEqualTo(4);

      CoreScript t = CoreScript.nn1();
      t.connected();
      t.healthy(ServiceState.STANDBY);
      assertThat(t.on(new LockObserved(Optional.of("nn2"), 4))).isEmpty();

      // the holder is seen before the first health result: nothing is demoted blindly (it may be an observer)
      CoreScript u = CoreScript.nn1();
      u.connected();
      assertThat(u.on(new LockObserved(Optional.of("nn2"), 4))).isEmpty();
      assertThat(u.healthy(ServiceState.OBSERVER)).isEmpty();
      assertThat(u.core.state()).isEqualTo(ControllerState.OBSERVER);
    }

    @Test
    void unhealthyStandbyLeavesTheElectionWithoutDemotingAnything() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      assertThat(s.health(HealthState.UNHEALTHY)).containsExactly(new QuitElection(false));
      assertThat(s.core.status().inElection()).isFalse();
    }
  }

  @Nested
  class Promotion {
    @Test
    void withoutBreadcrumbClaimsEpochThenActivates() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      assertThat(s.on(new ElectionWon(Optional.empty()))).containsExactly(new ReadBreadcrumb(1));
      assertThat(s.core.state()).isEqualTo(ControllerState.BECOMING_ACTIVE);
      assertThat(s.on(new BreadcrumbRead(1, Optional.empty(), Optional.empty()))).containsExactly(new ClaimEpoch(1));
      assertThat(s.on(new EpochClaimed(1, 1))).containsExactly(new TransitionToActive(1));
      assertThat(s.on(new ActivationDone(1, true, "ok"))).isEmpty();
      ControllerStatus st = s.core.status();
      assertThat(st.state()).isEqualTo(ControllerState.ACTIVE);
      assertThat(st.epoch()).isEqualTo(1);
      assertThat(st.currentActive()).contains("nn1");
      FailoverRecord r = st.recentFailovers().get(0);
      assertThat(r.outcome()).isEqualTo(FailoverRecord.Outcome.SUCCEEDED);
      assertThat(r.reason()).isEqualTo("no NameNode was active");
      assertThat(r.phases()).extracting(Phase::name).containsExactly("read-breadcrumb", "claim-epoch", "promote");
    }

    @Test
    void oldActiveIsFencedBeforeNewActiveServes() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new LockObserved(Optional.of("nn2"), 6));
      s.on(new LockObserved(Optional.empty(), 6));
      s.clock.advance(Duration.ofMillis(30));
      s.on(new ElectionWon(Optional.of(s.clock.instant().minusMillis(30))));
      assertThat(s.on(new BreadcrumbRead(1, Optional.of("nn2"), Optional.empty())))
          .containsExactly(new GracefulFence(1, "nn2"));
      assertThat(s.on(new GracefulFenceDone(1, false, "Connection refused"))).containsExactly(new Fence(1, "nn2"));
      s.clock.advance(Duration.ofMillis(412));
      // the claim goes above the highest epoch this controller has seen, whatever the epoch znode holds
      assertThat(s.on(new FenceDone(1, FENCED_BY_SSH))).containsExactly(new ClaimEpoch(1, 6));
      assertThat(s.on(new EpochClaimed(1, 7))).containsExactly(new TransitionToActive(1));
      s.on(new ActivationDone(1, true, "ok"));

      FailoverRecord r = s.core.status().recentFailovers().get(0);
      assertThat(r.detail()).startsWith("epoch 7, fenced nn2 by sshfence in 412 ms, promoted in ");
      assertThat(r.reason()).isEqualTo("nn2 gave up the election lock");
      assertThat(r.previousActive()).contains("nn2");
      assertThat(r.phases()).extracting(Phase::name).containsExactly("elect", "read-breadcrumb",
          "graceful-fence nn2", "fence nn2", "fence nn2 #1 sshfence", "claim-epoch", "promote");
      assertThat(r.phases().get(0).duration()).isEqualTo(Duration.ofMillis(30));
      assertThat(r.phases().get(4).duration()).isEqualTo(Duration.ofMillis(412));
    }

    @Test
    void gracefulFenceSuccessSkipsTheFencingChain() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      s.on(new BreadcrumbRead(1, Optional.of("nn2"), Optional.empty()));
      assertThat(s.on(new GracefulFenceDone(1, true, "ok"))).containsExactly(new ClaimEpoch(1));
      assertThat(only(s.all, Fence.class)).isEmpty();
    }

    /** A promotion that won the lock and read breadcrumb nn2 (written at ZooKeeper order 10) with {@code verdict}. */
    private List<Effect> winWithVerdict(CoreScript s, Optional<StepDownVerdict> verdict) {
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      return s.on(new BreadcrumbRead(1, Optional.of("nn2"), Optional.empty(), true, 10, verdict));
    }

    private StepDownVerdict verdict(String nn, HealthState health, long order) {
      return new StepDownVerdict(nn, health, java.time.Instant.parse("2026-01-01T00:00:00Z"), order);
    }

    @Test
    void oldActiveReportedNotRespondingByItsControllerGoesStraightToTheFencingChain() {
      CoreScript s = CoreScript.nn1();
      assertThat(winWithVerdict(s, Optional.of(verdict("nn2", HealthState.NOT_RESPONDING, 11))))
          .containsExactly(new Fence(1, "nn2"));
      s.clock.advance(Duration.ofMillis(412));
      assertThat(s.on(new FenceDone(1, FENCED_BY_SSH))).containsExactly(new ClaimEpoch(1));
      s.on(new EpochClaimed(1, 7));
      s.on(new ActivationDone(1, true, "ok"));

      FailoverRecord r = s.core.status().recentFailovers().get(0);
      assertThat(r.phases()).extracting(Phase::name).containsExactly("read-breadcrumb", "graceful-fence nn2",
          "fence nn2", "fence nn2 #1 sshfence", "claim-epoch", "promote");
      assertThat(r.phases().get(1).duration()).isZero();
      assertThat(r.phases().get(1).detail()).isEqualTo("skipped: its controller stepped down at "
          + "2026-01-01T00:00:00Z because nn2 was NOT_RESPONDING");
    }

    @Test
    void aFailedChainAfterASkippedGracefulFenceStillTriesTheGracefulFenceAsHadoopWould() {
      CoreScript s = CoreScript.nn1();
      winWithVerdict(s, Optional.of(verdict("nn2", HealthState.NOT_RESPONDING, 11)));
      // the old active came back meanwhile: the chain fails, the graceful fence succeeds
      assertThat(s.on(new FenceDone(1, NOT_FENCED))).containsExactly(new GracefulFence(1, "nn2"));
      assertThat(s.on(new GracefulFenceDone(1, true, "ok"))).containsExactly(new ClaimEpoch(1));

      // both fail: no promotion, and the chain does not run a second time
      CoreScript t = CoreScript.nn1();
      winWithVerdict(t, Optional.of(verdict("nn2", HealthState.NOT_RESPONDING, 11)));
      t.on(new FenceDone(1, NOT_FENCED));
      List<Effect> after = t.on(new GracefulFenceDone(1, false, "SocketTimeoutException"));
      assertThat(after).contains(new QuitElection(false)).doesNotContain(new Fence(1, "nn2"));
      assertThat(t.core.state()).isEqualTo(ControllerState.STANDBY);
      assertThat(t.core.status().recentFailovers().get(0).detail()).isEqualTo("unable to fence nn2: "
          + NOT_FENCED.summary() + "; graceful fence: SocketTimeoutException");
    }

    @Test
    void verdictsThatDoNotApplyKeepTheGracefulFence() {
      // negative controls: older than the breadcrumb, about another NameNode, or not a "does not answer"
      for (StepDownVerdict v : List.of(verdict("nn2", HealthState.NOT_RESPONDING, 9),
          verdict("nn2", HealthState.NOT_RESPONDING, 10), verdict("nn3", HealthState.NOT_RESPONDING, 11),
          verdict("nn2", HealthState.UNHEALTHY, 11))) {
        assertThat(winWithVerdict(CoreScript.nn1(), Optional.of(v))).as(v.toString())
            .containsExactly(new GracefulFence(1, "nn2"));
      }
      assertThat(winWithVerdict(CoreScript.nn1(), Optional.empty())).containsExactly(new GracefulFence(1, "nn2"));
    }

    @Test
    void ownBreadcrumbNeedsNoFencing() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      assertThat(s.on(new BreadcrumbRead(1, Optional.of("nn1"), Optional.empty()))).containsExactly(new ClaimEpoch(1));
    }

    @Test
    void unableToFenceMeansNoPromotionAndADoublingBackoff() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      s.on(new BreadcrumbRead(1, Optional.of("nn2"), Optional.empty()));
      s.on(new GracefulFenceDone(1, false, "timeout"));
      List<Effect> failed = s.on(new FenceDone(1, NOT_FENCED));
      assertThat(failed).containsExactly(new ScheduleTimer(TimerKind.REJOIN, Duration.ofSeconds(1), 1),
          new QuitElection(false));
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
      assertThat(s.core.status().recentFailovers().get(0).detail())
          .isEqualTo("unable to fence nn2: could not fence nn2: sshfence UNREACHABLE");
      assertThat(s.healthy()).isEmpty(); // still backing off
      assertThat(s.advance(Duration.ofSeconds(1))).containsExactly(new JoinElection());

      s.on(new ElectionWon(Optional.empty()));
      s.on(new BreadcrumbRead(2, Optional.of("nn2"), Optional.empty()));
      s.on(new GracefulFenceDone(2, false, "timeout"));
      assertThat(only(s.on(new FenceDone(2, NOT_FENCED)), ScheduleTimer.class))
          .extracting(ScheduleTimer::delay).containsExactly(Duration.ofSeconds(2));
      assertThat(only(s.all, TransitionToActive.class)).isEmpty();
    }

    @Test
    void failedActivationLeavesTheElectionAndUndoesAHalfDoneTransition() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      s.on(new BreadcrumbRead(1, Optional.empty(), Optional.empty()));
      s.on(new EpochClaimed(1, 3));
      List<Effect> effects = s.on(new ActivationDone(1, false, "ServiceFailedException: in safemode"));
      assertThat(effects).containsExactly(new ScheduleTimer(TimerKind.REJOIN, Duration.ofSeconds(1), 1),
          new QuitElection(false),
          new TransitionToStandby("promotion attempt 1 failed after transitionToActive was sent"));
      assertThat(s.core.status().explain()).contains(
          "last failed promotion: attempt 1: transitionToActive failed: ServiceFailedException: in safemode");
    }

    @Test
    void zooKeeperStepFailureAbandonsTheAttempt() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      s.on(new BreadcrumbRead(1, Optional.empty(), Optional.empty()));
      assertThat(s.on(new Event.StepFailed(1, "claim-epoch", "BadVersion"))).contains(new QuitElection(false));
      assertThat(s.core.status().recentFailovers().get(0).detail()).isEqualTo("claim-epoch failed: BadVersion");
    }
  }

  @Nested
  class Races {
    @Test
    void healthLostDuringGracefulFenceDropsTheLateResult() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      s.on(new BreadcrumbRead(1, Optional.of("nn2"), Optional.empty()));
      // interleaving: the health poll lands before the graceful fence result
      assertThat(s.health(HealthState.NOT_RESPONDING)).containsExactly(new QuitElection(false));
      assertThat(s.on(new GracefulFenceDone(1, true, "ok"))).isEmpty();
      assertThat(only(s.all, ClaimEpoch.class)).isEmpty();
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
    }

    @Test
    void lateSuccessfulActivationOfAnAbandonedAttemptIsUndone() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      s.on(new BreadcrumbRead(1, Optional.empty(), Optional.empty()));
      s.on(new EpochClaimed(1, 2));
      // interleaving: the session is lost while transitionToActive is in flight, then the RPC succeeds
      assertThat(s.on(new Event.ZkConnectionChanged(ZkConnection.LOST))).containsExactly(new QuitElection(false),
          new TransitionToStandby("promotion attempt 1 failed after transitionToActive was sent"));
      assertThat(s.on(new ActivationDone(1, true, "ok")))
          .containsExactly(new TransitionToStandby("late activation of abandoned attempt 1"));
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
    }

    @Test
    void anotherHolderSeenWhileBecomingActiveAbortsWithoutBackoff() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      assertThat(s.on(new LockObserved(Optional.of("nn2"), 3))).containsExactly(new QuitElection(false));
      assertThat(s.on(new BreadcrumbRead(1, Optional.empty(), Optional.empty()))).isEmpty();
    }

    @Test
    void staleWinWhenNotInTheElectionReleasesTheLock() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.health(HealthState.UNHEALTHY);
      assertThat(s.on(new ElectionWon(Optional.empty()))).containsExactly(new QuitElection(false));
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
    }
  }

  @Nested
  class ActiveSide {
    @Test
    void unhealthyActiveKeepsItsBreadcrumbAndDemotes() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      s.clock.advance(Duration.ofMillis(300));
      assertThat(s.health(HealthState.NOT_RESPONDING)).containsExactly(
          new QuitElection(false, Optional.of(HealthState.NOT_RESPONDING)),
          new TransitionToStandby("local NameNode is NOT_RESPONDING (not_responding)"));
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
      FailoverRecord demotion = s.core.status().recentFailovers().get(1);
      assertThat(demotion.kind()).isEqualTo(FailoverRecord.Kind.DEMOTION);
      assertThat(demotion.phases().get(0).name()).isEqualTo("detect");
      assertThat(demotion.phases().get(0).duration()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anActiveThatAnswersUnhealthyLeavesNoVerdict() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      assertThat(s.health(HealthState.UNHEALTHY)).containsExactly(new QuitElection(false),
          new TransitionToStandby("local NameNode is UNHEALTHY (unhealthy)"));
    }

    @Test
    void nameNodeThatWentStandbyBehindOurBackIsNoticedOnTheSecondPoll() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      assertThat(s.healthy(ServiceState.STANDBY)).isEmpty();
      assertThat(s.healthy(ServiceState.STANDBY)).containsExactly(
          new ScheduleTimer(TimerKind.REJOIN, Duration.ofSeconds(1), 1), new QuitElection(false));
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
      assertThat(s.advance(Duration.ofSeconds(1))).containsExactly(new JoinElection());
    }

    @Test
    void standbyNameNodeThatTurnedActiveOnItsOwnIsDemoted() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new LockObserved(Optional.of("nn2"), 1));
      assertThat(s.healthy(ServiceState.ACTIVE)).isEmpty();
      assertThat(s.healthy(ServiceState.ACTIVE)).containsExactly(
          new TransitionToStandby("local NameNode is active without holding the election lock"));
    }

    @Test
    void activeThatSeesAnotherHolderDemotes() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      assertThat(s.on(new LockObserved(Optional.of("nn2"), 6)))
          .containsExactly(new TransitionToStandby("the election lock is held by nn2"));
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
    }
  }

  @Nested
  class ZooKeeper {
    @Test
    void suspendedActiveGoesNeutralAndResumesWithoutTransitionsWhenTheLockIsStillOurs() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      assertThat(s.on(new Event.ZkConnectionChanged(ZkConnection.SUSPENDED))).isEmpty();
      assertThat(s.core.state()).isEqualTo(ControllerState.NEUTRAL);
      assertThat(s.healthy(ServiceState.ACTIVE)).isEmpty();
      assertThat(s.on(new Event.ZkConnectionChanged(ZkConnection.RECONNECTED))).containsExactly(new JoinElection());
      assertThat(s.on(new ElectionWon(Optional.empty()))).isEmpty();
      assertThat(s.core.state()).isEqualTo(ControllerState.ACTIVE);
      assertThat(only(s.all, TransitionToStandby.class)).isEmpty();
    }

    @Test
    void lostSessionDemotesTheActiveUnlikeHadoop() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      s.on(new Event.ZkConnectionChanged(ZkConnection.SUSPENDED));
      assertThat(s.on(new Event.ZkConnectionChanged(ZkConnection.LOST))).containsExactly(new TransitionToStandby(
          "ZooKeeper session lost: the lock is gone and another controller may be promoting"));
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
      assertThat(s.on(new Event.StandbyDone(true, "ok"))).isEmpty();
      assertThat(s.on(new Event.ZkConnectionChanged(ZkConnection.RECONNECTED))).containsExactly(new JoinElection());
    }

    @Test
    void reconnectedFormerActiveThatLostTheLockDemotes() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      s.on(new Event.ZkConnectionChanged(ZkConnection.SUSPENDED));
      s.on(new Event.ZkConnectionChanged(ZkConnection.RECONNECTED));
      assertThat(s.on(new LockObserved(Optional.of("nn2"), 6)))
          .containsExactly(new TransitionToStandby("the election lock is held by nn2"));
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
    }

    @Test
    void suspendedStandbyDoesNothingAndResumes() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      s.on(new LockObserved(Optional.of("nn2"), 1));
      assertThat(s.on(new Event.ZkConnectionChanged(ZkConnection.SUSPENDED))).isEmpty();
      assertThat(s.health(HealthState.UNHEALTHY)).containsExactly(new QuitElection(false));
      assertThat(s.on(new Event.ZkConnectionChanged(ZkConnection.RECONNECTED))).isEmpty();
      assertThat(s.core.state()).isEqualTo(ControllerState.STANDBY);
    }
  }

  @Nested
  class Admin {
    @Test
    void cedeOfTheActiveDemotesThenDeletesTheBreadcrumbAndStaysOut() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      long req = s.nextRequest();
      assertThat(s.on(new Event.CedeRequested(req, Duration.ofSeconds(10)))).containsExactly(
          new ScheduleTimer(TimerKind.CEDE_OVER, Duration.ofSeconds(10), 1),
          new TransitionToStandby("ceding active for 10000 ms"));
      assertThat(s.on(new Event.StandbyDone(true, "ok"))).containsExactly(new QuitElection(true),
          new Reply(req, true, "nn1: stepped down and left the election"));
      assertThat(s.healthy()).isEmpty();
      assertThat(s.advance(Duration.ofSeconds(10))).containsExactly(new JoinElection());
    }

    @Test
    void aHealthCheckDuringTheCedeDoesNotReleaseTheLockBeforeTheBreadcrumbIsDeleted() {
      // the CI failure of session 1: the lock was released (breadcrumb kept) by a health check that arrived
      // while transitionToStandby ran, the target won and read the breadcrumb, then our late deletion made
      // its epoch claim fail with NoNode. The lock must stay ours until the breadcrumb deletion is queued.
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      long req = s.nextRequest();
      s.on(new Event.CedeRequested(req, Duration.ofSeconds(10)));
      assertThat(s.healthy(ServiceState.ACTIVE)).isEmpty();
      assertThat(s.healthy()).isEmpty();
      assertThat(s.on(new Event.StandbyDone(true, "ok"))).containsExactly(new QuitElection(true),
          new Reply(req, true, "nn1: stepped down and left the election"));
    }

    @Test
    void cedeWhoseStandbyFailsKeepsTheBreadcrumb() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      long req = s.nextRequest();
      s.on(new Event.CedeRequested(req, Duration.ofSeconds(10)));
      assertThat(s.on(new Event.StandbyDone(false, "timeout"))).containsExactly(new QuitElection(false),
          new Reply(req, true, "nn1: could not go standby (timeout); left the election, the next active will fence it"));
    }

    @Test
    void cedeOfAStandbyAnswersAtOnceAndZeroMeansRejoinNow() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      s.healthy();
      assertThat(s.on(new Event.CedeRequested(1, Duration.ofSeconds(5)))).containsExactly(
          new ScheduleTimer(TimerKind.CEDE_OVER, Duration.ofSeconds(5), 1), new QuitElection(false),
          new Reply(1, true, "nn1: not active; staying out of the election until 2026-01-01T00:00:05Z"));
      assertThat(s.on(new Event.CedeRequested(2, Duration.ofMillis(-1)))).containsExactly(new JoinElection(),
          new Reply(2, true, "nn1: may re-join the election now"));
      assertThat(s.advance(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void pauseKeepsTheActiveThroughBadHealthAndTakesStandbysOut() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      assertThat(s.on(new Event.PauseRequested(1, "upgrading nn2", Optional.of(Duration.ofMinutes(5)))))
          .containsExactly(new ScheduleTimer(TimerKind.PAUSE_EXPIRED, Duration.ofMinutes(5), 1),
              new Reply(1, true, "nn1: automatic failover paused until 2026-01-01T00:05:00Z"));
      assertThat(s.health(HealthState.NOT_RESPONDING)).isEmpty();
      assertThat(s.core.state()).isEqualTo(ControllerState.ACTIVE);
      assertThat(s.core.status().explain()).contains(
          "automatic failover paused since 2026-01-01T00:00:00Z until 2026-01-01T00:05:00Z: upgrading nn2");
      // the pause expires: automatic failover resumes and the unhealthy active steps down
      assertThat(s.advance(Duration.ofMinutes(5))).containsExactly(
          new QuitElection(false, Optional.of(HealthState.NOT_RESPONDING)),
          new TransitionToStandby("local NameNode is NOT_RESPONDING (not_responding)"));

      CoreScript t = CoreScript.nn1();
      t.connected();
      t.healthy();
      assertThat(t.on(new Event.PauseRequested(1, "maintenance", Optional.empty()))).contains(new QuitElection(false));
      assertThat(t.on(new Event.ResumeRequested(2))).containsExactly(new JoinElection(),
          new Reply(2, true, "nn1: automatic failover resumed"));
    }

    @Test
    void gracefulStopOfTheActiveDemotesThenDeletesTheBreadcrumb() {
      CoreScript s = CoreScript.nn1();
      s.makeActive(5);
      assertThat(s.on(new Event.StopRequested(9))).containsExactly(new TransitionToStandby("controller stopping"));
      assertThat(s.on(new Event.StandbyDone(true, "ok"))).containsExactly(new QuitElection(true),
          new Reply(9, true, "nn1: stopped after going standby"));
      assertThat(s.core.state()).isEqualTo(ControllerState.STOPPED);
      assertThat(s.healthy()).isEmpty();
    }
  }

  @Nested
  class Policies {
    @Test
    void observerIsNeverPromotedNorDemoted() {
      CoreScript s = CoreScript.nn1();
      s.connected();
      assertThat(s.healthy(ServiceState.OBSERVER)).isEmpty();
      assertThat(s.core.state()).isEqualTo(ControllerState.OBSERVER);
      assertThat(s.on(new LockObserved(Optional.of("nn2"), 1))).isEmpty();
      assertThat(s.core.status().electionNote()).isEqualTo(
          "out of the election: the local NameNode is an observer (observers are never promoted)");
      assertThat(s.on(new Event.CedeRequested(1, Duration.ofSeconds(5)))).doesNotHaveAnyElementsOfTypes(
          TransitionToStandby.class);
    }

    @Test
    void antiFlappingDefersAnAutomaticFailoverAndSaysWhy() {
      CoreSettings settings = new CoreSettings("nn1", Optional.empty(), Duration.ofSeconds(1),
          Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofHours(1), 50);
      CoreScript s = new CoreScript(settings);
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      // anti-flapping only holds back a failover away from a NameNode that is still active: ask it first
      assertThat(s.on(new BreadcrumbRead(1, Optional.of("nn2"), Optional.of(s.clock.instant().minusSeconds(20)))))
          .containsExactly(new Effect.ProbeNameNode(1, "nn2"));
      assertThat(s.on(new Event.NameNodeProbed(1, "nn2", Optional.of(ServiceState.ACTIVE), "answered")))
          .contains(new ScheduleTimer(TimerKind.ANTI_FLAP_OVER, Duration.ofSeconds(40), 1), new ScheduleTimer(TimerKind.ANTI_FLAP_REPROBE,
            PromotionPipeline.REPROBE, 2));
      assertThat(s.core.status().explain()).contains("promotion attempt 1 deferred by anti-flapping until "
          + "2026-01-01T00:00:40Z (minimum interval PT1M between automatic failovers)");
      assertThat(s.advance(Duration.ofSeconds(40))).endsWith(new GracefulFence(1, "nn2"));
    }

    @Test
    void antiFlappingNeverHoldsBackTheReplacementOfADeadActive() {
      CoreSettings settings = new CoreSettings("nn1", Optional.empty(), Duration.ofSeconds(1),
          Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofHours(1), 50);
      CoreScript s = new CoreScript(settings);
      s.connected();
      s.healthy();
      s.on(new ElectionWon(Optional.empty()));
      assertThat(s.on(new BreadcrumbRead(1, Optional.of("nn2"), Optional.of(s.clock.instant().minusSeconds(20)),
          false))).containsExactly(new GracefulFence(1, "nn2"));
    }

    @Test
    void manualFailoverIsNotHeldBackByAntiFlapping() {
      CoreSettings settings = new CoreSettings("nn1", Optional.empty(), Duration.ofSeconds(1),
          Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofHours(1), 50);
      CoreScript s = new CoreScript(settings);
      s.connected();
      s.healthy();
      s.on(new Event.ManualFailoverExpected("graceful failover requested over ZKFCProtocol"));
      s.on(new ElectionWon(Optional.empty()));
      assertThat(s.on(new BreadcrumbRead(1, Optional.of("nn2"), Optional.of(s.clock.instant().minusSeconds(1)))))
          .containsExactly(new GracefulFence(1, "nn2"));
      assertThat(s.core.status().recentFailovers().get(0).reason())
          .isEqualTo("graceful failover requested over ZKFCProtocol");
    }

    @Test
    void preferredActiveFailsBackAfterBeingHealthyForTheDelay() {
      CoreSettings settings = new CoreSettings("nn1", Optional.of("nn1"), Duration.ofSeconds(1),
          Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(30), Duration.ofHours(1), 50);
      CoreScript s = new CoreScript(settings);
      s.connected();
      s.healthy();
      assertThat(s.on(new LockObserved(Optional.of("nn2"), 3)))
          .containsExactly(new ScheduleTimer(TimerKind.FAILBACK, Duration.ofSeconds(30), 1));
      assertThat(s.advance(Duration.ofSeconds(30)))
          .containsExactly(new Effect.StartGracefulFailover("fail back to preferred active nn1"));
    }

    @Test
    void failbackIsCancelledWhenHealthIsLost() {
      CoreSettings settings = new CoreSettings("nn1", Optional.of("nn1"), Duration.ofSeconds(1),
          Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(30), Duration.ofHours(1), 50);
      CoreScript s = new CoreScript(settings);
      s.connected();
      s.healthy();
      s.on(new LockObserved(Optional.of("nn2"), 3));
      s.health(HealthState.UNHEALTHY);
      assertThat(s.advance(Duration.ofSeconds(30))).isEmpty();
    }
  }

  @Test
  void transitionTableRejectsIllegalMovesAndStoppedIsTerminal() {
    assertThat(ControllerState.STANDBY.canMoveTo(ControllerState.ACTIVE)).isFalse();
    assertThat(ControllerState.BECOMING_ACTIVE.canMoveTo(ControllerState.ACTIVE)).isTrue();
    assertThat(ControllerState.OBSERVER.canMoveTo(ControllerState.BECOMING_ACTIVE)).isFalse();
    for (ControllerState s : ControllerState.values()) {
      assertThat(ControllerState.STOPPED.canMoveTo(s)).isFalse();
    }
    assertThatThrownBy(() -> new CoreSettings("nn1", Optional.empty(), Duration.ZERO, Duration.ZERO, Duration.ZERO,
        Duration.ZERO, Duration.ZERO, 0)).hasMessage("timelineSize must be at least 1, got 0");
  }
}
