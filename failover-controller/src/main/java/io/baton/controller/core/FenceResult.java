package io.baton.controller.core;

import java.time.Duration;
import java.util.List;

/**
 * What the fencing chain reported, in the core's terms (the fencing module's report is mapped onto this).
 *
 * @param fenced whether some method fenced the target
 * @param summary one line, e.g. {@code fenced nn2 by sshfence in 412 ms}
 * @param attempts every method tried, in order
 * @param took the whole chain
 */
public record FenceResult(boolean fenced, String summary, List<Attempt> attempts, Duration took) {
  public FenceResult {
    attempts = List.copyOf(attempts);
  }

  /** One method of the chain: outcome is FENCED, FAILED, UNREACHABLE or TIMED_OUT. */
  public record Attempt(String method, String outcome, Duration duration, String reason) {}
}
