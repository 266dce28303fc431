package io.baton.controller.core;

import static io.baton.controller.core.ControllerState.ACTIVE;
import static io.baton.controller.core.ControllerState.BECOMING_ACTIVE;
import static io.baton.controller.core.ControllerState.INITIALIZING;
import static io.baton.controller.core.ControllerState.NEUTRAL;
import static io.baton.controller.core.ControllerState.OBSERVER;
import static io.baton.controller.core.ControllerState.STANDBY;
import static io.baton.controller.core.ControllerState.STOPPED;

import io.baton.controller.core.Event.ActivationDone;
import io.baton.controller.core.Event.BreadcrumbRead;
import io.baton.controller.core.Event.CedeRequested;
import io.baton.controller.core.Event.ElectionWon;
import io.baton.controller.core.Event.EpochClaimed;
import io.baton.controller.core.Event.FenceDone;
import io.baton.controller.core.Event.GracefulFenceDone;
import io.baton.controller.core.Event.HealthChecked;
import io.baton.controller.core.Event.LockObserved;
import io.baton.controller.core.Event.ManualFailoverExpected;
import io.baton.controller.core.Event.PauseRequested;
import io.baton.controller.core.Event.ResumeRequested;
import io.baton.controller.core.Event.StandbyDone;
import io.baton.controller.core.Event.StepFailed;
import io.baton.controller.core.Event.StopRequested;
import io.baton.controller.core.Event.TimerFired;
import io.baton.controller.core.Event.ZkConnectionChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's decision logic: events in, effects out. No I/O, no threads, no wall-clock reads except
 * through the injected {@link Clock}. Not thread-safe by design: exactly one thread (the actor) calls it.
 *
 * <p>The promotion pipeline after winning the lock: read breadcrumb, (anti-flapping wait), graceful fence of
 * the old active, fencing chain if that failed, claim epoch + write breadcrumb, transitionToActive. Every step's
 * result carries its attempt number; results of an abandoned attempt are dropped (and a late successful
 * activation is undone).
 */
public final class ControllerCore {
  private static final Logger log = LoggerFactory.getLogger(ControllerCore.class);
  /** Consecutive polls that must disagree with the expected state before the controller acts (Hadoop: 2). */
  private static final int MISMATCH_TOLERANCE = 2;

  private final CoreSettings settings;
  private final Clock clock;
  private final String me;
  private final Timeline timeline;
  private final TimerTokens timers = new TimerTokens();
  private final CoreHealth health = new CoreHealth();
  private final PromotionPipeline pipeline;

  private ControllerState state = INITIALIZING;
  private ControllerState roleBeforeNeutral = INITIALIZING;
  private ZkConnection zk = ZkConnection.SUSPENDED;
  private boolean inElection;
  private String electionNote = "not joined yet: waiting for the first health check";
  private Optional<String> currentActive = Optional.empty();
  private Optional<String> lastKnownActive = Optional.empty();
  private long epoch;
  private long demotions;
  private Instant cededUntil = Instant.EPOCH;
  private Pause pause;
  private String manualReason;
  private boolean localTransitionInFlight;
  private int mismatches;
  private Long pendingCede;
  private Long pendingStop;
  private List<Effect> out = new ArrayList<>();

  public ControllerCore(CoreSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.me = settings.nodeId();
    this.timeline = new Timeline(settings.timelineSize());
    this.pipeline = new PromotionPipeline(settings, clock, timeline, timers, () -> epoch);
  }

