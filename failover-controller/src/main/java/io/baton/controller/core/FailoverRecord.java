package io.baton.controller.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the failover timeline: a promotion attempt of this node, or a demotion of it.
 *
 * @param id attempt number (promotions) or a sequence number (demotions), unique per controller run
 * @param reason why it happened
 * @param previousActive the NameNode that was active before, when known
 * @param epoch the epoch claimed (promotions that got that far)
 * @param outcome IN_PROGRESS, SUCCEEDED or FAILED
 * @param detail the summary line, or the error
 */
public record FailoverRecord(
    long id,
    Kind kind,
    String nodeId,
    Instant start,
    String reason,
    Optional<String> previousActive,
    List<Phase> phases,
    Optional<Long> epoch,
    Outcome outcome,
    String detail) {

  public FailoverRecord {
    phases = List.copyOf(phases);
  }

  public enum Kind { PROMOTION, DEMOTION }

  public enum Outcome { IN_PROGRESS, SUCCEEDED, FAILED }

  /** From the first phase's start to the last phase's end. */
  public Duration total() {
    if (phases.isEmpty()) {
      return Duration.ZERO;
    }
    Phase last = phases.get(phases.size() - 1);
    return Duration.between(phases.get(0).start(), last.start().plus(last.duration()));
  }
}
