package io.baton.chaos.bench;

import java.util.Arrays;
import java.util.Locale;

/** The faults the benchmark times, in the order. */
public enum Scenario {
  CRASH("crash", "NameNode crash (kill -9, host up)"),
  HANG("hang", "NameNode hang (SIGSTOP beyond the tolerance)"),
  UNHEALTHY("unhealthy", "NameNode unhealthy (HealthCheckFailedException)"),
  HOST_LOSS("host-loss", "host loss (NameNode and its controller kill -9)"),
  GRACEFUL("graceful", "graceful failover (haadmin -failover: gracefulFailover RPC)"),
  SHORT_PAUSE("short-pause", "pause shorter than the tolerance (SIGSTOP, then SIGCONT): must not fail over");

  private final String cliName;
  private final String description;

  Scenario(String cliName, String description) {
    this.cliName = cliName;
    this.description = description;
  }

  public String cliName() {
    return cliName;
  }

  public String description() {
    return description;
  }

  /** Whether a trial ends with a failover (all but the short pause). */
  public boolean expectsFailover() {
    return this != SHORT_PAUSE;
  }

  public static Scenario parse(String name) {
    return Arrays.stream(values()).filter(s -> s.cliName.equals(name.trim().toLowerCase(Locale.ROOT))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "'; use one of "
            + Arrays.stream(values()).map(Scenario::cliName).toList()));
  }
}
