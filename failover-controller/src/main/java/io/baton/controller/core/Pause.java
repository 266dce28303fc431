package io.baton.controller.core;

import java.time.Instant;

/** Maintenance mode: automatic failover is off until {@code until} or a resume. */
public record Pause(String reason, Instant since, Instant until) {}
