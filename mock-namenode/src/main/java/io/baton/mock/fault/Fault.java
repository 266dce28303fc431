package io.baton.mock.fault;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The ways a mock NameNode can be broken (see docs/mock-namenode.md, "Faults"). */
public enum Fault {
  /** monitorHealth throws HealthCheckFailedException. */
  UNHEALTHY("unhealthy"),
  /** getServiceStatus says not ready to become active, with a reason ({@code not-ready=<reason>}). */
  NOT_READY("not-ready"),
  /** Connections are accepted, HA RPCs and namespace requests are never answered (until cleared). */
  HANG("hang"),
  /** Every HA RPC and namespace request is delayed ({@code slow=<duration>}). */
  SLOW("slow"),
  /** transitionTo* throw ServiceFailedException. */
  REFUSE_TRANSITIONS("refuse-transitions"),
  /** The process halts at once (exit 99), no shutdown hooks: like kill -9. */
  CRASH("crash"),
  /** transitionToStandby reports success, but the node keeps acting as active and keeps writing. */
  ZOMBIE("zombie");

  private final String label;

  Fault(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Fault byLabel(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + label + "'; known faults: " + labels()));
  }

  public static String labels() {
    return Arrays.stream(values()).map(Fault::label).collect(Collectors.joining(", "));
  }
}