  /** Handles one event and returns the effects to perform, in order. */
  public List<Effect> handle(Event event) {
    out = new ArrayList<>();
    if (state == STOPPED) {
      replyIfRequest(event, false, me + ": controller is stopped");
      return out;
    }
    if (event instanceof HealthChecked e) {
      onHealth(e);
    } else if (event instanceof ElectionWon e) {
      onWon(e);
    } else if (event instanceof LockObserved e) {
      onLockObserved(e);
    } else if (event instanceof ZkConnectionChanged e) {
      onZk(e.state());
    } else if (event instanceof BreadcrumbRead e) {
      after(pipeline.onBreadcrumb(e, out));
    } else if (event instanceof Event.NameNodeProbed e) {
      after(pipeline.onProbed(e, out));
    } else if (event instanceof GracefulFenceDone e) {
      after(pipeline.onGracefulFence(e, out));
    } else if (event instanceof FenceDone e) {
      after(pipeline.onFence(e, out));
    } else if (event instanceof EpochClaimed e) {
      onEpochClaimed(e);
    } else if (event instanceof ActivationDone e) {
      onActivation(e);
    } else if (event instanceof StepFailed e) {
      after(pipeline.onStepFailed(e));
    } else if (event instanceof StandbyDone e) {
      onStandbyDone(e);
    } else if (event instanceof TimerFired e) {
      onTimer(e);
    } else if (event instanceof CedeRequested e) {
      onCede(e);
    } else if (event instanceof PauseRequested e) {
      onPause(e);
    } else if (event instanceof ResumeRequested e) {
      onResume(e);
    } else if (event instanceof ManualFailoverExpected e) {
      manualReason = e.reason(); // null: the graceful failover was called off before anyone ceded
    } else if (event instanceof StopRequested e) {
      onStop(e);
    }
    return out;
  }

  public ControllerState state() {
    return state;
  }

  public ControllerStatus status() {
    return new ControllerStatus(me, state, health.state(), health.reported(), health.detail(), zk, inElection,
        electionNote, currentActive, epoch, Optional.ofNullable(pause), cededUntilIfCeded(), timeline.records(),
        CoreExplainer.explain(this::explainFacts));
  }

  // ---- health ------------------------------------------------------------------------------------------

  private void onHealth(HealthChecked e) {
    Instant now = clock.instant();
    HealthState before = health.state();
    health.update(e, now);
    if (before != e.health()) {
      log.info("{}: health {} -> {} ({})", me, before, e.health(), e.detail());
    }
    if (e.reported().filter(s -> s == ServiceState.OBSERVER).isPresent()) {
      becomeObserver();
      return;
    }
    if (state == OBSERVER && e.reported().isPresent()) {
      moveTo(STANDBY, "local NameNode is no longer an observer");
    }
    if (state == INITIALIZING && e.health() != HealthState.INITIALIZING) {
      moveTo(STANDBY, "first health result: " + e.health());
    }
    reconcileReportedState(before);
    recheck();
    maybeScheduleFailback();
  }

  private void becomeObserver() {
    if (state == OBSERVER || state == NEUTRAL) {
      return;
    }
    if (pipeline.inProgress()) {
      failAttempt("local NameNode reports OBSERVER", false);
    }
    if (inElection) {
      quit(false);
    }
    electionNote = "out of the election: the local NameNode is an observer (observers are never promoted)";
    moveTo(OBSERVER, "local NameNode reports OBSERVER");
  }

  /** The NameNode's reported state must match ours; two disagreeing polls in a row and we act. */
  private void reconcileReportedState(HealthState before) {
    Optional<ServiceState> reported = health.reported();
    boolean expectActiveButStandby = state == ACTIVE && reported.filter(s -> s == ServiceState.STANDBY).isPresent();
    boolean expectStandbyButActive = state == STANDBY && reported.filter(s -> s == ServiceState.ACTIVE).isPresent();
    if (localTransitionInFlight || !(expectActiveButStandby || expectStandbyButActive)) {
      mismatches = 0;
      return;
    }
    if (++mismatches < MISMATCH_TOLERANCE) {
      return;
    }
    mismatches = 0;
    if (expectActiveButStandby) {
      log.warn("{}: local NameNode reports STANDBY but this controller made it ACTIVE; leaving the election", me);
      recordDemotion("local NameNode went standby behind the controller's back", before);
      pipeline.holdOff(out);
      quit(false);
      moveTo(STANDBY, "NameNode state mismatch (expected ACTIVE, reported STANDBY)");
    } else {
      log.warn("{}: local NameNode reports ACTIVE without this controller holding the lock; demoting it", me);
      requestStandby("local NameNode is active without holding the election lock");
    }
  }

