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

  private ControllerState state = INITIALIZING;
  private ControllerState roleBeforeNeutral = INITIALIZING;
  private ZkConnection zk = ZkConnection.SUSPENDED;
  private boolean inElection;
  private String electionNote = "not joined yet: waiting for the first health check";
  private Optional<String> currentActive = Optional.empty();
  private Optional<String> lastKnownActive = Optional.empty();
  private long epoch;
  private Promotion promotion;
  private long attempts;
  private long demotions;
  private int consecutiveFailures;
  private String lastFailure;
  private Instant rejoinNotBefore = Instant.EPOCH;
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
      onBreadcrumb(e);
    } else if (event instanceof GracefulFenceDone e) {
      onGracefulFence(e);
    } else if (event instanceof FenceDone e) {
      onFence(e);
    } else if (event instanceof EpochClaimed e) {
      onEpochClaimed(e);
    } else if (event instanceof ActivationDone e) {
      onActivation(e);
    } else if (event instanceof StepFailed e) {
      if (isCurrent(e.attempt())) {
        failAttempt(e.step() + " failed: " + e.error(), true);
      }
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
      manualReason = e.reason();
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
    if (promotion != null) {
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
      Duration backoff = settings.retryBackoff();
      rejoinNotBefore = clock.instant().plus(backoff);
      out.add(timers.schedule(TimerKind.REJOIN, backoff));
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
    if (inElection) {
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
    if (now.isBefore(rejoinNotBefore)) {
      return Optional.of("backing off until " + rejoinNotBefore + " after: " + lastFailure);
    }
    return Optional.empty();
  }

  /** Leave the election because we are no longer electable; an active demotes its NameNode. */
  private void stepDown(String why) {
    if (promotion != null) {
      failAttempt(why, false);
      return;
    }
    ControllerState role = state == NEUTRAL ? roleBeforeNeutral : state;
    if (role == ACTIVE) {
      recordDemotion(why, HealthState.HEALTHY);
      quit(false); // breadcrumb stays: the next active fences us
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
    inElection = false;
    out.add(new Effect.QuitElection(deleteBreadcrumb));
  }

  private void requestStandby(String reason) {
    localTransitionInFlight = true;
    out.add(new Effect.TransitionToStandby(reason));
  }

  // ---- promotion pipeline -------------------------------------------------------------------------------

  private void startPromotion(Optional<Instant> lockFreeSince) {
    Instant now = clock.instant();
    boolean manual = manualReason != null;
    String reason = manual ? manualReason
        : lastKnownActive.filter(a -> !a.equals(me)).map(a -> a + " gave up the election lock")
            .orElse("no NameNode was active");
    manualReason = null;
    promotion = new Promotion(++attempts, now, reason, manual);
    lockFreeSince.filter(t -> !t.isAfter(now)).ifPresent(
        t -> promotion.addPhase("elect", t, Duration.between(t, now), "lock free -> lock won"));
    promotion.begin("read-breadcrumb", now);
    timeline.put(promotion.toRecord(me, FailoverRecord.Outcome.IN_PROGRESS, "reading breadcrumb"));
    moveTo(BECOMING_ACTIVE, "won the election, attempt " + promotion.attempt + ": " + reason);
    out.add(new Effect.ReadBreadcrumb(promotion.attempt));
  }

  private boolean isCurrent(long attempt) {
    boolean current = promotion != null && promotion.attempt == attempt;
    if (!current) {
      log.debug("{}: dropping a result of abandoned attempt {}", me, attempt);
    }
    return current;
  }

  private void onBreadcrumb(BreadcrumbRead e) {
    if (!isCurrent(e.attempt())) {
      return;
    }
    Instant now = clock.instant();
    Optional<String> previous = e.previousActive().filter(p -> !p.equals(me));
    promotion.previousActive = e.previousActive();
    promotion.end(now, e.previousActive().map(p -> "last active: " + p).orElse("no breadcrumb"));
    if (previous.isEmpty()) {
      promotion.fencingSummary = e.previousActive().isPresent() ? "breadcrumb names this node, nothing to fence"
          : "no previous active to fence";
      claimEpoch();
      return;
    }
    Duration window = settings.antiFlappingWindow();
    if (!promotion.manual && !window.isZero() && e.lastPromotionAt().isPresent() && !e.previousActiveReachable()) {
      log.info("{}: anti-flapping does not apply: {} is down", me, previous.get());
    } else if (!promotion.manual && !window.isZero() && e.lastPromotionAt().isPresent()) {
      Instant until = e.lastPromotionAt().get().plus(window);
      if (now.isBefore(until)) {
        promotion.deferredUntil = Optional.of(until);
        promotion.begin("anti-flapping", now);
        log.info("{}: failover deferred by anti-flapping until {}: last failover at {}, minimum interval {}",
            me, until, e.lastPromotionAt().get(), window);
        out.add(timers.schedule(TimerKind.ANTI_FLAP_OVER, Duration.between(now, until)));
        return;
      }
    }
    gracefulFence(previous.get());
  }

  private void gracefulFence(String old) {
    promotion.begin("graceful-fence " + old, clock.instant());
    out.add(new Effect.GracefulFence(promotion.attempt, old));
  }

  private void onGracefulFence(GracefulFenceDone e) {
    if (!isCurrent(e.attempt())) {
      return;
    }
    String old = promotion.previousActive.orElse("?");
    promotion.end(clock.instant(), e.ok() ? old + " went standby" : e.detail());
    if (e.ok()) {
      promotion.fencingSummary = old + " went standby gracefully";
      claimEpoch();
      return;
    }
    promotion.begin("fence " + old, clock.instant());
    out.add(new Effect.Fence(promotion.attempt, old));
  }

  private void onFence(FenceDone e) {
    if (!isCurrent(e.attempt())) {
      return;
    }
    Instant now = clock.instant();
    String old = promotion.previousActive.orElse("?");
    Instant from = promotion.openSince().orElse(now.minus(e.result().took()));
    promotion.end(now, e.result().summary());
    int i = 0;
    for (FenceResult.Attempt a : e.result().attempts()) {
      promotion.addPhase("fence " + old + " #" + (++i) + " " + a.method(), from, a.duration(),
          a.outcome() + (a.reason().isEmpty() ? "" : ": " + a.reason()));
      from = from.plus(a.duration());
    }
    if (!e.result().fenced()) {
      failAttempt("unable to fence " + old + ": " + e.result().summary(), true);
      return;
    }
    promotion.fencingSummary = e.result().summary();
    claimEpoch();
  }

  private void claimEpoch() {
    promotion.begin("claim-epoch", clock.instant());
    out.add(new Effect.ClaimEpoch(promotion.attempt));
  }

  private void onEpochClaimed(EpochClaimed e) {
    if (!isCurrent(e.attempt())) {
      return;
    }
    epoch = Math.max(epoch, e.epoch());
    promotion.epoch = Optional.of(e.epoch());
    promotion.end(clock.instant(), "epoch " + e.epoch() + ", breadcrumb written");
    promotion.begin("promote", clock.instant());
    promotion.activationRequested = true;
    localTransitionInFlight = true;
    out.add(new Effect.TransitionToActive(promotion.attempt));
  }

  private void onActivation(ActivationDone e) {
    localTransitionInFlight = false;
    if (!isCurrent(e.attempt())) {
      if (e.ok()) {
        log.warn("{}: late activation of abandoned attempt {} succeeded; demoting the NameNode again", me,
            e.attempt());
        requestStandby("late activation of abandoned attempt " + e.attempt());
      }
      return;
    }
    if (!e.ok()) {
      failAttempt("transitionToActive failed: " + e.detail(), true);
      return;
    }
    Instant now = clock.instant();
    promotion.end(now, "transitionToActive ok");
    Promotion p = promotion;
    promotion = null;
    consecutiveFailures = 0;
    lastFailure = null;
    currentActive = Optional.of(me);
    lastKnownActive = currentActive;
    long took = Duration.between(p.start, now).toMillis();
    String summary = "epoch " + p.epoch.orElse(epoch) + ", " + p.fencingSummary + ", promoted in " + took + " ms";
    FailoverRecord record = p.toRecord(me, FailoverRecord.Outcome.SUCCEEDED, summary);
    timeline.put(record);
    moveTo(ACTIVE, summary);
  }

  /** Abandons the current attempt: leave the election, undo a possibly half-done activation. */
  private void failAttempt(String why, boolean backOff) {
    Promotion p = promotion;
    promotion = null;
    Instant now = clock.instant();
    p.end(now, "failed");
    lastFailure = "attempt " + p.attempt + ": " + why;
    timeline.put(p.toRecord(me, FailoverRecord.Outcome.FAILED, why));
    timers.cancel(TimerKind.ANTI_FLAP_OVER);
    String retry = "";
    if (backOff) {
      consecutiveFailures++;
      Duration backoff = backoff(consecutiveFailures);
      rejoinNotBefore = now.plus(backoff);
      out.add(timers.schedule(TimerKind.REJOIN, backoff));
      retry = "; re-joining in " + backoff.toMillis() + " ms";
    }
    quit(false);
    if (p.activationRequested) {
      requestStandby("promotion attempt " + p.attempt + " failed after transitionToActive was sent");
    }
    log.warn("{}: promotion attempt {} failed: {}{}", me, p.attempt, why, retry);
    moveTo(state == NEUTRAL ? NEUTRAL : STANDBY, "attempt " + p.attempt + " failed");
    if (state == NEUTRAL) {
      roleBeforeNeutral = STANDBY;
    }
    electionNote = "out of the election: " + lastFailure + retry;
  }

  private Duration backoff(int failures) {
    Duration d = settings.retryBackoff();
    for (int i = 1; i < failures && d.compareTo(settings.maxRetryBackoff()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : d;
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
        if (promotion != null) {
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
    cededUntil = now.plus(e.period());
    out.add(timers.schedule(TimerKind.CEDE_OVER, e.period()));
    ControllerState role = state == NEUTRAL ? roleBeforeNeutral : state;
    if (promotion != null) {
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
    if (promotion != null) {
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
      case ANTI_FLAP_OVER -> {
        if (promotion != null && promotion.deferredUntil.isPresent()) {
          promotion.end(clock.instant(), "minimum interval between failovers elapsed");
          gracefulFence(promotion.previousActive.orElseThrow());
        }
      }
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

  private Optional<Instant> cededUntilIfCeded() {
    return clock.instant().isBefore(cededUntil) ? Optional.of(cededUntil) : Optional.empty();
  }

  private static String describe(String detail) {
    return detail == null || detail.isEmpty() ? "" : " (" + detail + ")";
  }

  private CoreExplainer.Facts explainFacts() {
    return new CoreExplainer.Facts(me, state, roleBeforeNeutral, electionNote, currentActive, Optional.ofNullable(pause),
        cededUntilIfCeded(), Optional.ofNullable(promotion).flatMap(p -> p.deferredUntil.map(u -> "promotion attempt "
            + p.attempt + " deferred by anti-flapping until " + u + " (minimum interval "
            + settings.antiFlappingWindow() + " between automatic failovers)")),
        Optional.ofNullable(promotion).flatMap(Promotion::openPhase), Optional.ofNullable(lastFailure),
        timers.pending(TimerKind.FAILBACK) ? Optional.of("fail-back to this preferred active scheduled once it has been"
            + " healthy for " + settings.failbackDelay()) : Optional.empty(), zk);
  }
}
