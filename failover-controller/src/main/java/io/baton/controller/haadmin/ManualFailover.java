package io.baton.controller.haadmin;

import io.baton.config.NameNodeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manual failover (automatic failover off), Hadoop's FailoverController steps with two safety fixes:
 * <ol>
 *   <li>pre-checks: {@code <to>} is standby, ready (unless --forceactive) and healthy;
 *   <li>graceful: ask {@code <from>} to become standby;
 *   <li>fence {@code <from>} when that failed or with --forcefence; only {@code <from>} is ever fenced
 *       (Hadoop's chain runs each method on {@code <to>} first);
 *   <li>activate {@code <to>};
 *   <li>if that fails and {@code <from>} was not fenced, fail back: {@code <to>} must confirm standby first
 *       (Hadoop fences {@code <to>} instead), then {@code <from>} is activated again.
 * </ol>
 * Every step is recorded for the JSON reply and printed on stderr.
 */
final class ManualFailover {
  private static final Logger log = LoggerFactory.getLogger(ManualFailover.class);

  private final Context ctx;
  private final Reply reply;
  private final RequestSource source;
  private final List<Map<String, Object>> steps = new ArrayList<>();

  ManualFailover(Context ctx, Reply reply, RequestSource source) {
    this.ctx = ctx;
    this.reply = reply;
    this.source = source;
  }

  ExitCode run(NameNodeConfig from, NameNodeConfig to, boolean forceFence, boolean forceActive)
      throws HaAdminException {
    reply.put("steps", steps);
    if (!from.fencing().isConfigured()) {
      throw new HaAdminException(ExitCode.CONFIG, "Failover failed: failover requires a fencing method for "
          + from.id() + "; set dfs.ha.fencing.methods (e.g. sshfence, then shell(/bin/true) as the last resort)");
    }
    preFailoverChecks(to, forceActive);
    Optional<String> gracefulFailure = gracefulStandby(from, "graceful standby");
    boolean fenced = false;
    if (gracefulFailure.isPresent() || forceFence) {
      fence(from, to);
      fenced = true;
    }
    Optional<String> activationFailure = activate(to, "activate");
    if (activationFailure.isEmpty()) {
      reply.out("Failover from " + from.id() + " to " + to.id() + " successful");
      return ExitCode.OK;
    }
    String msg = "Unable to failover to " + to.id() + ": " + activationFailure.get();
    if (fenced) {
      throw new HaAdminException(ExitCode.NO_ACTIVE, "Failover failed: " + msg + ". " + from.id()
          + " was fenced, so there is no fail-back: no NameNode is active. Fix " + to.id()
          + ", then run -transitionToActive " + to.id() + ".");
    }
    failBack(from, to, msg);
    throw new HaAdminException(ExitCode.FAILOVER_FAILED, "Failover failed: " + msg + ". Failed back to "
        + from.id() + ", which is active again.");
  }

  private void preFailoverChecks(NameNodeConfig to, boolean forceActive) throws HaAdminException {
    long start = System.nanoTime();
    try (NameNodeClient client = ctx.nameNode(to, ctx.timeouts().check())) {
      HAServiceStatus status;
      try {
        status = client.status();
      } catch (HaAdminException e) {
        throw failed(e.exitCode(), "Unable to get service state for " + to.id() + ": " + e.getMessage(), e);
      }
      if (status.getState() != HAServiceState.STANDBY) {
        throw failed(ExitCode.REFUSED, "Can't failover to an " + status.getState() + " service", null);
      }
      if (!status.isReadyToBecomeActive()) {
        if (!forceActive) {
          throw failed(ExitCode.REFUSED, to.id() + " is not ready to become active: " + status.getNotReadyReason()
              + " (--forceactive skips this check)", null);
        }
        log.warn("{}: not ready to become active, but forcing: {}", to.qualifiedId(), status.getNotReadyReason());
      }
      try {
        client.monitorHealth();
      } catch (HaAdminException e) {
        String why = e.exitCode() == ExitCode.UNHEALTHY ? "Can't failover to an unhealthy service: "
            : "Can't check the health of " + to.id() + ": ";
        throw failed(e.exitCode(), why + e.getMessage(), e);
      }
    }
    step("pre-checks", to, true, "standby, ready and healthy", start);
  }

  /** Asks {@code nn} to become standby within the graceful-fence timeout; the failure reason, if any. */
  private Optional<String> gracefulStandby(NameNodeConfig nn, String stepName) {
    long start = System.nanoTime();
    Duration timeout = ctx.timeouts().gracefulFence();
    int retries = ctx.deployment().failover().gracefulFenceConnectionRetries();
    try (NameNodeClient client = NameNodeClient.open(nn, timeout,
        IpcSettings.withTimeout(ctx.ipcConf(), timeout, retries))) {
      client.transitionToStandby(source);
      step(stepName, nn, true, "standby", start);
      return Optional.empty();
    } catch (HaAdminException e) {
      log.warn("{}: unable to make it standby gracefully: {}", nn.qualifiedId(), e.getMessage());
      step(stepName, nn, false, e.getMessage(), start);
      return Optional.of(e.getMessage());
    }
  }

  private void fence(NameNodeConfig from, NameNodeConfig to) throws HaAdminException {
    long start = System.nanoTime();
    Fencer.FenceResult result = ctx.fencer().fence(ctx.deployment(), from, Optional.of(to));
    Map<String, Object> s = step("fence", from, result.fenced(), result.summary(), start);
    s.put("attempts", result.attempts().stream().map(ManualFailover::attempt).toList());
    if (!result.fenced()) {
      throw new HaAdminException(ExitCode.FENCING_FAILED, "Failover failed: Unable to fence "
          + NameNodeClient.describe(from) + " at " + from.haAddress() + ". Fencing failed: " + result.summary()
          + ". " + to.id() + " was not activated.");
    }
  }

  private Optional<String> activate(NameNodeConfig nn, String stepName) {
    long start = System.nanoTime();
    try (NameNodeClient client = ctx.nameNode(nn, ctx.timeouts().transition())) {
      client.transitionToActive(source);
      step(stepName, nn, true, "active", start);
      return Optional.empty();
    } catch (HaAdminException e) {
      log.error("{}: unable to make it active: {}", nn.qualifiedId(), e.getMessage());
      step(stepName, nn, false, e.getMessage(), start);
      return Optional.of(e.getMessage());
    }
  }

  /**
   * {@code <to>} may be half-way to active (e.g. the call timed out): {@code <from>} becomes active again only
   * once {@code <to>} confirms standby, so a fail-back can never make two actives.
   */
  private void failBack(NameNodeConfig from, NameNodeConfig to, String msg) throws HaAdminException {
    Optional<String> standbyFailure = gracefulStandby(to, "fail-back: standby");
    if (standbyFailure.isPresent()) {
      throw new HaAdminException(ExitCode.NO_ACTIVE, "Failover failed: " + msg + ". No fail-back to " + from.id()
          + ": " + to.id() + " did not confirm standby (" + standbyFailure.get() + "), and activating " + from.id()
          + " could make two actives. No NameNode is active: check " + to.id() + ", then run -transitionToActive.");
    }
    Optional<String> reactivation = activate(from, "fail-back: activate");
    if (reactivation.isPresent()) {
      throw new HaAdminException(ExitCode.NO_ACTIVE, "Failover failed: " + msg + ". Failback to " + from.id()
          + " failed (" + reactivation.get() + "). No NameNode is active.");
    }
  }

  private HaAdminException failed(ExitCode code, String message, Throwable cause) {
    return new HaAdminException(code, "Failover failed: " + message, cause);
  }

  private Map<String, Object> step(String name, NameNodeConfig nn, boolean ok, String detail, long startNanos) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    Map<String, Object> s = Reply.object();
    s.put("step", name);
    s.put("namenode", nn.id());
    s.put("ok", ok);
    s.put("detail", detail);
    s.put("tookMs", ms);
    steps.add(s);
    reply.err(name + " " + nn.id() + ": " + (ok ? "ok" : "FAILED") + " (" + detail + ", " + ms + " ms)");
    return s;
  }

  private static Map<String, Object> attempt(Fencer.MethodResult r) {
    Map<String, Object> m = Reply.object();
    m.put("method", r.method());
    m.put("success", r.success());
    m.put("detail", r.detail());
    m.put("tookMs", r.took().toMillis());
    return m;
  }
}
