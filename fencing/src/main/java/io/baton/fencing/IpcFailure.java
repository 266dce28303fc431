package io.baton.fencing;

import io.baton.config.HostPort;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.net.ConnectTimeoutException;

/**
 * Why one Hadoop IPC call to {@code node} gave no usable answer, in a line that names the node and the cause.
 *
 * @param refused the server answered and said no ({@link RemoteException}); otherwise it was not reached, or
 *     did not answer in time, or the call was not waited for
 */
record IpcFailure(HostPort node, String cause, boolean refused) {

  static IpcFailure of(HostPort node, Throwable error) {
    Throwable e = error;
    while (e.getCause() != null && !(e instanceof RemoteException) && e.getCause() != e) {
      if (e instanceof ConnectException || e instanceof SocketTimeoutException) {
        break; // Hadoop wraps these in their own kind with a long message; the kind says enough
      }
      e = e.getCause();
    }
    if (e instanceof RemoteException re) {
      return new IpcFailure(node, shortName(re.getClassName()) + ": " + firstLine(re.getMessage()), true);
    }
    if (e instanceof ConnectTimeoutException) {
      return new IpcFailure(node, "connect timed out", false);
    }
    if (e instanceof ConnectException) {
      return new IpcFailure(node, "connection refused", false);
    }
    if (e instanceof SocketTimeoutException) {
      return new IpcFailure(node, "no answer in time (" + firstLine(e.getMessage()) + ")", false);
    }
    if (e instanceof NoRouteToHostException || e instanceof UnknownHostException) {
      return new IpcFailure(node, e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), false);
    }
    if (e instanceof InterruptedIOException) {
      return new IpcFailure(node, "call abandoned (interrupted)", false);
    }
    String kind = e instanceof IOException ? "" : "unexpected ";
    return new IpcFailure(node, kind + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), false);
  }

  static IpcFailure notWaitedFor(HostPort node) {
    return new IpcFailure(node, "not waited for (a majority had answered)", false);
  }

  static IpcFailure noAnswerWithin(HostPort node, long millis) {
    return new IpcFailure(node, "no answer within " + millis + " ms", false);
  }

  @Override
  public String toString() {
    return node + " " + cause;
  }

  private static String shortName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
