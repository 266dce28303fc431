package io.baton.controller.core;

import java.util.List;
import java.util.Optional;

/**
 * A consistent snapshot of the core, taken on the actor thread; what status, explain and metrics read.
 *
 * @param inElection whether we take part in the election (hold or wait for the lock)
 * @param electionNote why we are in or out of the election, in words
 * @param currentActive the lock holder as last seen
 * @param epoch the last promotion epoch seen in ZooKeeper
 * @param explain what the controller is waiting for or what blocks it, one line each
 */
public record ControllerStatus(
    String nodeId,
    ControllerState state,
    HealthState health,
    Optional<ServiceState> reportedState,
    String healthDetail,
    ZkConnection zookeeper,
    boolean inElection,
    String electionNote,
    Optional<String> currentActive,
    long epoch,
    Optional<Pause> maintenance,
    Optional<java.time.Instant> cededUntil,
    List<FailoverRecord> recentFailovers,
    List<String> explain) {

  public ControllerStatus {
    recentFailovers = List.copyOf(recentFailovers);
    explain = List.copyOf(explain);
  }
}
