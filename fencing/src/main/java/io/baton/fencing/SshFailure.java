package io.baton.fencing;

/** An ssh step that failed, already classified: {@link FenceOutcome#UNREACHABLE} or {@link FenceOutcome#FAILED}. */
final class SshFailure extends Exception {
  private final FenceOutcome outcome;

  SshFailure(FenceOutcome outcome, String reason) {
    super(reason);
    this.outcome = outcome;
  }

  FenceOutcome outcome() {
    return outcome;
  }

  FenceResult toResult() {
    return new FenceResult(outcome, getMessage());
  }
}
