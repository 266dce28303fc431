package io.baton.mock.ha;

import io.baton.config.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol;
import org.apache.hadoop.ha.proto.HAServiceProtocolProtos.HAServiceProtocolService;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolPB;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolServerSideTranslatorPB;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;

/** Hadoop IPC servers exposing HAServiceProtocol (ProtobufRpcEngine2), one per distinct address. */
public final class IpcServers implements AutoCloseable {
  /** Enough handlers that a few hung calls do not starve status polls of other callers. */
  static final int HANDLERS = 8;

  private final List<RPC.Server> servers;

  private IpcServers(List<RPC.Server> servers) {
    this.servers = servers;
  }

  public static IpcServers start(Configuration conf, HAServiceProtocol impl, List<HostPort> addresses)
      throws IOException {
    RPC.setProtocolEngine(conf, HAServiceProtocolPB.class, ProtobufRpcEngine2.class);
    var service = HAServiceProtocolService.newReflectiveBlockingService(new HAServiceProtocolServerSideTranslatorPB(impl));
    List<RPC.Server> started = new ArrayList<>();
    try {
      for (HostPort a : new LinkedHashSet<>(addresses)) {
        RPC.Server server = new RPC.Builder(conf).setProtocol(HAServiceProtocolPB.class).setInstance(service)
            .setBindAddress(a.host()).setPort(a.port()).setNumHandlers(HANDLERS).setVerbose(false).build();
        server.start();
        started.add(server);
      }
    } catch (IOException | RuntimeException e) {
      started.forEach(RPC.Server::stop);
      throw e;
    }
    return new IpcServers(started);
  }

  /** The bound addresses, in the order given (duplicates removed). */
  public List<InetSocketAddress> addresses() {
    return servers.stream().map(RPC.Server::getListenerAddress).toList();
  }

  @Override
  public void close() {
    servers.forEach(RPC.Server::stop);
  }
}