  // ---- election -----------------------------------------------------------------------------------------

  /** Joins or leaves the election according to health, cede, back-off, pause and ZooKeeper. */
  private void recheck() {
    if (state == STOPPED || pendingStop != null || state == OBSERVER) {
      return;
    }
    if (pendingCede != null) {
      // ceding: the lock is released (breadcrumb first) only when transitionToStandby has answered; releasing
      // it earlier lets the target read a breadcrumb we are about to delete
      return;
    }
    ControllerState role = state == NEUTRAL ? roleBeforeNeutral : state;
    boolean leading = role == ACTIVE || role == BECOMING_ACTIVE;
    if (pause != null) {
      if (leading) {
        electionNote = "holding the lock: automatic failover is paused (" + pause.reason() + ")";
      } else {
        if (inElection) {
          quit(false);
        }
        electionNote = "out of the election: automatic failover is paused (" + pause.reason() + ")";
      }
      return;
    }
    Optional<String> blocker = electabilityBlocker();
    if (blocker.isPresent()) {
      electionNote = "out of the election: " + blocker.get();
      if (inElection || leading) {
        stepDown(blocker.get());
      }
      return;
    }
    if (leading) {
      electionNote = "holding the lock: local NameNode is healthy";
    }
    if (inElection) {
      if (!leading) {
        electionNote = "in the election: local NameNode is healthy";
      }
      return;
    }
    if (zk != ZkConnection.CONNECTED) {
      electionNote = "waiting for ZooKeeper (" + zk + ") before joining the election";
      return;
    }
    inElection = true;
    electionNote = "in the election: local NameNode is healthy";
    out.add(new Effect.JoinElection());
  }

  private Optional<String> electabilityBlocker() {
    Instant now = clock.instant();
    if (health.state() != HealthState.HEALTHY) {
      return Optional.of("local NameNode is " + health.state() + describe(health.detail()));
    }
    if (now.isBefore(cededUntil)) {
      return Optional.of("ceded until " + cededUntil);
    }
    if (now.isBefore(pipeline.rejoinNotBefore())) {
      return Optional.of("backing off until " + pipeline.rejoinNotBefore() + " after: "
          + pipeline.lastFailure().orElse("a state mismatch"));
    }
    return Optional.empty();
  }

  /** Leave the election because we are no longer electable; an active demotes its NameNode. */
  private void stepDown(String why) {
    if (pipeline.inProgress()) {
      failAttempt(why, false);
      return;
    }
    ControllerState role = state == NEUTRAL ? roleBeforeNeutral : state;
    if (role == ACTIVE) {
      recordDemotion(why, HealthState.HEALTHY);
      // breadcrumb stays: the next active fences us. A NameNode that does not answer would also hold the next
      // active's graceful fence for its whole timeout: say so beside the lock, so that it goes straight to fencing
      quit(false, Optional.of(health.state()).filter(h -> h == HealthState.NOT_RESPONDING));
      requestStandby(why);
      roleBeforeNeutral = STANDBY;
      moveTo(STANDBY, why);
    } else if (inElection) {
      quit(false);
    }
  }

  private void onWon(ElectionWon e) {
    if (!inElection) {
      log.warn("{}: won the lock without being in the election (stale); releasing it", me);
      out.add(new Effect.QuitElection(false));
      return;
    }
    if (state == NEUTRAL && roleBeforeNeutral == ACTIVE) {
      moveTo(ACTIVE, "ZooKeeper reconnected and the lock is still ours (epoch " + epoch + ")");
      currentActive = Optional.of(me);
      return;
    }
    if (state == ACTIVE || state == BECOMING_ACTIVE || state == NEUTRAL || state == OBSERVER) {
      return;
    }
    startPromotion(e.lockFreeSince());
  }

