package io.baton.controller.core;

import java.time.Duration;
import java.time.Instant;

/** One timed step of a failover: detect, elect, read-breadcrumb, graceful-fence, fence, claim-epoch, promote. */
public record Phase(String name, Instant start, Duration duration, String detail) {}
