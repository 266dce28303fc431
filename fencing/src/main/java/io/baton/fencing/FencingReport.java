package io.baton.fencing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of running a fencing chain: every attempt, in order.
 *
 * @param fenced whether one method fenced the target; if false the controller must not promote
 * @param target the NameNode id that was to be fenced, for {@link #summary()}
 */
public record FencingReport(boolean fenced, List<FenceAttempt> attempts, Duration took, String target) {

  public FencingReport {
    attempts = List.copyOf(attempts);
  }

  /** For callers that do not know the target (e.g. test doubles); {@link #summary()} then says "the target". */
  public FencingReport(boolean fenced, List<FenceAttempt> attempts, Duration took) {
    this(fenced, attempts, took, "the target");
  }

  /** The attempt that fenced, when one did. */
  public Optional<FenceAttempt> winner() {
    return attempts.stream().filter(FenceAttempt::fenced).findFirst();
  }

  /** {@code fenced nn2 by sshfence in 412 ms}, or {@code could not fence nn2 in 30012 ms: sshfence UNREACHABLE ...}. */
  public String summary() {
    Optional<FenceAttempt> w = winner();
    if (fenced && w.isPresent()) {
      return "fenced " + target + " by " + w.get().method() + " in " + took.toMillis() + " ms";
    }
    if (attempts.isEmpty()) {
      return "could not fence " + target + " in " + took.toMillis() + " ms: no method was tried";
    }
    return "could not fence " + target + " in " + took.toMillis() + " ms: "
        + attempts.stream().map(FenceAttempt::describe).collect(Collectors.joining("; "));
  }
}