  private void onLockObserved(LockObserved e) {
    currentActive = e.holder();
    epoch = Math.max(epoch, e.epoch());
    e.holder().ifPresent(h -> lastKnownActive = Optional.of(h));
    if (e.holder().isEmpty() || e.holder().get().equals(me)) {
      return;
    }
    String holder = e.holder().get();
    if (state == NEUTRAL && roleBeforeNeutral == ACTIVE) {
      recordDemotion("lock is now held by " + holder, HealthState.HEALTHY);
      requestStandby("the election lock is held by " + holder);
      roleBeforeNeutral = STANDBY;
      moveTo(STANDBY, "ZooKeeper reconnected but " + holder + " holds the lock");
    } else if (state == ACTIVE) {
      recordDemotion("lock is now held by " + holder, HealthState.HEALTHY);
      requestStandby("the election lock is held by " + holder);
      moveTo(STANDBY, holder + " holds the lock");
    } else if (state == BECOMING_ACTIVE) {
      failAttempt(holder + " holds the lock", false);
    } else if (state == INITIALIZING || (state == STANDBY && inElection)) {
      if (state == INITIALIZING) {
        moveTo(STANDBY, holder + " is active");
      }
      // only an ACTIVE NameNode is demoted: never an observer, nor one whose state is not known yet
      if (health.reported().filter(s -> s == ServiceState.ACTIVE).isPresent()) {
        requestStandby(holder + " is active");
      }
    }
    maybeScheduleFailback();
  }

  private void quit(boolean deleteBreadcrumb) {
    quit(deleteBreadcrumb, Optional.empty());
  }

  private void quit(boolean deleteBreadcrumb, Optional<HealthState> verdict) {
    inElection = false;
    out.add(new Effect.QuitElection(deleteBreadcrumb, verdict));
  }

  private void requestStandby(String reason) {
    localTransitionInFlight = true;
    out.add(new Effect.TransitionToStandby(reason));
  }

  // ---- promotion (the steps live in PromotionPipeline) ---------------------------------------------------

  private void startPromotion(Optional<Instant> lockFreeSince) {
    boolean manual = manualReason != null;
    String reason = manual ? manualReason
        : lastKnownActive.filter(a -> !a.equals(me)).map(a -> a + " gave up the election lock")
            .orElse("no NameNode was active");
    manualReason = null;
    List<Effect> steps = new ArrayList<>();
    long attempt = pipeline.start(lockFreeSince, reason, manual, steps);
    moveTo(BECOMING_ACTIVE, "won the election, attempt " + attempt + ": " + reason);
    out.addAll(steps);
  }

  private void after(PromotionPipeline.Step step) {
    if (step == PromotionPipeline.Step.FAILED) {
      failAttempt(pipeline.failure(), true);
    } else if (step == PromotionPipeline.Step.PROMOTED) {
      currentActive = Optional.of(me);
      lastKnownActive = currentActive;
      moveTo(ACTIVE, pipeline.promotedSummary());
    }
  }

  private void onEpochClaimed(EpochClaimed e) {
    epoch = Math.max(epoch, e.epoch());
    PromotionPipeline.Step step = pipeline.onEpochClaimed(e, out);
    if (step == PromotionPipeline.Step.CONTINUE) {
      localTransitionInFlight = true;
    }
  }

  private void onActivation(ActivationDone e) {
    localTransitionInFlight = false;
    PromotionPipeline.Step step = pipeline.onActivation(e);
    if (step == PromotionPipeline.Step.STALE && e.ok()) {
      log.warn("{}: late activation of abandoned attempt {} succeeded; demoting the NameNode again", me,
          e.attempt());
      requestStandby("late activation of abandoned attempt " + e.attempt());
    }
    after(step);
  }

