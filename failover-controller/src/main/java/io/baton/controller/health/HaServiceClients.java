package io.baton.controller.health;

import io.baton.config.HostPort;
import io.baton.controller.core.ServiceState;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceProtocol.StateChangeRequestInfo;
import org.apache.hadoop.ha.HealthCheckFailedException;
import org.apache.hadoop.ha.proto.HAServiceProtocolProtos.HARequestSource;
import org.apache.hadoop.ha.proto.HAServiceProtocolProtos.HAStateChangeRequestInfoProto;
import org.apache.hadoop.ha.proto.HAServiceProtocolProtos.TransitionToStandbyRequestProto;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolClientSideTranslatorPB;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolPB;
import org.apache.hadoop.io.retry.RetryPolicies;
import org.apache.hadoop.io.retry.RetryPolicy;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.ipc.internal.ShadedProtobufHelper;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * HAServiceProtocol clients over Hadoop IPC (hadoop-common's protobuf translator), each with an explicit RPC
 * timeout and connect-retry count, so no call can hang past its timeout.
 */
public final class HaServiceClients {
  private final Configuration base;
  private final SocketFactory sockets;
  /** One policy per retry count: Hadoop IPC shares a connection only between equal connection ids. */
  private final Map<Integer, RetryPolicy> failFastOnRefusal = new ConcurrentHashMap<>();

  /** @param base Hadoop properties (IPC settings, security); copied per client */
  public HaServiceClients(Configuration base) {
    this(base, NetUtils.getDefaultSocketFactory(base));
  }

  /** @param sockets where every connection attempt gets its socket (tests count attempts with it) */
  HaServiceClients(Configuration base, SocketFactory sockets) {
    this.base = new Configuration(base);
    this.sockets = Objects.requireNonNull(sockets, "sockets");
  }

  /** A new client; close it when done (it releases the IPC connection reference). */
  public HAServiceProtocolClientSideTranslatorPB open(HostPort address, Duration timeout, int connectRetries)
      throws IOException {
    Configuration conf = new Configuration(base);
    conf.setInt("ipc.client.connect.max.retries", connectRetries);
    conf.setInt("ipc.client.connect.max.retries.on.timeouts", connectRetries);
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    conf.setInt("ipc.client.connect.timeout", Math.min(millis, conf.getInt("ipc.client.connect.timeout", 20_000)));
    return new HAServiceProtocolClientSideTranslatorPB(address.toSocketAddress(), conf, sockets, millis);
  }

  /** transitionToActive(REQUEST_BY_ZKFC). */
  public void transitionToActive(HostPort address, Duration timeout, int connectRetries) throws IOException {
    call(address, timeout, connectRetries,
        c -> c.transitionToActive(new StateChangeRequestInfo(RequestSource.REQUEST_BY_ZKFC)));
  }

  /** transitionToStandby(REQUEST_BY_ZKFC). */
  public void transitionToStandby(HostPort address, Duration timeout, int connectRetries) throws IOException {
    call(address, timeout, connectRetries,
        c -> c.transitionToStandby(new StateChangeRequestInfo(RequestSource.REQUEST_BY_ZKFC)));
  }

  /**
   * transitionToStandby(REQUEST_BY_ZKFC) on another controller's NameNode (the graceful fence): like
   * {@link #transitionToStandby}, except that a refused connection fails at once. A refusal means the host
   * answered and nothing listens on the port: the process is gone, and waiting
   * {@code ipc.client.connect.retry.interval} for it to come back only delays the fencing chain, which runs
   * next either way. Connect timeouts and other connection errors keep the {@code connectRetries} retries.
   */
  public void transitionToStandbyFailFastOnRefusal(HostPort address, Duration timeout, int connectRetries)
      throws IOException {
    try {
      standbyFailFastOnRefusal(address, timeout, connectRetries);
    } catch (IOException e) {
      if (!isStaleConnection(e)) {
        throw e;
      }
      standbyFailFastOnRefusal(address, timeout, connectRetries); // as in call(): once, on a fresh connection
    }
  }

  private void standbyFailFastOnRefusal(HostPort address, Duration timeout, int connectRetries) throws IOException {
    Configuration conf = new Configuration(base);
    conf.setInt("ipc.client.connect.max.retries.on.timeouts", connectRetries);
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    conf.setInt("ipc.client.connect.timeout", Math.min(millis, conf.getInt("ipc.client.connect.timeout", 20_000)));
    RPC.setProtocolEngine(conf, HAServiceProtocolPB.class, ProtobufRpcEngine2.class);
    RetryPolicy policy = failFastOnRefusal.computeIfAbsent(connectRetries,
        n -> refusalFailsFast(n, conf.getInt("ipc.client.connect.retry.interval", 1000)));
    HAServiceProtocolPB proxy = RPC.getProtocolProxy(HAServiceProtocolPB.class,
        RPC.getProtocolVersion(HAServiceProtocolPB.class), address.toSocketAddress(),
        UserGroupInformation.getCurrentUser(), conf, sockets, millis, policy).getProxy();
    try {
      TransitionToStandbyRequestProto request = TransitionToStandbyRequestProto.newBuilder()
          .setReqInfo(HAStateChangeRequestInfoProto.newBuilder().setReqSource(HARequestSource.REQUEST_BY_ZKFC))
          .build();
      ShadedProtobufHelper.ipc(() -> proxy.transitionToStandby(null, request));
    } finally {
      RPC.stopProxy(proxy);
    }
  }

  /** Hadoop's connect retry policy, except that {@link ConnectException} (connection refused) is not retried. */
  static RetryPolicy refusalFailsFast(int connectRetries, int retryIntervalMillis) {
    return RetryPolicies.retryByException(
        RetryPolicies.retryUpToMaximumCountWithFixedSleep(connectRetries, retryIntervalMillis, TimeUnit.MILLISECONDS),
        Map.of(ConnectException.class, RetryPolicies.TRY_ONCE_THEN_FAIL));
  }

  private interface Call {
    void run(HAServiceProtocolClientSideTranslatorPB client) throws IOException;
  }

  /**
   * One call; repeated once when it failed on a stale cached IPC connection (the NameNode restarted on the same
   * port since the connection was opened). Both transitions are idempotent, as Hadoop declares them.
   */
  private void call(HostPort address, Duration timeout, int connectRetries, Call call) throws IOException {
    try (HAServiceProtocolClientSideTranslatorPB c = open(address, timeout, connectRetries)) {
      call.run(c);
    } catch (IOException e) {
      if (!isStaleConnection(e)) {
        throw e;
      }
      try (HAServiceProtocolClientSideTranslatorPB c = open(address, timeout, connectRetries)) {
        call.run(c);
      }
    }
  }

  static boolean isStaleConnection(Throwable t) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      if (x instanceof java.io.EOFException
          || (x instanceof java.net.SocketException && String.valueOf(x.getMessage()).contains("reset"))) {
        return true;
      }
    }
    return false;
  }

  public static ServiceState map(HAServiceProtocol.HAServiceState state) {
    return switch (state) {
      case ACTIVE -> ServiceState.ACTIVE;
      case STANDBY -> ServiceState.STANDBY;
      case OBSERVER -> ServiceState.OBSERVER;
      default -> ServiceState.INITIALIZING;
    };
  }

  /** The NameNode said it is unhealthy (as opposed to not answering): Hadoop's HealthMonitor test. */
  public static boolean isHealthCheckFailure(Throwable t) {
    if (t instanceof HealthCheckFailedException) {
      return true;
    }
    return t instanceof RemoteException r
        && r.unwrapRemoteException(HealthCheckFailedException.class) instanceof HealthCheckFailedException;
  }

  /** A short, single-line description of an RPC failure for logs, status and the timeline. */
  public static String describe(Throwable t) {
    if (t instanceof RemoteException r) {
      String cls = r.getClassName();
      String msg = r.getMessage() == null ? "" : r.getMessage().lines().findFirst().orElse("");
      return cls.substring(cls.lastIndexOf('.') + 1) + ": " + msg;
    }
    String msg = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
    int wiki = msg.indexOf("; For more details see");
    msg = wiki < 0 ? msg : msg.substring(0, wiki); // Hadoop appends a wiki link to every network error
    return t.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
  }
}
