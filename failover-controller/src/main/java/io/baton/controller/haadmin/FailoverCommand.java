package io.baton.controller.haadmin;

import io.baton.config.NameNodeConfig;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;

/**
 * {@code -failover [--forcefence] [--forceactive] <from> <to>}. With automatic failover on, the controller of
 * {@code <to>} runs a graceful failover through the election (ZKFCProtocol); with it off, haadmin runs the
 * manual failover itself ({@link ManualFailover}).
 */
final class FailoverCommand {
  static final String CMD = "-failover";
  private static final String FORCE_FENCE = "forcefence";
  private static final String FORCE_ACTIVE = "forceactive";

  private FailoverCommand() {}

  static ExitCode run(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    CommandArgs a = CommandArgs.parse(CMD, args, Set.of(FORCE_FENCE, FORCE_ACTIVE, ManualControl.FORCE_MANUAL),
        Set.of());
    if (a.positional().size() != 2) {
      throw HaAdminException.usage(CMD, "failover: incorrect arguments");
    }
    NameNodeConfig from = ctx.targets().namenode(a.positional().get(0));
    NameNodeConfig to = ctx.targets().namenode(a.positional().get(1));
    RequestSource source = ManualControl.requestSource(ctx, a);
    if (from.id().equals(to.id()) || from.haAddress().equals(to.haAddress())) {
      throw new HaAdminException(ExitCode.USAGE, "Failover failed: Can't failover a service to itself");
    }
    reply.put("nameservice", from.nameserviceId()).put("from", from.id()).put("to", to.id());
    boolean automatic = ctx.targets().named(from.nameserviceId()).automaticFailover();
    reply.put("automaticFailover", automatic);
    if (!automatic) {
      return new ManualFailover(ctx, reply, source).run(from, to, a.has(FORCE_FENCE), a.has(FORCE_ACTIVE));
    }
    if (a.has(FORCE_FENCE) || a.has(FORCE_ACTIVE)) {
      throw new HaAdminException(ExitCode.USAGE,
          "forcefence and forceactive flags not supported with auto-failover enabled.");
    }
    warnIfNotActive(ctx, from, reply);
    try {
      ControllerRpcClient.gracefulFailover(to, ctx.timeouts().gracefulFailover(), ctx.ipcConf());
    } catch (HaAdminException e) {
      if (refusedUpFront(e)) {
        throw new HaAdminException(ExitCode.REFUSED, "Failover refused, nothing changed: " + e.getMessage(), e);
      }
      if (e.exitCode() == ExitCode.REFUSED || e.exitCode() == ExitCode.FAILED) {
        throw failedWithOutcome(ctx, from, e);
      }
      throw e;
    }
    reply.out("Failover to NameNode at " + to.haAddress() + " successful");
    return ExitCode.OK;
  }

  /** Access denied, or a paused controller: refused before anything stepped down (exit 7, as documented). */
  private static boolean refusedUpFront(HaAdminException e) {
    return e.getCause() instanceof RemoteException r
        && (r.getClassName().equals(RpcFailures.ACCESS_DENIED) || r.getClassName().equals(RpcFailures.FAILOVER_REFUSED));
  }

  /** Exit 10 only when some NameNode is active again; when none is, say so (exit 11). */
  private static HaAdminException failedWithOutcome(Context ctx, NameNodeConfig from, HaAdminException e)
      throws HaAdminException {
    List<String> active = new java.util.ArrayList<>();
    for (NameNodeConfig nn : ctx.targets().named(from.nameserviceId()).namenodes()) {
      try (NameNodeClient client = ctx.nameNode(nn, ctx.timeouts().check())) {
        if (client.status().getState() == HAServiceState.ACTIVE) {
          active.add(nn.id());
        }
      } catch (HaAdminException unreadable) {
        // not active as far as anyone can tell
      }
    }
    if (active.isEmpty()) {
      return new HaAdminException(ExitCode.NO_ACTIVE, "Failover failed: " + e.getMessage()
          + "; no NameNode is active now", e);
    }
    return new HaAdminException(ExitCode.FAILOVER_FAILED, "Failover failed: " + e.getMessage() + "; active now: "
        + String.join(", ", active), e);
  }

  /**
   * Hadoop ignores {@code <from>} with automatic failover on; a typo there would go unnoticed, so say when
   * {@code <from>} is not the active NameNode (the failover still goes ahead, as in Hadoop).
   */
  private static void warnIfNotActive(Context ctx, NameNodeConfig from, Reply reply) {
    String warning = null;
    try (NameNodeClient client = ctx.nameNode(from, ctx.timeouts().check())) {
      HAServiceState state = client.status().getState();
      if (state != HAServiceState.ACTIVE) {
        warning = "Note: " + from.id() + " is " + state + ", not active; the controller fails over from whichever"
            + " NameNode is active.";
      }
    } catch (HaAdminException e) {
      warning = "Note: cannot read the state of " + from.id() + " (" + e.getMessage() + ")";
    }
    if (warning != null) {
      reply.err(warning).put("warning", warning);
    }
  }
}
