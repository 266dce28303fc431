package io.baton.controller.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The core's memory of the local NameNode's health: the last poll, and how long it has been healthy. */
final class CoreHealth {
  private HealthState state = HealthState.INITIALIZING;
  private Optional<ServiceState> reported = Optional.empty();
  private String detail = "";
  private Instant healthySince;
  private Instant lastHealthyAt;

  void update(Event.HealthChecked e, Instant now) {
    state = e.health();
    detail = e.detail() == null ? "" : e.detail();
    if (e.reported().isPresent() || e.health() != HealthState.HEALTHY) {
      reported = e.reported();
    }
    if (state == HealthState.HEALTHY) {
      lastHealthyAt = now;
      if (healthySince == null) {
        healthySince = now;
      }
    } else {
      healthySince = null;
    }
  }

  HealthState state() {
    return state;
  }

  Optional<ServiceState> reported() {
    return reported;
  }

  String detail() {
    return detail;
  }

  Optional<Instant> lastHealthyAt() {
    return Optional.ofNullable(lastHealthyAt);
  }

  Duration healthyFor(Instant now) {
    return healthySince == null ? Duration.ZERO : Duration.between(healthySince, now);
  }
}
