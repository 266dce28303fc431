package io.baton.controller.haadmin;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Fencing as haadmin needs it: fence the old active during a manual failover, and run the pre-flight of
 * {@code -checkFencing}. Production wiring adapts the fencing module's chain; tests may substitute it.
 */
interface Fencer {
  /** One fence method's attempt or pre-flight check. */
  record MethodResult(String method, boolean success, String detail, Duration took) {}

  /** @param summary e.g. {@code fenced nn1 by sshfence in 412 ms} */
  record FenceResult(boolean fenced, String summary, List<MethodResult> attempts) {}

  record DrillResult(boolean passed, List<MethodResult> checks) {}

  /**
   * Fences {@code target} (never {@code source}): blocks at most until the fencing deadline.
   *
   * @param source the other NameNode of a manual failover, for methods that want both
   * @throws HaAdminException only when the fencing configuration of {@code target} is unusable
   */
  FenceResult fence(DeploymentConfig deployment, NameNodeConfig target, Optional<NameNodeConfig> source)
      throws HaAdminException;

  /** Checks that every configured method would work against {@code target}; fences nothing. */
  DrillResult drill(DeploymentConfig deployment, NameNodeConfig target) throws HaAdminException;
}
