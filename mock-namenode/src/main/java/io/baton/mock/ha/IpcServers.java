package io.baton.mock.ha;

import io.baton.config.HostPort;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol;
import org.apache.hadoop.ha.proto.HAServiceProtocolProtos.HAServiceProtocolService;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolPB;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolServerSideTranslatorPB;
import org.apache.hadoop.hdfs.protocol.proto.NamenodeProtocolProtos.NamenodeProtocolService;
import org.apache.hadoop.hdfs.protocolPB.NamenodeProtocolPB;
import org.apache.hadoop.hdfs.protocolPB.NamenodeProtocolServerSideTranslatorPB;
import org.apache.hadoop.hdfs.server.protocol.NamenodeProtocol;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;

/**
 * Hadoop IPC servers exposing HAServiceProtocol (ProtobufRpcEngine2), one per distinct address, and NamenodeProtocol's
 * {@code versionRequest} (the namespace a journal fencer needs); other NamenodeProtocol calls are refused by name.
 */
public final class IpcServers implements AutoCloseable {
  /** Enough handlers that a few hung calls do not starve status polls of other callers. */
  static final int HANDLERS = 8;

  private final List<RPC.Server> servers;

  private IpcServers(List<RPC.Server> servers) {
    this.servers = servers;
  }

  public static IpcServers start(Configuration conf, HAServiceProtocol impl, List<HostPort> addresses,
      NamespaceInfo namespace) throws IOException {
    RPC.setProtocolEngine(conf, HAServiceProtocolPB.class, ProtobufRpcEngine2.class);
    RPC.setProtocolEngine(conf, NamenodeProtocolPB.class, ProtobufRpcEngine2.class);
    var service = HAServiceProtocolService.newReflectiveBlockingService(new HAServiceProtocolServerSideTranslatorPB(impl));
    var versions = NamenodeProtocolService.newReflectiveBlockingService(
        new NamenodeProtocolServerSideTranslatorPB(versionOnly(namespace)));
    List<RPC.Server> started = new ArrayList<>();
    try {
      for (HostPort a : new LinkedHashSet<>(addresses)) {
        RPC.Server server = new RPC.Builder(conf).setProtocol(HAServiceProtocolPB.class).setInstance(service)
            .setBindAddress(a.host()).setPort(a.port()).setNumHandlers(HANDLERS).setVerbose(false).build();
        server.addProtocol(RPC.RpcKind.RPC_PROTOCOL_BUFFER, NamenodeProtocolPB.class, versions);
        server.start();
        started.add(server);
      }
    } catch (IOException | RuntimeException e) {
      started.forEach(RPC.Server::stop);
      throw e;
    }
    return new IpcServers(started);
  }

  private static NamenodeProtocol versionOnly(NamespaceInfo namespace) {
    return (NamenodeProtocol) Proxy.newProxyInstance(IpcServers.class.getClassLoader(),
        new Class<?>[] {NamenodeProtocol.class}, (self, method, args) -> switch (method.getName()) {
          case "versionRequest" -> namespace;
          case "toString" -> "mock NamenodeProtocol";
          case "hashCode" -> System.identityHashCode(self);
          case "equals" -> self == args[0];
          default -> throw new IOException("NamenodeProtocol." + method.getName()
              + " is not served by the mock NameNode (versionRequest is)");
        });
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
