package io.baton.fencing;

import java.util.Optional;

/**
 * A way to fence a NameNode. The built-in methods implement it, and so can custom fencers named by
 * class in {@code dfs.ha.fencing.methods} (public no-argument constructor required).
 *
 * <p>Threading: {@link #fence} and {@link #drill} run on a fencing thread of the chain, never on the
 * caller's thread. They must watch {@link FenceContext#deadline()} and return by then; if they do not,
 * the chain interrupts them and records {@link FenceOutcome#TIMED_OUT}. Exceptions are recorded as
 * {@link FenceOutcome#FAILED} with their message.
 */
public interface FenceMethod {

  /**
   * Checks the text in parentheses when the configuration loads, so bad arguments are a configuration
   * error, not a surprise during a failover.
   *
   * @param args the text between the parentheses, stripped; empty when the method was written without them
   * @throws IllegalArgumentException saying what is wrong and how to write it
   */
  default void checkArgs(Optional<String> args) {}

  /** Fences {@link FenceContext#target()}; must not report FENCED unless the target can no longer serve. */
  FenceResult fence(FenceContext context) throws Exception;

  /** Checks that fencing would work, without fencing anything. */
  default CheckResult drill(FenceContext context) throws Exception {
    return CheckResult.passed("no pre-flight check for this method");
  }
}
