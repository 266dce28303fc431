package io.baton.controller.testkit;

import io.baton.config.NameNodeConfig;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol;
import org.apache.hadoop.ha.HAServiceStatus;
import org.apache.hadoop.ha.HealthCheckFailedException;
import org.apache.hadoop.ha.ServiceFailedException;
import org.apache.hadoop.ha.proto.HAServiceProtocolProtos.HAServiceProtocolService;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolPB;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolServerSideTranslatorPB;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.thirdparty.protobuf.BlockingService;

/**
 * An in-process NameNode stand-in serving HAServiceProtocol over real Hadoop IPC at the configured HA
 * address, with fault flags, reporting to a shared {@link SplitBrainDetector}.
 */
public final class FakeNameNode implements HAServiceProtocol, AutoCloseable {
  public final String id;
  private final NameNodeConfig config;
  private final SplitBrainDetector detector;
  private volatile HAServiceState state = HAServiceState.STANDBY;
  public volatile boolean healthy = true;
  public volatile boolean failToActivate;
  public volatile boolean failToStandby;
  private volatile CountDownLatch hang;
  private volatile int incarnation;
  public final AtomicInteger activeTransitions = new AtomicInteger();
  public final AtomicInteger fenceCount = new AtomicInteger();
  public final AtomicInteger statusCalls = new AtomicInteger();
  public final AtomicInteger healthCalls = new AtomicInteger();
  private RPC.Server server;

  public FakeNameNode(NameNodeConfig config, SplitBrainDetector detector) {
    this.id = config.id();
    this.config = config;
    this.detector = detector;
  }

  public synchronized FakeNameNode start() throws IOException {
    Configuration conf = new Configuration(false);
    RPC.setProtocolEngine(conf, HAServiceProtocolPB.class, ProtobufRpcEngine2.class);
    BlockingService service = HAServiceProtocolService.newReflectiveBlockingService(
        new HAServiceProtocolServerSideTranslatorPB(this));
    server = new RPC.Builder(conf).setProtocol(HAServiceProtocolPB.class).setInstance(service)
        .setBindAddress(config.haAddress().host()).setPort(config.haAddress().port()).setNumHandlers(4)
        .setVerbose(false).build();
    server.start();
    return this;
  }

  /** The process dies: it stops serving and is no longer active. */
  public synchronized void crash() {
    incarnation++; // calls still held by hang() belong to the dead process: they must not change its state
    unhang();
    if (server != null) {
      server.stop();
      server = null;
    }
    state = HAServiceState.STANDBY;
    detector.leftActive(id);
  }

  /** What the test fencer does: kill it. */
  public void fence() {
    fenceCount.incrementAndGet();
    crash();
  }

  public void hang() {
    hang = new CountDownLatch(1);
  }

  public void unhang() {
    CountDownLatch h = hang;
    hang = null;
    if (h != null) {
      h.countDown();
    }
  }

  public HAServiceState state() {
    return state;
  }

  private void maybeHang() throws IOException {
    CountDownLatch h = hang;
    if (h != null) {
      try {
        h.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while hanging", e);
      }
    }
  }

  @Override
  public void monitorHealth() throws IOException {
    healthCalls.incrementAndGet();
    maybeHang();
    if (!healthy) {
      throw new HealthCheckFailedException(id + " is unhealthy (test flag)");
    }
  }

  @Override
  public void transitionToActive(StateChangeRequestInfo reqInfo) throws IOException {
    int calledIn = incarnation;
    maybeHang();
    if (failToActivate) {
      throw new ServiceFailedException(id + " refuses to become active (test flag)");
    }
    synchronized (this) {
      if (calledIn != incarnation) {
        throw new IOException(id + " crashed while the call hung (a killed process answers nothing)");
      }
      if (state != HAServiceState.ACTIVE) {
        activeTransitions.incrementAndGet();
        detector.becameActive(id);
      }
      state = HAServiceState.ACTIVE;
    }
  }

  @Override
  public void transitionToStandby(StateChangeRequestInfo reqInfo) throws IOException {
    maybeHang();
    if (failToStandby) {
      throw new ServiceFailedException(id + " refuses to go standby (test flag)");
    }
    synchronized (this) {
      state = HAServiceState.STANDBY;
      detector.leftActive(id);
    }
  }

  @Override
  public void transitionToObserver(StateChangeRequestInfo reqInfo) throws IOException {
    maybeHang();
    synchronized (this) {
      if (state == HAServiceState.ACTIVE) {
        throw new ServiceFailedException("Cannot transition from active to observer");
      }
      state = HAServiceState.OBSERVER;
    }
  }

  @Override
  public HAServiceStatus getServiceStatus() throws IOException {
    statusCalls.incrementAndGet();
    maybeHang();
    HAServiceStatus s = new HAServiceStatus(state);
    return state == HAServiceState.OBSERVER ? s.setNotReadyToBecomeActive("observer") : s.setReadyToBecomeActive();
  }

  @Override
  public void close() {
    crash();
  }
}
