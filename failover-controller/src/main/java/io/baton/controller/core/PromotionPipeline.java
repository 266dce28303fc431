package io.baton.controller.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps after winning the lock, one attempt at a time: read breadcrumb, (anti-flapping wait), graceful fence
 * of the old active, fencing chain if that failed, claim epoch + write breadcrumb, transitionToActive. Each
 * step's result carries its attempt number; results of an abandoned attempt are recognised and dropped. The
 * core owns the controller's role; this class owns the attempt, its timeline record and the back-off.
 */
final class PromotionPipeline {
  private static final Logger log = LoggerFactory.getLogger(PromotionPipeline.class);

  /** How often a deferring controller asks the old active again whether it is still active. */
  static final Duration REPROBE = Duration.ofMillis(500);

  /** What a step led to. */
  enum Step { CONTINUE, PROMOTED, FAILED, STALE }

  /** An abandoned attempt: whether transitionToActive may be half-done, and the retry note. */
  record Abandoned(long attempt, boolean activationRequested, String retryNote) {}

  private final CoreSettings settings;
  private final Clock clock;
  private final String me;
  private final Timeline timeline;
  private final TimerTokens timers;
  private Promotion promotion;
  private long attempts;
  private int consecutiveFailures;
  private String lastFailure;
  private String failureOfLastStep;
  private String promotedSummary;
  private Instant rejoinNotBefore = Instant.EPOCH;
  private final java.util.function.LongSupplier epochFloor;
  private Optional<String> breadcrumbProblem = Optional.empty();

  PromotionPipeline(CoreSettings settings, Clock clock, Timeline timeline, TimerTokens timers,
      java.util.function.LongSupplier epochFloor) {
    this.settings = settings;
    this.epochFloor = epochFloor;
    this.clock = clock;
    this.me = settings.nodeId();
    this.timeline = timeline;
    this.timers = timers;
  }

  boolean inProgress() {
    return promotion != null;
  }

  long attempt() {
    return promotion == null ? 0 : promotion.attempt;
  }

  boolean activationRequested() {
    return promotion != null && promotion.activationRequested;
  }

  Instant rejoinNotBefore() {
    return rejoinNotBefore;
  }

  Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /** Why the last step returned FAILED. */
  String failure() {
    return failureOfLastStep;
  }

  /** The summary of the promotion that just succeeded (after PROMOTED). */
  String promotedSummary() {
    return promotedSummary;
  }

  /** What was wrong with the breadcrumb at the last read, and what was done about it. */
  Optional<String> breadcrumbNote() {
    return breadcrumbProblem.map(p -> p + "; so every other NameNode " + settings.peers() + " is fenced before a"
        + " promotion");
  }

  Optional<String> openStep() {
    return Optional.ofNullable(promotion).flatMap(Promotion::openPhase);
  }

  Optional<String> deferral() {
    return Optional.ofNullable(promotion).flatMap(p -> p.deferredUntil.map(u -> "promotion attempt " + p.attempt
        + " deferred by anti-flapping until " + u + " (minimum interval " + settings.antiFlappingWindow()
        + " between automatic failovers)"));
  }

  /** Starts attempt N: the first effect is reading the breadcrumb. */
  long start(Optional<Instant> lockFreeSince, String reason, boolean manual, List<Effect> out) {
    Instant now = clock.instant();
    promotion = new Promotion(++attempts, now, reason, manual);
    lockFreeSince.filter(t -> !t.isAfter(now)).ifPresent(
        t -> promotion.addPhase("elect", t, Duration.between(t, now), "lock free -> lock won"));
    promotion.begin("read-breadcrumb", now);
    timeline.put(promotion.toRecord(me, FailoverRecord.Outcome.IN_PROGRESS, "reading breadcrumb"));
    out.add(new Effect.ReadBreadcrumb(promotion.attempt));
    return promotion.attempt;
  }

  private boolean stale(long attempt) {
    boolean current = promotion != null && promotion.attempt == attempt;
    if (!current) {
      log.debug("{}: dropping a result of abandoned attempt {}", me, attempt);
    }
    return !current;
  }

