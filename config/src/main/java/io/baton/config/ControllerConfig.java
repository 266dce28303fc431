package io.baton.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Baton's own controller settings (baton.yaml {@code controller:}).
 *
 * @param adminBindAddress address the admin HTTP API binds to
 * @param tls TLS for the admin API; empty means plain HTTP
 * @param metricsEnabled whether {@code /metrics} (Prometheus) is served
 * @param antiFlappingWindow minimum time between two automatic failovers of a nameservice
 * @param failbackDelay how long the preferred active must be healthy before Baton fails back to it
 * @param maintenanceDefaultExpiry how long a pause lasts when none is given
 * @param fencingDrillInterval how often the controller runs the fencing pre-flight against its peers; zero = never
 */
public record ControllerConfig(
    String adminBindAddress,
    Optional<TlsConfig> tls,
    boolean metricsEnabled,
    Duration antiFlappingWindow,
    Duration failbackDelay,
    Duration maintenanceDefaultExpiry,
    Duration fencingDrillInterval) {

  /** Keystore for the admin API. */
  public record TlsConfig(Path keystore, Secret keystorePassword, String keystoreType) {}
}
