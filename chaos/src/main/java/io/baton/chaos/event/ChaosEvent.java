package io.baton.chaos.event;

import java.time.Instant;

/**
 * One thing that happened during a chaos run: a fault injected or healed, a process started, a phase of the run.
 *
 * @param at wall-clock time
 * @param offsetMs milliseconds since the run started (what the reports plot)
 * @param kind e.g. {@code inject}, {@code heal}, {@code phase}, {@code process}
 * @param subject what it happened to, e.g. {@code nn1}, {@code zk2}, {@code zombie(nn1)}
 * @param detail free text for the reader
 */
public record ChaosEvent(Instant at, long offsetMs, String kind, String subject, String detail) {}
