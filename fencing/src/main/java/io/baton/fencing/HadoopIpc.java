package io.baton.fencing;

import io.baton.config.HostPort;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.protocolPB.NamenodeProtocolPB;
import org.apache.hadoop.hdfs.protocolPB.NamenodeProtocolTranslatorPB;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolPB;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolTranslatorPB;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Hadoop IPC clients for the journal nodes ({@code QJournalProtocol}) and NameNodes ({@code NamenodeProtocol}),
 * built with hadoop-hdfs's own translators. Every call is bounded: one connect attempt and an RPC timeout.
 * The base configuration is the deployment's, so security settings apply where Hadoop's client supports them.
 */
final class HadoopIpc {
  private final Configuration base;

  HadoopIpc(Configuration base) {
    this.base = new Configuration(base);
    RPC.setProtocolEngine(this.base, QJournalProtocolPB.class, ProtobufRpcEngine2.class);
    RPC.setProtocolEngine(this.base, NamenodeProtocolPB.class, ProtobufRpcEngine2.class);
  }

  /** A proxy whose connect and every call give up after {@code timeoutMillis}; close it after use. */
  QJournalProtocolTranslatorPB journal(HostPort node, int timeoutMillis) throws IOException {
    return new QJournalProtocolTranslatorPB(proxy(QJournalProtocolPB.class, node, timeoutMillis));
  }

  /** As {@link #journal}, for a NameNode's service (or client) RPC address. */
  NamenodeProtocolTranslatorPB namenode(HostPort node, int timeoutMillis) throws IOException {
    return new NamenodeProtocolTranslatorPB(proxy(NamenodeProtocolPB.class, node, timeoutMillis));
  }

  private <P> P proxy(Class<P> protocol, HostPort node, int timeoutMillis) throws IOException {
    Configuration conf = bounded(timeoutMillis);
    return RPC.getProxy(protocol, RPC.getProtocolVersion(protocol), address(node),
        UserGroupInformation.getCurrentUser(), conf, NetUtils.getDefaultSocketFactory(conf), timeoutMillis);
  }

  static void close(Closeable proxy) {
    try {
      proxy.close();
    } catch (IOException | RuntimeException e) {
      // closing a proxy only releases a reference to a shared connection; nothing to report
    }
  }

  private Configuration bounded(int timeoutMillis) {
    Configuration conf = new Configuration(base);
    conf.setInt("ipc.client.connect.timeout", timeoutMillis);
    conf.setInt("ipc.client.connect.max.retries", 0);
    conf.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
    conf.setInt("ipc.client.rpc-timeout.ms", timeoutMillis);
    return conf;
  }

  private static InetSocketAddress address(HostPort node) {
    return NetUtils.createSocketAddrForHost(node.host(), node.port());
  }
}
