package io.baton.controller.haadmin;

import io.baton.config.HostPort;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hadoop.ipc.RemoteException;

/**
 * Turns an IPC failure into an operator message and an exit status: what failed (who, where), why, and the
 * timeout that applied. The server's own exception classes decide "refused" versus "unhealthy".
 */
final class RpcFailures {
  static final String HEALTH_CHECK_FAILED = "org.apache.hadoop.ha.HealthCheckFailedException";
  static final String SERVICE_FAILED = "org.apache.hadoop.ha.ServiceFailedException";
  /** Refused up front, nothing changed (a paused controller): io.baton.controller.rpc.FailoverRefusedException. */
  static final String FAILOVER_REFUSED = "io.baton.controller.rpc.FailoverRefusedException";
  static final String ACCESS_DENIED = "org.apache.hadoop.security.AccessControlException";

  private RpcFailures() {}

  /**
   * @param who e.g. {@code NameNode nn1 (ns1)} or {@code the controller of nn2 (ns1)}
   * @param address where the call went
   * @param timeout the timeout that applied
   */
  static HaAdminException classify(Throwable failure, String who, HostPort address, Duration timeout) {
    if (failure instanceof RemoteException remote) {
      return remote(remote, who);
    }
    String limit = " (timeout " + Durations.format(timeout) + ")";
    if (String.valueOf(failure.getMessage()).contains("exceeds maximum data length")) {
      return new HaAdminException(ExitCode.FAILED, who + " at " + address + " answered with something that is "
          + "not Hadoop IPC: is " + address + " its RPC port (and not, say, its HTTP port)?", failure);
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return new HaAdminException(ExitCode.TIMEOUT,
            who + " at " + address + " did not answer within " + Durations.format(timeout), failure);
      }
      if (t instanceof UnknownHostException) {
        return new HaAdminException(ExitCode.UNREACHABLE,
            "Cannot connect to " + who + " at " + address + ": unknown host " + address.host() + limit, failure);
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        String why = t instanceof NoRouteToHostException ? "no route to host" : "connection refused";
        return new HaAdminException(ExitCode.UNREACHABLE,
            "Cannot connect to " + who + " at " + address + ": " + why + limit, failure);
      }
      if (t instanceof EOFException || t instanceof SocketException) {
        // Hadoop wraps these with a long "For more details see: wiki" text; the innermost cause says it all.
        String why = t instanceof EOFException ? "the server closed the connection" : innermost(t);
        return new HaAdminException(ExitCode.UNREACHABLE, "Lost the connection to " + who + " at " + address
            + ": " + why + " (is " + address + " a Hadoop IPC port?)" + limit, failure);
      }
    }
    return new HaAdminException(ExitCode.FAILED,
        "Call to " + who + " at " + address + " failed: " + firstLine(failure), failure);
  }

  private static HaAdminException remote(RemoteException remote, String who) {
    String msg = firstLine(remote);
    return switch (remote.getClassName()) {
      case HEALTH_CHECK_FAILED -> new HaAdminException(ExitCode.UNHEALTHY, msg, remote);
      case SERVICE_FAILED, FAILOVER_REFUSED -> new HaAdminException(ExitCode.REFUSED, who + " refused: " + msg,
          remote);
      case ACCESS_DENIED -> new HaAdminException(ExitCode.REFUSED, who + " denied access: " + msg, remote);
      default -> new HaAdminException(ExitCode.FAILED,
          who + " failed: " + simpleName(remote.getClassName()) + ": " + msg, remote);
    };
  }

  /** The first line of the message: Hadoop appends server stack traces to some remote messages. */
  static String firstLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static String innermost(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return firstLine(root);
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
