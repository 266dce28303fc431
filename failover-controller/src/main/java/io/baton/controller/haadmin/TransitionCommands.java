package io.baton.controller.haadmin;

import io.baton.config.NameNodeConfig;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code -transitionToActive}, {@code -transitionToStandby}, {@code -transitionToObserver}: Hadoop's
 * semantics (no fencing; refuse while another NameNode is active unless {@code --forceactive}), but every
 * call has a timeout.
 */
final class TransitionCommands {
  private static final Logger log = LoggerFactory.getLogger(TransitionCommands.class);
  private static final String FORCE_ACTIVE = "forceactive";

  private TransitionCommands() {}

  static ExitCode toActive(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    String cmd = "-transitionToActive";
    CommandArgs a = CommandArgs.parse(cmd, args, Set.of(FORCE_ACTIVE, ManualControl.FORCE_MANUAL), Set.of())
        .expect(cmd, 1);
    NameNodeConfig nn = ctx.targets().namenode(a.positional().get(0));
    RequestSource source = ManualControl.requestSource(ctx, a);
    ManualControl.checkAllowed(ctx, nn, source, reply);
    if (!a.has(FORCE_ACTIVE)) {
      refuseIfAnotherIsActive(ctx, nn);
    }
    StateCommands.describe(reply, nn);
    reply.put("requestSource", source.name());
    try (NameNodeClient client = ctx.nameNode(nn, ctx.timeouts().transition())) {
      client.transitionToActive(source);
    }
    log.info("{}: transitioned to active by haadmin ({})", nn.qualifiedId(), source);
    return ExitCode.OK;
  }

  static ExitCode toStandby(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    return simpleTransition(ctx, "-transitionToStandby", args, reply, NameNodeClient::transitionToStandby);
  }

  static ExitCode toObserver(Context ctx, List<String> args, Reply reply) throws HaAdminException {
    try {
      return simpleTransition(ctx, "-transitionToObserver", args, reply, NameNodeClient::transitionToObserver);
    } catch (HaAdminException e) {
      if (e.exitCode() == ExitCode.REFUSED) {
        throw new HaAdminException(ExitCode.REFUSED, "transitionToObserver failed! " + e.getMessage(), e);
      }
      throw e;
    }
  }

  /** A transition call on one NameNode. */
  private interface Transition {
    void apply(NameNodeClient client, RequestSource source) throws HaAdminException;
  }

  /** {@code <cmd> [--forcemanual] <id>}: the guard, then the call with the transition timeout. */
  private static ExitCode simpleTransition(Context ctx, String cmd, List<String> args, Reply reply,
      Transition transition) throws HaAdminException {
    CommandArgs a = CommandArgs.parse(cmd, args, Set.of(ManualControl.FORCE_MANUAL), Set.of()).expect(cmd, 1);
    NameNodeConfig nn = ctx.targets().namenode(a.positional().get(0));
    RequestSource source = ManualControl.requestSource(ctx, a);
    ManualControl.checkAllowed(ctx, nn, source, reply);
    StateCommands.describe(reply, nn);
    reply.put("requestSource", source.name());
    try (NameNodeClient client = ctx.nameNode(nn, ctx.timeouts().transition())) {
      transition.apply(client, source);
    }
    log.info("{}: {} by haadmin ({})", nn.qualifiedId(), CommandArgs.bare(cmd), source);
    return ExitCode.OK;
  }

  /**
   * Hadoop's check before a manual activation: every other NameNode must answer and not be active, so an
   * operator cannot make a second active by accident.
   */
  private static void refuseIfAnotherIsActive(Context ctx, NameNodeConfig target) throws HaAdminException {
    for (NameNodeConfig other : ctx.targets().named(target.nameserviceId()).namenodes()) {
      if (other.id().equals(target.id())) {
        continue;
      }
      HAServiceState state;
      try (NameNodeClient client = ctx.nameNode(other, ctx.timeouts().check())) {
        state = client.status().getState();
      } catch (HaAdminException e) {
        throw new HaAdminException(e.exitCode(), "transitionToActive: cannot tell whether " + other.id()
            + " is active, so " + target.id() + " was not activated: " + e.getMessage()
            + "\nIf " + other.id() + " is certainly not active, add --forceactive.", e);
      }
      if (state == HAServiceState.ACTIVE) {
        throw new HaAdminException(ExitCode.REFUSED, "transitionToActive: Node " + other.id() + " is already active"
            + "\nMake it standby first, or use -failover " + other.id() + " " + target.id() + ".");
      }
    }
  }
}
