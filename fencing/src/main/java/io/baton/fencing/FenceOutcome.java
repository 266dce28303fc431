package io.baton.fencing;

/** How one fence attempt ended. Only {@link #FENCED} allows the new active to be promoted. */
public enum FenceOutcome {
  /** The target can no longer serve (process killed, port closed, or storage fenced). */
  FENCED,
  /** The method ran and could not fence: bad credentials, host key refused, command failed. */
  FAILED,
  /** The method could not reach what it fences (host or journal nodes down or cut off). */
  UNREACHABLE,
  /** The method did not finish within its timeout or the chain deadline; it was abandoned. */
  TIMED_OUT
}
