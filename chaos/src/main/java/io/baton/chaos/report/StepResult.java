package io.baton.chaos.report;

import java.util.Optional;

/**
 * What one fault step did.
 *
 * @param injectMs / healMs offsets from the start of the run
 * @param victim the NameNode that lost the active role: the fault hit it while active and another NameNode was
 *     active after the heal (empty when the fault hit no active or no failover happened)
 * @param recoveryMs client-observed: from the injection to the first write acknowledged by another NameNode (or
 *     by any NameNode, for faults that need no failover); empty when no write was acknowledged afterwards
 * @param skipped why the step did not run in this mode (empty when it ran)
 * @param error why the step broke the run (empty when it did not)
 */
public record StepResult(int index, String fault, String plan, long injectMs, long healMs, String injected,
    String healed, Optional<String> victim, Optional<Long> recoveryMs, Optional<String> skipped,
    Optional<String> error) {}
