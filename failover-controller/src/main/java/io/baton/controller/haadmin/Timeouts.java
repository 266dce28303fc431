package io.baton.controller.haadmin;

import io.baton.config.FailoverConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * The timeout of each kind of call. Hadoop's haadmin waits forever on transitions; here every call has one,
 * from the configuration, or {@code --timeout} for all of them.
 *
 * @param check read-only calls (state, health, status, admin API reads): {@code cli-check.rpc-timeout.ms}
 * @param transition transitionToActive/Standby/Observer: {@code new-active.rpc-timeout.ms}
 * @param gracefulFence the manual failover's polite transitionToStandby of the old active
 * @param gracefulFailover the controller-coordinated failover: the new-active timeout plus the cede time
 */
record Timeouts(Duration check, Duration transition, Duration gracefulFence, Duration gracefulFailover) {

  static Timeouts of(FailoverConfig f, Optional<Duration> override) {
    if (override.isPresent()) {
      Duration d = override.get();
      return new Timeouts(d, d, d, d);
    }
    Duration cede = f.gracefulFenceRpcTimeout().multipliedBy(2);
    return new Timeouts(f.cliCheckRpcTimeout(), f.newActiveRpcTimeout(), f.gracefulFenceRpcTimeout(),
        f.newActiveRpcTimeout().plus(cede));
  }
}
