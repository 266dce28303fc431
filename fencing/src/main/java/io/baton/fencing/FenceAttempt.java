package io.baton.fencing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One method's try, for the failover timeline and metrics.
 *
 * @param method the method's name as configured ({@code sshfence}, {@code shell}, {@code journal} or a class name)
 * @param index its position in the chain, from 0
 * @param reason why it ended this way, in words an operator can act on
 * @param outputHead the first lines the method produced (command output, remote output)
 */
public record FenceAttempt(
    String method,
    int index,
    Instant start,
    Duration duration,
    FenceOutcome outcome,
    String reason,
    List<String> outputHead) {

  public FenceAttempt {
    outputHead = List.copyOf(outputHead);
  }

  public boolean fenced() {
    return outcome == FenceOutcome.FENCED;
  }

  /** {@code sshfence UNREACHABLE in 2003 ms (no answer from 10.0.0.2:22 within 2000 ms)}. */
  public String describe() {
    return method + " " + outcome + " in " + duration.toMillis() + " ms (" + reason + ")";
  }
}
