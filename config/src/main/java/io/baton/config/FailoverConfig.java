package io.baton.config;

import java.time.Duration;

/**
 * {@code ha.failover-controller.*} and the retry policy.
 *
 * @param newActiveRpcTimeout {@code new-active.rpc-timeout.ms} (60 s): transitionToActive, and haadmin's
 *     gracefulFailover call
 * @param gracefulFenceRpcTimeout {@code graceful-fence.rpc-timeout.ms} (5 s): transitionToStandby of the old
 *     active; twice this is the cede time of a graceful failover
 * @param gracefulFenceConnectionRetries {@code graceful-fence.connection.retries} (1)
 * @param cliCheckRpcTimeout {@code cli-check.rpc-timeout.ms} (20 s): haadmin's read-only calls
 * @param zkOpRetries {@code active-standby-elector.zk.op.retries} (3)
 * @param retryBackoff pause after a failed attempt to become active, before re-joining (1 s, Hadoop's fixed value)
 * @param maxRetryBackoff cap of the back-off when attempts keep failing
 */
public record FailoverConfig(
    Duration newActiveRpcTimeout,
    Duration gracefulFenceRpcTimeout,
    int gracefulFenceConnectionRetries,
    Duration cliCheckRpcTimeout,
    int zkOpRetries,
    Duration retryBackoff,
    Duration maxRetryBackoff) {}