  Step onBreadcrumb(Event.BreadcrumbRead e, List<Effect> out) {
    if (stale(e.attempt())) {
      return Step.STALE;
    }
    Instant now = clock.instant();
    Optional<String> previous = e.previousActive().filter(p -> !p.equals(me));
    promotion.previousActive = e.previousActive();
    promotion.gracefulFenceSkip = previous.flatMap(p -> gracefulFenceSkip(p, e));
    breadcrumbProblem = e.unreadable();
    if (e.unreadable().isPresent() && e.previousActive().isEmpty()) {
      // the last active is unknown: it may be any of the others, so all of them are fenced (Hadoop stalls here)
      promotion.unreadableBreadcrumb = e.unreadable();
      promotion.toFence.addAll(settings.peers());
      promotion.end(now, "unreadable breadcrumb: fencing every other NameNode " + settings.peers());
      log.warn("{}: {}; fencing every other NameNode of the nameservice {}", me, e.unreadable().get(),
          settings.peers());
      promotion.fencingSummary = "breadcrumb unreadable, no other NameNode to fence";
      fenceNextOrClaim(out);
      return Step.CONTINUE;
    }
    promotion.end(now, e.previousActive().map(p -> "last active: " + p).orElse("no breadcrumb"));
    if (previous.isEmpty()) {
      promotion.fencingSummary = e.previousActive().isPresent() ? "breadcrumb names this node, nothing to fence"
          : "no previous active to fence";
      claimEpoch(out);
      return Step.CONTINUE;
    }
    promotion.toFence.add(previous.get());
    Duration window = settings.antiFlappingWindow();
    boolean applies = !promotion.manual && !window.isZero() && e.lastPromotionAt().isPresent();
    if (applies && !e.previousActiveReachable()) {
      log.info("{}: anti-flapping does not apply: {} is down", me, previous.get());
    } else if (applies && now.isBefore(antiFlapUntil(e.lastPromotionAt().get(), now, window))) {
      // only a failover away from a NameNode that is still active can flap: ask it first
      promotion.lastPromotionAt = e.lastPromotionAt();
      promotion.probing = true;
      promotion.begin("probe " + previous.get(), now);
      out.add(new Effect.ProbeNameNode(promotion.attempt, previous.get()));
      return Step.CONTINUE;
    }
    fenceNextOrClaim(out);
    return Step.CONTINUE;
  }

  /** The old active's state is known: anti-flapping defers only when it is still ACTIVE. */
  Step onProbed(Event.NameNodeProbed e, List<Effect> out) {
    if (stale(e.attempt()) || !(promotion.probing || promotion.deferredUntil.isPresent())) {
      return Step.STALE;
    }
    Instant now = clock.instant();
    String old = e.namenodeId();
    String state = e.state().map(Enum::name).orElse("not answering (" + e.detail() + ")");
    boolean stillActive = e.state().filter(s -> s == ServiceState.ACTIVE).isPresent();
    if (promotion.deferredUntil.isPresent()) {
      if (stillActive) {
        out.add(timers.schedule(TimerKind.ANTI_FLAP_REPROBE, REPROBE));
        return Step.CONTINUE;
      }
      // its controller demoted it (session lost) or it died while we waited: nothing left to flap
      log.info("{}: anti-flapping wait over early: {} is now {}", me, old, state);
      timers.cancel(TimerKind.ANTI_FLAP_OVER);
      promotion.deferredUntil = Optional.empty();
      promotion.end(now, old + " is " + state + ": nothing left to flap");
      fenceNextOrClaim(out);
      return Step.CONTINUE;
    }
    promotion.probing = false;
    promotion.end(now, old + " is " + state);
    if (!stillActive) {
      log.info("{}: anti-flapping does not apply: {} is {}", me, old, state);
      fenceNextOrClaim(out);
      return Step.CONTINUE;
    }
    Duration window = settings.antiFlappingWindow();
    Instant last = promotion.lastPromotionAt.orElseThrow();
    Instant until = antiFlapUntil(last, now, window);
    if (!now.isBefore(until)) {
      fenceNextOrClaim(out);
      return Step.CONTINUE;
    }
    if (last.isAfter(now)) {
      log.warn("{}: {}'s last promotion time {} is ahead of this clock ({}): clock skew; deferring one window at"
          + " most", me, old, last, now);
    }
    promotion.deferredUntil = Optional.of(until);
    promotion.begin("anti-flapping", now);
    log.info("{}: failover deferred by anti-flapping until {}: last failover at {}, minimum interval {}, {} is"
        + " still ACTIVE", me, until, last, window, old);
    out.add(timers.schedule(TimerKind.ANTI_FLAP_OVER, Duration.between(now, until)));
    out.add(timers.schedule(TimerKind.ANTI_FLAP_REPROBE, REPROBE));
    return Step.CONTINUE;
  }