  /** Abandons the current attempt: leave the election, undo a possibly half-done activation. */
  private void failAttempt(String why, boolean backOff) {
    PromotionPipeline.Abandoned a = pipeline.abandon(why, backOff, out);
    quit(false);
    if (a.activationRequested()) {
      requestStandby("promotion attempt " + a.attempt() + " failed after transitionToActive was sent");
    }
    log.warn("{}: promotion attempt {} failed: {}{}", me, a.attempt(), why, a.retryNote());
    moveTo(state == NEUTRAL ? NEUTRAL : STANDBY, "attempt " + a.attempt() + " failed");
    if (state == NEUTRAL) {
      roleBeforeNeutral = STANDBY;
    }
    electionNote = "out of the election: attempt " + a.attempt() + ": " + why + a.retryNote();
  }

  // ---- ZooKeeper connection -----------------------------------------------------------------------------

  private void onZk(ZkConnection change) {
    ZkConnection before = zk;
    zk = change == ZkConnection.RECONNECTED ? ZkConnection.CONNECTED : change;
    if (before != zk) {
      log.info("{}: ZooKeeper {} -> {}", me, before, change);
    }
    ControllerState role = state == NEUTRAL ? roleBeforeNeutral : state;
    switch (ZkConnectionPolicy.react(change, role)) {
      case GO_NEUTRAL -> {
        if (state != NEUTRAL && state != INITIALIZING) {
          roleBeforeNeutral = state;
          moveTo(NEUTRAL, "ZooKeeper connection suspended; keeping role " + state);
        }
      }
      case DEMOTE -> {
        inElection = false;
        currentActive = Optional.empty();
        if (pipeline.inProgress()) {
          failAttempt("ZooKeeper session lost", false);
        }
        if (role == ACTIVE) {
          recordDemotion("ZooKeeper session lost", HealthState.HEALTHY);
          requestStandby("ZooKeeper session lost: the lock is gone and another controller may be promoting");
        }
        roleBeforeNeutral = STANDBY;
        moveTo(STANDBY, "ZooKeeper session lost");
      }
      case STAY_DOWN -> {
        inElection = false;
        currentActive = Optional.empty();
        leaveNeutral();
      }
      case VERIFY_LOCK -> {
        if (inElection) {
          out.add(new Effect.JoinElection()); // the adapter reports ElectionWon (still ours) or the holder
        } else {
          leaveNeutral();
        }
      }
      case RESUME -> {
        leaveNeutral();
        recheck();
      }
    }
  }

  private void leaveNeutral() {
    if (state == NEUTRAL) {
      ControllerState back = roleBeforeNeutral == ACTIVE || roleBeforeNeutral == BECOMING_ACTIVE ? STANDBY
          : roleBeforeNeutral;
      moveTo(back, "ZooKeeper connection back");
    }
  }

  // ---- admin requests -----------------------------------------------------------------------------------

  private void onCede(CedeRequested e) {
    Instant now = clock.instant();
    if (e.period().isZero() || e.period().isNegative()) {
      cededUntil = Instant.EPOCH;
      timers.cancel(TimerKind.CEDE_OVER);
      recheck();
      reply(e.requestId(), true, me + ": may re-join the election now");
      return;
    }
    if (pause != null) {
      // ceding now would leave nobody to take over: every paused controller stays out of the election
      reply(e.requestId(), false, pausedRefusal("cede"));
      return;
    }
    cededUntil = now.plus(e.period());
    out.add(timers.schedule(TimerKind.CEDE_OVER, e.period()));
    ControllerState role = state == NEUTRAL ? roleBeforeNeutral : state;
    if (pipeline.inProgress()) {
      failAttempt("ceded for " + e.period().toMillis() + " ms", false);
    }
    electionNote = "out of the election: ceded until " + cededUntil;
    if (role == ACTIVE) {
      recordDemotion("ceded active for " + e.period().toMillis() + " ms", HealthState.HEALTHY);
      roleBeforeNeutral = STANDBY;
      moveTo(STANDBY, "ceding active for " + e.period().toMillis() + " ms");
      pendingCede = e.requestId(); // answered once the NameNode went standby (or failed to)
      requestStandby("ceding active for " + e.period().toMillis() + " ms");
      return;
    }
    if (inElection) {
      quit(false);
    }
    reply(e.requestId(), true, me + ": not active; staying out of the election until " + cededUntil);
  }

