package io.baton.fencing;

import java.util.Objects;

/** What one fence method reports; the chain adds timing and output to make a {@link FenceAttempt}. */
public record FenceResult(FenceOutcome outcome, String reason) {
  public FenceResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  public static FenceResult fenced(String reason) {
    return new FenceResult(FenceOutcome.FENCED, reason);
  }

  public static FenceResult failed(String reason) {
    return new FenceResult(FenceOutcome.FAILED, reason);
  }

  public static FenceResult unreachable(String reason) {
    return new FenceResult(FenceOutcome.UNREACHABLE, reason);
  }

  public static FenceResult timedOut(String reason) {
    return new FenceResult(FenceOutcome.TIMED_OUT, reason);
  }
}
