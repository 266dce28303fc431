package io.baton.controller.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.HostPort;
import io.baton.controller.testkit.FakeNameNode;
import io.baton.controller.testkit.Fixtures;
import io.baton.controller.testkit.SplitBrainDetector;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.io.retry.RetryPolicy.RetryAction.RetryDecision;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.net.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The graceful fence of the old active: a refused connection (process gone, host up) costs one attempt, not
 * the connect-retry interval; other connection errors keep Hadoop's retries. Attempts are counted at the
 * socket factory, where Hadoop IPC gets one socket per connection attempt.
 */
class GracefulFenceConnectTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Counts the sockets Hadoop IPC creates: one per connection attempt. */
  private static final class CountingSockets extends SocketFactory {
    final AtomicInteger created = new AtomicInteger();

    @Override
    public Socket createSocket() {
      created.incrementAndGet();
      return new Socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new UnsupportedOperationException("Hadoop IPC connects unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("Hadoop IPC connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException("Hadoop IPC connects unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("Hadoop IPC connects unconnected sockets");
    }
  }

  private static Configuration ipc() {
    Configuration conf = new Configuration(false);
    conf.setInt("ipc.client.connect.retry.interval", 50); // keeps the negative control quick
    return conf;
  }

  @Test
  void refusedConnectionIsOneAttemptDespiteARetryBeingConfigured() {
    CountingSockets sockets = new CountingSockets();
    HaServiceClients clients = new HaServiceClients(ipc(), sockets);
    HostPort nobodyListens = new HostPort("127.0.0.1", Fixtures.freePort());

    assertThatThrownBy(() -> clients.transitionToStandbyFailFastOnRefusal(nobodyListens, TIMEOUT, 1))
        .isInstanceOf(ConnectException.class);
    assertThat(sockets.created).hasValue(1);
  }

  @Test
  void negativeControlThePlainClientRetriesTheRefusedConnection() {
    CountingSockets sockets = new CountingSockets();
    HaServiceClients clients = new HaServiceClients(ipc(), sockets);
    HostPort nobodyListens = new HostPort("127.0.0.1", Fixtures.freePort());

    assertThatThrownBy(() -> clients.transitionToStandby(nobodyListens, TIMEOUT, 1))
        .isInstanceOf(ConnectException.class);
    assertThat(sockets.created).hasValue(2);
  }

  @Test
  void otherConnectionErrorsKeepTheConfiguredRetries() throws Exception {
    var policy = HaServiceClients.refusalFailsFast(1, 1000);
    assertThat(policy.shouldRetry(new ConnectException("Connection refused"), 0, 0, true).action)
        .isEqualTo(RetryDecision.FAIL);
    assertThat(policy.shouldRetry(new NoRouteToHostException("No route to host"), 0, 0, true).action)
        .isEqualTo(RetryDecision.RETRY);
    assertThat(policy.shouldRetry(new NoRouteToHostException("No route to host"), 0, 0, true).delayMillis)
        .isEqualTo(1000);
    assertThat(policy.shouldRetry(new NoRouteToHostException("No route to host"), 1, 0, true).action)
        .isEqualTo(RetryDecision.FAIL);
    // timeouts never reach this policy: Hadoop retries them by ipc.client.connect.max.retries.on.timeouts
    assertThat(new ConnectTimeoutException("x")).isNotInstanceOf(ConnectException.class);
  }

  @Test
  void liveNameNodeGoesStandbyAndItsRefusalComesBackAsTheRemoteError() throws Exception {
    HostPort address = new HostPort("127.0.0.1", Fixtures.freePort());
    try (FakeNameNode nn = new FakeNameNode(Fixtures.namenode("ns1", "nn2", address.port(), Fixtures.freePort(),
        Fixtures.freePort()), new SplitBrainDetector()).start()) {
      nn.transitionToActive(null);
      HaServiceClients clients = new HaServiceClients(ipc());

      clients.transitionToStandbyFailFastOnRefusal(address, TIMEOUT, 1);
      assertThat(nn.state()).isEqualTo(HAServiceState.STANDBY);

      nn.failToStandby = true;
      assertThatThrownBy(() -> clients.transitionToStandbyFailFastOnRefusal(address, TIMEOUT, 1))
          .isInstanceOf(RemoteException.class).hasMessageContaining("refuses to go standby");
    }
  }
}