  private void onStandbyDone(StandbyDone e) {
    localTransitionInFlight = false;
    if (e.ok()) {
      log.info("{}: local NameNode is standby", me);
    } else {
      log.warn("{}: transitionToStandby failed: {} (the next active will fence it)", me, e.detail());
    }
    if (pendingCede != null) {
      quit(e.ok()); // clean step-down: delete our breadcrumb so nobody fences us
      currentActive = Optional.empty();
      reply(pendingCede, true, e.ok() ? me + ": stepped down and left the election"
          : me + ": could not go standby (" + e.detail() + "); left the election, the next active will fence it");
      pendingCede = null;
    }
    if (pendingStop != null) {
      quit(e.ok());
      reply(pendingStop, true, me + ": stopped" + (e.ok() ? " after going standby" : ""));
      pendingStop = null;
      moveTo(STOPPED, "controller stopped");
    }
  }

  private void onPause(PauseRequested e) {
    Optional<String> invalid = Pause.invalid(e.reason(), e.expiry());
    if (invalid.isPresent()) {
      reply(e.requestId(), false, me + ": pause refused: " + invalid.get());
      return;
    }
    Instant now = clock.instant();
    Duration expiry = e.expiry().orElse(settings.maintenanceDefaultExpiry());
    pause = new Pause(e.reason(), now, now.plus(expiry));
    out.add(timers.schedule(TimerKind.PAUSE_EXPIRED, expiry));
    log.info("{}: automatic failover paused until {}: {}", me, pause.until(), e.reason());
    recheck();
    reply(e.requestId(), true, me + ": automatic failover paused until " + pause.until());
  }

  private void onResume(ResumeRequested e) {
    boolean was = pause != null;
    pause = null;
    timers.cancel(TimerKind.PAUSE_EXPIRED);
    if (was) {
      log.info("{}: automatic failover resumed", me);
    }
    recheck();
    reply(e.requestId(), true, me + (was ? ": automatic failover resumed" : ": was not paused"));
  }

  private void onStop(StopRequested e) {
    ControllerState role = state == NEUTRAL ? roleBeforeNeutral : state;
    if (pipeline.inProgress()) {
      failAttempt("controller stopping", false);
    }
    if (role == ACTIVE) {
      recordDemotion("controller stopping", HealthState.HEALTHY);
      pendingStop = e.requestId();
      requestStandby("controller stopping");
      return;
    }
    if (inElection) {
      quit(false);
    }
    reply(e.requestId(), true, me + ": stopped");
    moveTo(STOPPED, "controller stopped");
  }

  // ---- timers -------------------------------------------------------------------------------------------

  private void onTimer(TimerFired e) {
    if (!timers.consume(e.kind(), e.token())) {
      return;
    }
    switch (e.kind()) {
      case REJOIN, CEDE_OVER -> recheck();
      case PAUSE_EXPIRED -> {
        if (pause != null) {
          log.info("{}: maintenance pause expired ({})", me, pause.reason());
          pause = null;
        }
        recheck();
      }
      case ANTI_FLAP_OVER -> pipeline.antiFlapOver(out);
      case ANTI_FLAP_REPROBE -> pipeline.reprobe(out);
      case FAILBACK -> {
        if (failbackWanted()) {
          log.info("{}: preferred active healthy for {}; failing back from {}", me, settings.failbackDelay(),
              currentActive.orElse("?"));
          out.add(new Effect.StartGracefulFailover("fail back to preferred active " + me));
        }
      }
    }
  }