  /** While deferred: ask the old active again. */
  void reprobe(List<Effect> out) {
    if (promotion != null && promotion.deferredUntil.isPresent()) {
      out.add(new Effect.ProbeNameNode(promotion.attempt, promotion.toFence.peek()));
    }
  }

  /** Fences the next NameNode still to fence, or claims the epoch once none is left. */
  private void fenceNextOrClaim(List<Effect> out) {
    String next = promotion.toFence.poll();
    promotion.target = next;
    if (next == null) {
      claimEpoch(out);
    } else {
      gracefulFence(next, out);
    }
  }

  private void fenced(String how) {
    promotion.fencingSummary = promotion.fencedCount++ == 0 ? how : promotion.fencingSummary + "; " + how;
  }

  /**
   * The peer wrote its promotion time with its own wall clock, which may be skewed or stepped: the deferral
   * never reaches beyond one window from now.
   */
  static Instant antiFlapUntil(Instant lastPromotionAt, Instant now, Duration window) {
    Instant until = lastPromotionAt.plus(window);
    Instant cap = now.plus(window);
    return until.isAfter(cap) ? cap : until;
  }

  /** The anti-flapping window is over: go on with the graceful fence. */
  void antiFlapOver(List<Effect> out) {
    if (promotion != null && promotion.deferredUntil.isPresent()) {
      promotion.deferredUntil = Optional.empty();
      timers.cancel(TimerKind.ANTI_FLAP_REPROBE);
      promotion.end(clock.instant(), "minimum interval between failovers elapsed");
      fenceNextOrClaim(out);
    }
  }

  private void gracefulFence(String old, List<Effect> out) {
    Instant now = clock.instant();
    if (promotion.gracefulFenceSkip.isPresent()) {
      String why = promotion.gracefulFenceSkip.get();
      log.info("{}: skipping the graceful fence of {}: {}", me, old, why);
      promotion.addPhase("graceful-fence " + old, now, Duration.ZERO, "skipped: " + why);
      promotion.begin("fence " + old, now);
      out.add(new Effect.Fence(promotion.attempt, old));
      return;
    }
    promotion.begin("graceful-fence " + old, now);
    out.add(new Effect.GracefulFence(promotion.attempt, old));
  }

  /**
   * Why transitionToStandby on the old active would only wait for its timeout: its own controller said, when it
   * released the lock, that the NameNode does not respond. The verdict must name the breadcrumb's NameNode and
   * be written after the breadcrumb (ZooKeeper's order), so a verdict from an earlier term never counts. The
   * fencing chain runs either way; skipping only saves the wait.
   */
  private static Optional<String> gracefulFenceSkip(String old, Event.BreadcrumbRead e) {
    return e.verdict()
        .filter(v -> v.namenodeId().equals(old) && v.health() == HealthState.NOT_RESPONDING
            && v.order() > e.breadcrumbOrder())
        .map(v -> "its controller stepped down at " + v.at() + " because " + old + " was " + v.health());
  }

  Step onGracefulFence(Event.GracefulFenceDone e, List<Effect> out) {
    if (stale(e.attempt())) {
      return Step.STALE;
    }
    String old = promotion.target;
    promotion.end(clock.instant(), e.ok() ? old + " went standby" : e.detail());
    if (e.ok()) {
      fenced(old + " went standby gracefully");
      fenceNextOrClaim(out);
    } else if (promotion.skippedFenceFailure != null) {
      return failed("unable to fence " + old + ": " + promotion.skippedFenceFailure + "; graceful fence: "
          + e.detail());
    } else {
      promotion.begin("fence " + old, clock.instant());
      out.add(new Effect.Fence(promotion.attempt, old));
    }
    return Step.CONTINUE;
  }

