package io.baton.controller.core;

/** The HA state the local NameNode reports about itself (HAServiceProtocol's HAServiceState). */
public enum ServiceState {
  INITIALIZING,
  ACTIVE,
  STANDBY,
  OBSERVER
}