  private boolean failbackWanted() {
    return settings.isPreferredActive() && state == STANDBY && inElection && pause == null
        && currentActive.filter(a -> !a.equals(me)).isPresent()
        && health.healthyFor(clock.instant()).compareTo(settings.failbackDelay()) >= 0;
  }

  private void maybeScheduleFailback() {
    boolean candidate = settings.isPreferredActive() && state == STANDBY && inElection && pause == null
        && currentActive.filter(a -> !a.equals(me)).isPresent() && health.state() == HealthState.HEALTHY;
    if (!candidate) {
      timers.cancel(TimerKind.FAILBACK);
    } else if (!timers.pending(TimerKind.FAILBACK)) {
      Duration wait = settings.failbackDelay().minus(health.healthyFor(clock.instant()));
      out.add(timers.schedule(TimerKind.FAILBACK, wait));
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  private void recordDemotion(String reason, HealthState healthBefore) {
    Instant now = clock.instant();
    List<Phase> phases = new ArrayList<>();
    health.lastHealthyAt().filter(t -> healthBefore == HealthState.HEALTHY && health.state() != HealthState.HEALTHY)
        .ifPresent(t -> phases.add(new Phase("detect", t, Duration.between(t, now), "last healthy poll -> "
            + health.state())));
    phases.add(new Phase("step-down", now, Duration.ZERO, reason));
    timeline.put(new FailoverRecord(++demotions, FailoverRecord.Kind.DEMOTION, me, now, reason, Optional.of(me),
        phases, Optional.of(epoch), FailoverRecord.Outcome.SUCCEEDED, reason));
  }

  private void moveTo(ControllerState next, String reason) {
    if (next == state) {
      return;
    }
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException(me + ": illegal transition " + state + " -> " + next + " (" + reason + ")");
    }
    log.info("{}: {} -> {} ({})", me, state, next, reason);
    state = next;
  }

  private void reply(long requestId, boolean ok, String message) {
    out.add(new Effect.Reply(requestId, ok, message));
  }

  private void replyIfRequest(Event event, boolean ok, String message) {
    if (event instanceof CedeRequested e) {
      reply(e.requestId(), ok, message);
    } else if (event instanceof PauseRequested e) {
      reply(e.requestId(), ok, message);
    } else if (event instanceof ResumeRequested e) {
      reply(e.requestId(), ok, message);
    } else if (event instanceof StopRequested e) {
      reply(e.requestId(), true, message);
    }
  }

  /** Why a cede or graceful failover is refused while paused, and what to do about it. */
  private String pausedRefusal(String what) {
    return me + ": " + what + " refused: automatic failover is paused (" + pause.reason() + ", until " + pause.until()
        + "); run -resume first, or wait until the pause expires";
  }

  private Optional<Instant> cededUntilIfCeded() {
    return clock.instant().isBefore(cededUntil) ? Optional.of(cededUntil) : Optional.empty();
  }

  private static String describe(String detail) {
    return detail == null || detail.isEmpty() ? "" : " (" + detail + ")";
  }

  private CoreExplainer.Facts explainFacts() {
    return new CoreExplainer.Facts(me, state, roleBeforeNeutral, electionNote, currentActive, Optional.ofNullable(pause),
        cededUntilIfCeded(), pipeline.deferral(), pipeline.openStep(), pipeline.lastFailure(),
        timers.pending(TimerKind.FAILBACK) ? Optional.of("fail-back to this preferred active scheduled once it has been"
            + " healthy for " + settings.failbackDelay()) : Optional.empty(), pipeline.breadcrumbNote(), zk);
  }
}
