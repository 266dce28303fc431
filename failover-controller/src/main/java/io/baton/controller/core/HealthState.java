package io.baton.controller.core;

/** What the health monitor last concluded about the local NameNode (Hadoop's HealthMonitor states). */
public enum HealthState {
  /** No answer yet since the controller started. */
  INITIALIZING,
  /** getServiceStatus and monitorHealth both succeeded. */
  HEALTHY,
  /** The NameNode answered that it is unhealthy (HealthCheckFailedException). */
  UNHEALTHY,
  /** Transport error or timeout: the NameNode crashed, hangs or is unreachable. */
  NOT_RESPONDING
}
