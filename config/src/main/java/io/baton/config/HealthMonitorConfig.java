package io.baton.config;

import java.time.Duration;

/**
 * {@code ha.health-monitor.*}.
 *
 * @param checkInterval {@code check-interval.ms} (1 s)
 * @param connectRetryInterval {@code connect-retry-interval.ms} (1 s)
 * @param sleepAfterDisconnect {@code sleep-after-disconnect.ms} (1 s)
 * @param rpcTimeout {@code rpc-timeout.ms} (45 s)
 * @param connectMaxRetries {@code rpc.connect.max.retries} (1)
 */
public record HealthMonitorConfig(
    Duration checkInterval,
    Duration connectRetryInterval,
    Duration sleepAfterDisconnect,
    Duration rpcTimeout,
    int connectMaxRetries) {}
