package io.baton.controller.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.baton.controller.core.Effect.GracefulFence;
import io.baton.controller.core.Effect.JoinElection;
import io.baton.controller.core.Effect.ScheduleTimer;
import io.baton.controller.testkit.ManualClock;
import io.baton.fencing.MonotonicClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A wall-clock step (NTP, {@code date -s}) must change no timeout, back-off, cede or anti-flapping decision. The
 * controller runs its core on a {@link MonotonicClock}; each test steps the wall clock by an hour under it and
 * checks the decision, and runs the same script on the raw wall clock (the wiring before the fix) as the
 * negative control that shows the step would have changed it.
 */
class ClockStepTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  /** A core whose clock is either monotonic over a stepping wall clock, or that wall clock itself. */
  private static final class Rig {
    final ManualClock wall = new ManualClock(START);
    long nanos = 123_456_789L;
    final ControllerCore core;
    final List<ScheduleTimer> timers = new ArrayList<>();

    Rig(boolean monotonic, CoreSettings settings) {
      Clock clock = monotonic ? new MonotonicClock(wall, () -> nanos) : wall;
      core = new ControllerCore(settings, clock);
    }

    List<Effect> on(Event e) {
      List<Effect> out = core.handle(e);
      out.stream().filter(ScheduleTimer.class::isInstance).map(ScheduleTimer.class::cast).forEach(timers::add);
      return out;
    }

    /** Real time passes: both clocks move. */
    void elapse(Duration d) {
      nanos += d.toNanos();
      wall.advance(d);
    }

    /** An NTP step: only the wall clock moves. */
    void step(Duration d) {
      wall.advance(d);
    }

    /** Fires the last timer of {@code kind}, as the runtime does once its delay has elapsed. */
    List<Effect> fire(TimerKind kind) {
      ScheduleTimer t = timers.stream().filter(x -> x.kind() == kind).reduce((a, b) -> b).orElseThrow(
          () -> new AssertionError("no " + kind + " timer was scheduled: " + timers));
      return on(new Event.TimerFired(t.kind(), t.token()));
    }

    void standbyInElection() {
      on(new Event.ZkConnectionChanged(ZkConnection.CONNECTED));
      on(new Event.HealthChecked(HealthState.HEALTHY, Optional.of(ServiceState.STANDBY), "ok"));
    }

    /** Wins the lock and fails the first step: the controller backs off for retry-backoff. */
    void failOnePromotion() {
      standbyInElection();
      on(new Event.ElectionWon(Optional.empty()));
      on(new Event.StepFailed(1, "read-breadcrumb", "KeeperException: connection loss"));
    }
  }

  private static CoreSettings withAntiFlapping(Duration window) {
    return new CoreSettings("nn1", Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(30), window,
        Duration.ofSeconds(30), HOUR, 50);
  }

  @Test
  void monotonicClockIgnoresWallClockStepsAndFollowsElapsedTime() {
    ManualClock wall = new ManualClock(START);
    long[] nanos = {42};
    MonotonicClock clock = new MonotonicClock(wall, () -> nanos[0]);
    wall.advance(HOUR);
    assertThat(clock.instant()).isEqualTo(START);
    nanos[0] += Duration.ofMillis(1500).toNanos();
    wall.advance(HOUR.negated().multipliedBy(2));
    assertThat(clock.instant()).isEqualTo(START.plusMillis(1500));
  }

  @Test
  void backOffEndsAfterItsDurationWhenTheWallClockStepsBackAnHour() {
    Rig rig = new Rig(true, CoreSettings.defaults("nn1"));
    rig.failOnePromotion();
    rig.step(HOUR.negated());
    rig.elapse(Duration.ofSeconds(1));
    assertThat(rig.fire(TimerKind.REJOIN)).containsExactly(new JoinElection());

    Rig control = new Rig(false, CoreSettings.defaults("nn1"));
    control.failOnePromotion();
    control.step(HOUR.negated());
    control.elapse(Duration.ofSeconds(1));
    assertThat(control.fire(TimerKind.REJOIN)).as("on the wall clock the step keeps it out for an hour").isEmpty();
    assertThat(control.core.status().electionNote()).startsWith("out of the election: backing off until");
  }

  @Test
  void cedeLastsItsPeriodWhateverTheWallClockDoes() {
    for (Duration step : List.of(HOUR, HOUR.negated())) {
      Rig rig = new Rig(true, CoreSettings.defaults("nn1"));
      rig.standbyInElection();
      rig.on(new Event.CedeRequested(1, Duration.ofSeconds(10)));
      rig.step(step);
      assertThat(rig.on(new Event.HealthChecked(HealthState.HEALTHY, Optional.of(ServiceState.STANDBY), "ok")))
          .as("still ceded after a step of %s", step).isEmpty();
      rig.elapse(Duration.ofSeconds(10));
      assertThat(rig.fire(TimerKind.CEDE_OVER)).containsExactly(new JoinElection());
    }
    Rig control = new Rig(false, CoreSettings.defaults("nn1"));
    control.standbyInElection();
    control.on(new Event.CedeRequested(1, Duration.ofSeconds(10)));
    control.step(HOUR);
    assertThat(control.on(new Event.HealthChecked(HealthState.HEALTHY, Optional.of(ServiceState.STANDBY), "ok")))
        .as("on the wall clock a forward step ends the cede at once").containsExactly(new JoinElection());
  }

  @Test
  void phaseDurationsAreElapsedTimeNotWallClockDifferences() {
    Rig rig = new Rig(true, CoreSettings.defaults("nn1"));
    rig.standbyInElection();
    rig.on(new Event.ElectionWon(Optional.empty()));
    rig.elapse(Duration.ofMillis(20));
    rig.step(HOUR);
    rig.on(new Event.BreadcrumbRead(1, Optional.empty(), Optional.empty()));
    rig.elapse(Duration.ofMillis(30));
    rig.on(new Event.EpochClaimed(1, 7));
    rig.on(new Event.ActivationDone(1, true, "ok"));
    FailoverRecord promotion = rig.core.status().recentFailovers().get(0);
    assertThat(promotion.total()).isEqualTo(Duration.ofMillis(50));
    assertThat(promotion.phases()).extracting(Phase::name, Phase::duration)
        .contains(tuple("read-breadcrumb", Duration.ofMillis(20)), tuple("claim-epoch", Duration.ofMillis(30)));
  }

  /**
   * Regression test for the deferral seen in the clock-jump chaos scenario: the peer wrote its "last promotion
   * at" with a wall clock one hour ahead, and anti-flapping deferred the failover until then.
   */
  @Test
  void aPeersPromotionTimeAnHourAheadDefersAtMostOneWindow() {
    Duration window = Duration.ofSeconds(30);
    Rig rig = new Rig(true, withAntiFlapping(window));
    rig.standbyInElection();
    rig.on(new Event.ElectionWon(Optional.empty()));
    Instant peerSkewed = START.plus(HOUR);
    assertThat(rig.on(new Event.BreadcrumbRead(1, Optional.of("nn2"), Optional.of(peerSkewed))))
        .containsExactly(new Effect.ProbeNameNode(1, "nn2"));
    assertThat(rig.on(new Event.NameNodeProbed(1, "nn2", Optional.of(ServiceState.ACTIVE), "answered")))
        .contains(new ScheduleTimer(TimerKind.ANTI_FLAP_OVER, window, 1), new ScheduleTimer(TimerKind.ANTI_FLAP_REPROBE,
            PromotionPipeline.REPROBE, 2));
    assertThat(rig.core.status().explain()).anyMatch(l -> l.contains("deferred by anti-flapping until "
        + START.plus(window)));
    rig.elapse(window);
    assertThat(rig.fire(TimerKind.ANTI_FLAP_OVER)).containsExactly(new GracefulFence(1, "nn2"));
  }

  @Test
  void antiFlapDeadlineIsThePeersTimePlusTheWindowCappedAtOneWindowFromNow() {
    Duration window = Duration.ofSeconds(30);
    assertThat(PromotionPipeline.antiFlapUntil(START.minusSeconds(10), START, window)).isEqualTo(START.plusSeconds(20));
    assertThat(PromotionPipeline.antiFlapUntil(START.plus(HOUR), START, window)).isEqualTo(START.plus(window));
    assertThat(PromotionPipeline.antiFlapUntil(START.minus(HOUR), START, window)).isBefore(START);
  }
}
