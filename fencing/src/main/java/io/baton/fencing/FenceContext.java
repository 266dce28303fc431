package io.baton.fencing;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import java.util.Optional;

/**
 * Everything a fence method gets for one attempt.
 *
 * @param target the NameNode to fence
 * @param source in a manual failover, the other NameNode
 * @param args the method's configured arguments (the text in parentheses), empty when none
 * @param deployment the whole configuration (Hadoop fencers get it as their Configuration)
 * @param deadline when the method must have returned
 * @param output where the method's output lines go (logged and kept for the report)
 */
public record FenceContext(
    NameNodeConfig target,
    Optional<NameNodeConfig> source,
    Optional<String> args,
    DeploymentConfig deployment,
    Deadline deadline,
    FenceLog output) {}
