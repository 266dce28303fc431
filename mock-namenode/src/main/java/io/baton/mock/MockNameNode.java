package io.baton.mock;

import io.baton.config.HostPort;
import io.baton.config.NameNodeConfig;
import io.baton.mock.common.EmbeddedHttpServer;
import io.baton.mock.fault.Faults;
import io.baton.mock.ha.HaServiceHandler;
import io.baton.mock.ha.IpcServers;
import io.baton.mock.qjm.MockNamespace;
import io.baton.mock.ha.NameNodeState;
import io.baton.mock.http.FaultResource;
import io.baton.mock.http.NamespaceResource;
import io.baton.mock.http.StatusResource;
import io.baton.mock.journal.EditLog.EditLogException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running mock NameNode: HAServiceProtocol over Hadoop IPC on the HA address (and the client RPC and
 * lifeline addresses when they differ), the namespace, status and fault HTTP API on the HTTP address, and a
 * tailer that keeps a standby warm. Starts as STANDBY.
 */
public final class MockNameNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MockNameNode.class);

  private final String nodeId;
  private final NameNodeState state;
  private final Faults faults;
  private final IpcServers ipc;
  private final EmbeddedHttpServer http;
  private final ScheduledExecutorService tailer;

  private MockNameNode(String nodeId, NameNodeState state, Faults faults, IpcServers ipc, EmbeddedHttpServer http,
      ScheduledExecutorService tailer) {
    this.nodeId = nodeId;
    this.state = state;
    this.faults = faults;
    this.ipc = ipc;
    this.http = http;
    this.tailer = tailer;
  }

  public static MockNameNode start(NameNodeOptions opts) throws Exception {
    long t0 = System.nanoTime();
    NameNodeConfig nn = opts.nameNode();
    String nodeId = nn.id();
    Faults faults = new Faults(nodeId, opts.crash());
    NameNodeState state = new NameNodeState(nodeId, opts.editLog());
    // IPC and HTTP start in parallel: start-up is mostly class loading, and the chaos kit starts these often.
    CompletableFuture<EmbeddedHttpServer> http = CompletableFuture.supplyAsync(() -> startHttp(opts, state, faults));
    IpcServers ipc;
    try {
      Configuration conf = new Configuration();
      opts.hadoopProperties().forEach(conf::set);
      List<HostPort> ipcAddresses = new ArrayList<>(List.of(nn.haAddress(), nn.rpcAddress()));
      nn.lifelineRpcAddress().ifPresent(ipcAddresses::add);
      ipc = IpcServers.start(conf, new HaServiceHandler(nodeId, state, faults, opts.automaticFailover()), ipcAddresses,
          MockNamespace.of(nn.nameserviceId()));
    } catch (Exception e) {
      closeQuietly(http);
      throw e;
    }
    EmbeddedHttpServer httpServer;
    try {
      httpServer = http.join();
    } catch (CompletionException e) {
      ipc.close();
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    ScheduledExecutorService tailer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, nodeId + "-journal-tailer");
      t.setDaemon(true);
      return t;
    });
    MockNameNode node = new MockNameNode(nodeId, state, faults, ipc, httpServer, tailer);
    long period = opts.tailPeriod().toMillis();
    tailer.scheduleWithFixedDelay(node::tailQuietly, 0, period, TimeUnit.MILLISECONDS);
    opts.initialFaults().forEach(faults::inject);
    log.info("{}: mock NameNode of {} up in {} ms: IPC {}, HTTP {}:{}, journal {}, automatic failover {}", nodeId,
        nn.nameserviceId(), (System.nanoTime() - t0) / 1_000_000, ipc.addresses(), nn.httpAddress().host(),
        httpServer.port(), opts.editLog().describe(), opts.automaticFailover() ? "on" : "off");
    return node;
  }

  private static EmbeddedHttpServer startHttp(NameNodeOptions opts, NameNodeState state, Faults faults) {
    NameNodeConfig nn = opts.nameNode();
    try {
      return EmbeddedHttpServer.start(nn.id(), nn.httpAddress(), List.of(
          new NamespaceResource(state, faults),
          new StatusResource(nn.id(), nn.nameserviceId(), state, faults, opts.editLog().describe()),
          new FaultResource(faults)));
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private static void closeQuietly(CompletableFuture<EmbeddedHttpServer> http) {
    http.thenAccept(server -> {
      try {
        server.close();
      } catch (Exception e) {
        log.warn("cannot stop the HTTP server after a failed start", e);
      }
    });
  }

  private void tailQuietly() {
    try {
      state.zombieTick();
      state.tailOnce();
    } catch (EditLogException e) {
      log.debug("{}: tailing the journal failed: {}", nodeId, e.getMessage());
    } catch (RuntimeException e) {
      log.warn("{}: tailing the journal failed", nodeId, e);
    }
  }

  public String nodeId() {
    return nodeId;
  }

  public Faults faults() {
    return faults;
  }

  public HAServiceState actingState() {
    return state.snapshot().acting();
  }

  public NameNodeState state() {
    return state;
  }

  /** Bound IPC addresses (HA address first). */
  public List<InetSocketAddress> ipcAddresses() {
    return ipc.addresses();
  }

  public int httpPort() {
    return http.port();
  }

  @Override
  public void close() throws Exception {
    log.info("{}: stopping", nodeId);
    faults.clearAll(); // releases hung calls so the servers can stop
    tailer.shutdownNow();
    ipc.close();
    http.close();
  }
}
