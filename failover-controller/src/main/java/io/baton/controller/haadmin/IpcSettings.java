package io.baton.controller.haadmin;

import java.time.Duration;
import org.apache.hadoop.conf.Configuration;

/**
 * Hadoop IPC client settings for a command-line tool: one connection attempt bounded by the call's timeout,
 * so an unreachable NameNode fails within the timeout instead of Hadoop's default 10 retries (45 on
 * connect timeouts).
 */
final class IpcSettings {
  static final String CONNECT_TIMEOUT = "ipc.client.connect.timeout";
  static final String CONNECT_RETRIES = "ipc.client.connect.max.retries";
  static final String CONNECT_RETRIES_ON_TIMEOUTS = "ipc.client.connect.max.retries.on.timeouts";
  static final String SERVICE_USER_KEY = "hadoop.security.service.user.name.key";
  static final String NAMENODE_PRINCIPAL = "dfs.namenode.kerberos.principal";

  private IpcSettings() {}

  /** The base configuration: the deployment's Hadoop properties, then the command line's overrides. */
  static Configuration base(Configuration fromDeployment) {
    Configuration conf = new Configuration(fromDeployment);
    // As DFSHAAdmin: the NameNode's Kerberos principal authenticates HAServiceProtocol.
    conf.set(SERVICE_USER_KEY, conf.get(NAMENODE_PRINCIPAL, ""));
    return conf;
  }

  static Configuration withTimeout(Configuration base, Duration timeout) {
    return withTimeout(base, timeout, 0);
  }

  /** A copy with the connect timeout capped by {@code timeout} and {@code retries} connection retries. */
  static Configuration withTimeout(Configuration base, Duration timeout, int retries) {
    Configuration conf = new Configuration(base);
    long configured = conf.getLong(CONNECT_TIMEOUT, 20_000);
    conf.setLong(CONNECT_TIMEOUT, Math.min(configured, timeout.toMillis()));
    conf.setInt(CONNECT_RETRIES, retries);
    conf.setInt(CONNECT_RETRIES_ON_TIMEOUTS, retries);
    return conf;
  }

  /** The socket address of {@code address}, or UNREACHABLE naming {@code who} when the host does not resolve. */
  static java.net.InetSocketAddress resolve(io.baton.config.HostPort address, String who) throws HaAdminException {
    java.net.InetSocketAddress socket = address.toSocketAddress();
    if (socket.isUnresolved()) {
      throw new HaAdminException(ExitCode.UNREACHABLE,
          "Cannot connect to " + who + " at " + address + ": unknown host " + address.host());
    }
    return socket;
  }

  static int millis(Duration timeout) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
  }
}
