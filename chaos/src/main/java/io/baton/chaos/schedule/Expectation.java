package io.baton.chaos.schedule;

/** What the verdict of a run must be for the run to pass. */
public enum Expectation {
  /** No split brain, no lost acknowledged write, liveness after the heal. */
  SAFE_AND_LIVE,
  /** Negative control: the checker must find split brain (fencing and the epoch check were off). */
  SPLIT_BRAIN_DETECTED
}