  Step onFence(Event.FenceDone e, List<Effect> out) {
    if (stale(e.attempt())) {
      return Step.STALE;
    }
    Instant now = clock.instant();
    String old = promotion.target;
    Instant from = promotion.openSince().orElse(now.minus(e.result().took()));
    promotion.end(now, e.result().summary());
    int i = 0;
    for (FenceResult.Attempt a : e.result().attempts()) {
      promotion.addPhase("fence " + old + " #" + (++i) + " " + a.method(), from, a.duration(),
          a.outcome() + (a.reason().isEmpty() ? "" : ": " + a.reason()));
      from = from.plus(a.duration());
    }
    if (!e.result().fenced() && promotion.gracefulFenceSkip.isPresent()) {
      // the graceful fence was skipped on the verdict; the old active may have come back since: like Hadoop,
      // a promotion goes ahead when either the graceful fence or the chain succeeds
      promotion.gracefulFenceSkip = Optional.empty();
      promotion.skippedFenceFailure = e.result().summary();
      gracefulFence(old, out);
      return Step.CONTINUE;
    }
    if (!e.result().fenced()) {
      return failed("unable to fence " + old + ": " + e.result().summary());
    }
    fenced(e.result().summary());
    fenceNextOrClaim(out);
    return Step.CONTINUE;
  }

  private void claimEpoch(List<Effect> out) {
    promotion.begin("claim-epoch", clock.instant());
    out.add(new Effect.ClaimEpoch(promotion.attempt, epochFloor.getAsLong()));
  }

  Step onEpochClaimed(Event.EpochClaimed e, List<Effect> out) {
    if (stale(e.attempt())) {
      return Step.STALE;
    }
    promotion.epoch = Optional.of(e.epoch());
    promotion.end(clock.instant(), "epoch " + e.epoch() + ", breadcrumb written");
    promotion.begin("promote", clock.instant());
    promotion.activationRequested = true;
    out.add(new Effect.TransitionToActive(promotion.attempt));
    return Step.CONTINUE;
  }

  Step onActivation(Event.ActivationDone e) {
    if (stale(e.attempt())) {
      return Step.STALE;
    }
    if (!e.ok()) {
      return failed("transitionToActive failed: " + e.detail());
    }
    Instant now = clock.instant();
    promotion.end(now, "transitionToActive ok");
    Promotion p = promotion;
    promotion = null;
    consecutiveFailures = 0;
    lastFailure = null;
    breadcrumbProblem = Optional.empty(); // our breadcrumb replaced it
    long took = Duration.between(p.start, now).toMillis();
    promotedSummary = "epoch " + p.epoch.orElse(0L) + ", " + p.fencingSummary + ", promoted in " + took + " ms";
    timeline.put(p.toRecord(me, FailoverRecord.Outcome.SUCCEEDED, promotedSummary));
    return Step.PROMOTED;
  }

  Step onStepFailed(Event.StepFailed e) {
    return stale(e.attempt()) ? Step.STALE : failed(e.step() + " failed: " + e.error());
  }

  private Step failed(String why) {
    failureOfLastStep = why + promotion.unreadableBreadcrumb.map(u -> " (" + u + ")").orElse("");
    return Step.FAILED;
  }

  /** Ends the current attempt as FAILED; with {@code backOff} the next join waits (doubling each time). */
  Abandoned abandon(String why, boolean backOff, List<Effect> out) {
    Promotion p = promotion;
    promotion = null;
    Instant now = clock.instant();
    p.end(now, "failed");
    lastFailure = "attempt " + p.attempt + ": " + why;
    timeline.put(p.toRecord(me, FailoverRecord.Outcome.FAILED, why));
    timers.cancel(TimerKind.ANTI_FLAP_OVER);
    timers.cancel(TimerKind.ANTI_FLAP_REPROBE);
    String retry = "";
    if (backOff) {
      consecutiveFailures++;
      Duration backoff = backoff(consecutiveFailures);
      rejoinNotBefore = now.plus(backoff);
      out.add(timers.schedule(TimerKind.REJOIN, backoff));
      retry = "; re-joining in " + backoff.toMillis() + " ms";
    }
    return new Abandoned(p.attempt, p.activationRequested, retry);
  }

  /** After a state mismatch: stay out of the election for the base back-off. */
  void holdOff(List<Effect> out) {
    rejoinNotBefore = clock.instant().plus(settings.retryBackoff());
    out.add(timers.schedule(TimerKind.REJOIN, settings.retryBackoff()));
  }

  private Duration backoff(int failures) {
    Duration d = settings.retryBackoff();
    for (int i = 1; i < failures && d.compareTo(settings.maxRetryBackoff()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : d;
  }
}
