package io.baton.controller.rpc;

import io.baton.config.HostPort;
import io.baton.controller.ControllerRuntime;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.ZKFCProtocol;
import org.apache.hadoop.ha.proto.ZKFCProtocolProtos.ZKFCProtocolService;
import org.apache.hadoop.ha.protocolPB.ZKFCProtocolPB;
import org.apache.hadoop.ha.protocolPB.ZKFCProtocolServerSideTranslatorPB;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.ipc.Server;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.authorize.AccessControlList;
import org.apache.hadoop.thirdparty.protobuf.BlockingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZKFCProtocol over Hadoop IPC (wire-compatible with Hadoop's ZKFC, 3 handlers), so {@code hdfs haadmin
 * -failover} works against Baton. Callers must be in {@code dfs.cluster.administrators} or be the controller's
 * own user, as in Hadoop.
 */
public final class ZkfcRpcServer implements ZKFCProtocol, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ZkfcRpcServer.class);
  private final String nodeId;
  private final ControllerRuntime runtime;
  private final GracefulFailover failover;
  private final AccessControlList admins;
  private final Duration cedeReplyTimeout;
  private final Server server;

  public ZkfcRpcServer(String nodeId, HostPort bind, Configuration conf, ControllerRuntime runtime,
      GracefulFailover failover, Duration cedeReplyTimeout) throws IOException {
    this.nodeId = nodeId;
    this.runtime = runtime;
    this.failover = failover;
    this.cedeReplyTimeout = cedeReplyTimeout;
    this.admins = new AccessControlList(conf.get("dfs.cluster.administrators", " "));
    Configuration c = new Configuration(conf);
    RPC.setProtocolEngine(c, ZKFCProtocolPB.class, ProtobufRpcEngine2.class);
    BlockingService service = ZKFCProtocolService.newReflectiveBlockingService(
        new ZKFCProtocolServerSideTranslatorPB(this));
    this.server = new RPC.Builder(c).setProtocol(ZKFCProtocolPB.class).setInstance(service)
        .setBindAddress(bind.host()).setPort(bind.port()).setNumHandlers(3).setVerbose(false).build();
  }

  public void start() {
    server.start();
    log.info("{}: ZKFCProtocol served at {}", nodeId, address());
  }

  public InetSocketAddress address() {
    return server.getListenerAddress();
  }

  @Override
  public void cedeActive(int millisToCede) throws IOException {
    checkAccess("cedeActive");
    log.info("{}: cedeActive({}) requested by {}", nodeId, millisToCede, caller());
    try {
      var reply = runtime.cede(Duration.ofMillis(millisToCede)).get(cedeReplyTimeout.toMillis(),
          TimeUnit.MILLISECONDS);
      if (!reply.ok()) {
        throw new FailoverRefusedException(reply.message());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(nodeId + ": interrupted while ceding", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(nodeId + ": cede did not complete: " + e, e);
    }
  }

  @Override
  public void gracefulFailover() throws IOException {
    checkAccess("gracefulFailover");
    failover.run("graceful failover requested over ZKFCProtocol by " + caller());
  }

  private String caller() {
    UserGroupInformation ugi = Server.getRemoteUser();
    return ugi == null ? "in-process caller" : ugi.getShortUserName();
  }

  private void checkAccess(String op) throws AccessControlException {
    UserGroupInformation ugi = Server.getRemoteUser();
    if (ugi == null) {
      return;
    }
    try {
      if (admins.isUserAllowed(ugi)
          || ugi.getShortUserName().equals(UserGroupInformation.getLoginUser().getShortUserName())) {
        return;
      }
    } catch (IOException e) {
      throw new AccessControlException("cannot determine the controller's login user: " + e.getMessage());
    }
    throw new AccessControlException("Access denied for user " + ugi.getShortUserName() + " to " + op
        + ". Superuser privilege is required (dfs.cluster.administrators)");
  }

  @Override
  public void close() {
    server.stop();
  }
}
