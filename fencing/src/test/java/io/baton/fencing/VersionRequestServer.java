package io.baton.fencing;

import io.baton.config.HostPort;
import java.io.IOException;
import java.lang.reflect.Proxy;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.protocol.proto.NamenodeProtocolProtos.NamenodeProtocolService;
import org.apache.hadoop.hdfs.protocolPB.NamenodeProtocolPB;
import org.apache.hadoop.hdfs.protocolPB.NamenodeProtocolServerSideTranslatorPB;
import org.apache.hadoop.hdfs.server.protocol.NamenodeProtocol;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;

/**
 * A NameNode's {@code NamenodeProtocol} over real Hadoop IPC that answers {@code versionRequest} only, with a fixed
 * namespace: where journal fencing learns the namespace the JournalNodes check (no NameNode world is needed for it).
 */
final class VersionRequestServer implements AutoCloseable {
  private final RPC.Server server;
  volatile NamespaceInfo namespace;

  VersionRequestServer(NamespaceInfo namespace) throws IOException {
    this.namespace = namespace;
    Configuration conf = new Configuration(false);
    RPC.setProtocolEngine(conf, NamenodeProtocolPB.class, ProtobufRpcEngine2.class);
    NamenodeProtocol impl = (NamenodeProtocol) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {NamenodeProtocol.class}, (self, method, args) -> switch (method.getName()) {
          case "versionRequest" -> this.namespace;
          case "toString" -> "VersionRequestServer";
          case "hashCode" -> System.identityHashCode(self);
          case "equals" -> self == args[0];
          default -> throw new IOException(method.getName() + " is not served here (versionRequest only)");
        });
    server = new RPC.Builder(conf).setProtocol(NamenodeProtocolPB.class)
        .setInstance(NamenodeProtocolService.newReflectiveBlockingService(
            new NamenodeProtocolServerSideTranslatorPB(impl)))
        .setBindAddress("127.0.0.1").setPort(0).setNumHandlers(2).setVerbose(false).build();
    server.start();
  }

  HostPort address() {
    return new HostPort("127.0.0.1", server.getListenerAddress().getPort());
  }

  @Override
  public void close() {
    server.stop();
  }
}
