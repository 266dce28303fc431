package io.baton.controller.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The state of one promotion attempt and its timed phases; owned by the core's thread. */
final class Promotion {
  final long attempt;
  final Instant start;
  final String reason;
  final boolean manual;
  private final List<Phase> phases = new ArrayList<>();
  private String openPhase;
  private Instant openSince;
  Optional<String> previousActive = Optional.empty();
  Optional<Long> epoch = Optional.empty();
  Optional<Instant> deferredUntil = Optional.empty();
  /** Why the graceful fence is skipped (the old active's controller reported it not responding), if it is. */
  Optional<String> gracefulFenceSkip = Optional.empty();
  /** The fencing chain's failure when it ran first because the graceful fence was skipped; else null. */
  String skippedFenceFailure;
  /** How the old active was dealt with, for the state trace: "fenced nn2 by sshfence in 412 ms". */
  String fencingSummary = "no previous active to fence";
  boolean activationRequested;
  /** The NameNodes still to fence, in order: the breadcrumb's one, or every peer when it is unreadable. */
  final java.util.ArrayDeque<String> toFence = new java.util.ArrayDeque<>();
  /** The NameNode being fenced now, or null. */
  String target;
  /** Why the breadcrumb could not be read (naming the znode), if so. */
  Optional<String> unreadableBreadcrumb = Optional.empty();
  /** Waiting for the probe of the old active before anti-flapping may defer. */
  boolean probing;
  /** The last promotion's time, kept while the probe decides whether anti-flapping applies. */
  Optional<Instant> lastPromotionAt = Optional.empty();
  int fencedCount;

  Promotion(long attempt, Instant start, String reason, boolean manual) {
    this.attempt = attempt;
    this.start = start;
    this.reason = reason;
    this.manual = manual;
  }

  void addPhase(String name, Instant from, Duration took, String detail) {
    phases.add(new Phase(name, from, took, detail));
  }

  void begin(String name, Instant now) {
    openPhase = name;
    openSince = now;
  }

  /** Closes the open phase, if any. */
  void end(Instant now, String detail) {
    if (openPhase != null) {
      phases.add(new Phase(openPhase, openSince, Duration.between(openSince, now), detail));
      openPhase = null;
    }
  }

  Optional<Instant> openSince() {
    return Optional.ofNullable(openSince);
  }

  Optional<String> openPhase() {
    return Optional.ofNullable(openPhase);
  }

  FailoverRecord toRecord(String nodeId, FailoverRecord.Outcome outcome, String detail) {
    List<Phase> all = new ArrayList<>(phases);
    if (openPhase != null) {
      all.add(new Phase(openPhase, openSince, Duration.ZERO, "in progress"));
    }
    return new FailoverRecord(attempt, FailoverRecord.Kind.PROMOTION, nodeId, start, reason, previousActive, all,
        epoch, outcome, detail);
  }
}
