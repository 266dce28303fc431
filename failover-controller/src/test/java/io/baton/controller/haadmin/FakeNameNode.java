package io.baton.controller.haadmin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceProtocol.StateChangeRequestInfo;
import org.apache.hadoop.ha.HAServiceStatus;
import org.apache.hadoop.ha.HealthCheckFailedException;
import org.apache.hadoop.ha.ServiceFailedException;
import org.apache.hadoop.ha.proto.HAServiceProtocolProtos.HAServiceProtocolService;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolPB;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolServerSideTranslatorPB;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.security.AccessControlException;
import org.awaitility.Awaitility;

/**
 * An in-process NameNode stand-in: a real Hadoop IPC server speaking HAServiceProtocol on 127.0.0.1, with
 * switches for the failures haadmin must report (unhealthy, refusing, hanging) and NameNode rules (observer
 * cannot become active, auto-failover refuses unforced user requests).
 */
final class FakeNameNode implements AutoCloseable {
  volatile HAServiceState state = HAServiceState.STANDBY;
  volatile String unhealthy;
  volatile String refuseActivation;
  volatile String refuseStandby;
  volatile String notReadyReason;
  volatile boolean hang;
  volatile boolean automaticFailover;
  final List<String> calls = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final RPC.Server server;
  private final int port;

  FakeNameNode() throws IOException {
    Configuration conf = new Configuration(false);
    RPC.setProtocolEngine(conf, HAServiceProtocolPB.class, ProtobufRpcEngine2.class);
    var service = HAServiceProtocolService.newReflectiveBlockingService(
        new HAServiceProtocolServerSideTranslatorPB(new Impl()));
    server = new RPC.Builder(conf).setProtocol(HAServiceProtocolPB.class).setInstance(service)
        .setBindAddress("127.0.0.1").setPort(0).setNumHandlers(3).setVerbose(false).build();
    server.start();
    port = server.getListenerAddress().getPort();
  }

  FakeNameNode state(HAServiceState s) {
    state = s;
    return this;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    release.countDown();
    int port = port();
    server.stop();
    // Hadoop's Server.stop() closes its listener asynchronously (seen on JDK 25: a connect right after stop()
    // was accepted, then reset); tests that close a NameNode expect "connection refused" from then on
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
        .until(() -> refuses(port));
  }

  private static boolean refuses(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return false;
    } catch (ConnectException refused) {
      return true;
    } catch (IOException other) {
      return false;
    }
  }

  private void maybeHang() {
    if (hang) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void checkSource(StateChangeRequestInfo req) throws AccessControlException {
    if (automaticFailover && req.getSource() == RequestSource.REQUEST_BY_USER) {
      throw new AccessControlException("Manual HA control for this NameNode is disallowed, because automatic "
          + "HA is enabled.");
    }
  }

  private final class Impl implements HAServiceProtocol {
    @Override
    public void monitorHealth() throws IOException {
      calls.add("monitorHealth");
      maybeHang();
      if (unhealthy != null) {
        throw new HealthCheckFailedException(unhealthy);
      }
    }

    @Override
    public void transitionToActive(StateChangeRequestInfo req) throws IOException {
      calls.add("transitionToActive:" + req.getSource());
      maybeHang();
      checkSource(req);
      if (state == HAServiceState.OBSERVER) {
        throw new ServiceFailedException("Cannot transition from observer to active");
      }
      if (refuseActivation != null) {
        throw new ServiceFailedException(refuseActivation);
      }
      state = HAServiceState.ACTIVE;
    }

    @Override
    public void transitionToStandby(StateChangeRequestInfo req) throws IOException {
      calls.add("transitionToStandby:" + req.getSource());
      maybeHang();
      checkSource(req);
      if (refuseStandby != null) {
        throw new ServiceFailedException(refuseStandby);
      }
      state = HAServiceState.STANDBY;
    }

    @Override
    public void transitionToObserver(StateChangeRequestInfo req) throws IOException {
      calls.add("transitionToObserver:" + req.getSource());
      maybeHang();
      checkSource(req);
      if (state == HAServiceState.ACTIVE) {
        throw new ServiceFailedException("Cannot transition from active to observer");
      }
      state = HAServiceState.OBSERVER;
    }

    @Override
    public HAServiceStatus getServiceStatus() {
      calls.add("getServiceStatus");
      maybeHang();
      HAServiceStatus s = new HAServiceStatus(state);
      if (state == HAServiceState.ACTIVE || state == HAServiceState.STANDBY && notReadyReason == null) {
        s.setReadyToBecomeActive();
      } else {
        s.setNotReadyToBecomeActive(notReadyReason != null ? notReadyReason : "not ready");
      }
      return s;
    }
  }
}
