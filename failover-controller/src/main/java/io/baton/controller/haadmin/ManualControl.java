package io.baton.controller.haadmin;

import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;

/**
 * The guard on manual state changes: with automatic failover on, the controllers own the HA state, and a
 * manual transition needs {@code --forcemanual} (confirmed), which also tells the NameNode the request is
 * forced ({@code REQUEST_BY_USER_FORCED}), as in Hadoop.
 */
final class ManualControl {
  static final String FORCE_MANUAL = "forcemanual";

  private ManualControl() {}

  /** Asks for the confirmation when {@code --forcemanual} was given; the request source to send. */
  static RequestSource requestSource(Context ctx, CommandArgs args) throws HaAdminException {
    if (!args.has(FORCE_MANUAL)) {
      return RequestSource.REQUEST_BY_USER;
    }
    ctx.confirmation().confirmForceManual();
    return RequestSource.REQUEST_BY_USER_FORCED;
  }

  /** @throws HaAdminException {@link ExitCode#AUTO_FAILOVER_ENABLED} with Hadoop's words */
  static void checkAllowed(Context ctx, NameNodeConfig nn, RequestSource source, Reply reply)
      throws HaAdminException {
    NameserviceConfig ns = ctx.targets().named(nn.nameserviceId());
    if (!ns.automaticFailover()) {
      return;
    }
    if (source != RequestSource.REQUEST_BY_USER_FORCED) {
      throw new HaAdminException(ExitCode.AUTO_FAILOVER_ENABLED,
          "Automatic failover is enabled for " + NameNodeClient.describe(nn) + " at " + nn.haAddress() + "\n"
              + "Refusing to manually manage HA state, since it may cause\n"
              + "a split-brain scenario or other incorrect state.\n"
              + "If you are very sure you know what you are doing, please \n"
              + "specify the --forcemanual flag.");
    }
    reply.err("Warning: proceeding with manual HA state management of " + nn.id()
        + " although automatic failover is enabled");
  }
}
