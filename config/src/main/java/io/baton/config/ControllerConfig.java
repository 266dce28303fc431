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
 * @param adminAuth who may use the admin API: the token and the read access
 */
public record ControllerConfig(
    String adminBindAddress,
    Optional<TlsConfig> tls,
    boolean metricsEnabled,
    Duration antiFlappingWindow,
    Duration failbackDelay,
    Duration maintenanceDefaultExpiry,
    Duration fencingDrillInterval,
    AdminAuthConfig adminAuth) {

  /** Without an admin auth setting: token auth with the default token file ({@link AdminAuthConfig#defaults()}). */
  public ControllerConfig(String adminBindAddress, Optional<TlsConfig> tls, boolean metricsEnabled,
      Duration antiFlappingWindow, Duration failbackDelay, Duration maintenanceDefaultExpiry,
      Duration fencingDrillInterval) {
    this(adminBindAddress, tls, metricsEnabled, antiFlappingWindow, failbackDelay, maintenanceDefaultExpiry,
        fencingDrillInterval, AdminAuthConfig.defaults());
  }

  /** This config with another admin auth setting. */
  public ControllerConfig withAdminAuth(AdminAuthConfig auth) {
    return new ControllerConfig(adminBindAddress, tls, metricsEnabled, antiFlappingWindow, failbackDelay,
        maintenanceDefaultExpiry, fencingDrillInterval, auth);
  }

  /** Keystore for the admin API. */
  public record TlsConfig(Path keystore, Secret keystorePassword, String keystoreType) {}
}
