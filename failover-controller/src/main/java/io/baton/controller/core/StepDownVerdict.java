package io.baton.controller.core;

import java.time.Instant;
import java.util.Objects;

/**
 * What a Baton controller that stepped down as active left in ZooKeeper about its own NameNode, just before it
 * released the lock (Hadoop's ZKFC never writes one).
 *
 * @param namenodeId the NameNode the verdict is about (the stepping-down controller's own)
 * @param health what its health monitor concluded
 * @param at when, by that controller's clock (for the timeline only; never compared across hosts)
 * @param order ZooKeeper's order of the write (the znode's mzxid); comparable with the breadcrumb's
 */
public record StepDownVerdict(String namenodeId, HealthState health, Instant at, long order) {
  public StepDownVerdict {
    Objects.requireNonNull(namenodeId, "namenodeId");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(at, "at");
  }
}
