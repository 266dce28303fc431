package io.baton.mock.qjm;

import io.baton.config.HostPort;
import io.baton.mock.common.ApiException;
import io.baton.mock.journal.Journal;
import io.baton.mock.journal.JournalRegistry;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.qjournal.protocol.QJournalProtocol;
import org.apache.hadoop.hdfs.qjournal.protocol.QJournalProtocolProtos.GetJournalStateResponseProto;
import org.apache.hadoop.hdfs.qjournal.protocol.QJournalProtocolProtos.NewEpochResponseProto;
import org.apache.hadoop.hdfs.qjournal.protocol.QJournalProtocolProtos.QJournalProtocolService;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolPB;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolServerSideTranslatorPB;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mock journal node's {@code QJournalProtocol} over Hadoop IPC, the subset a fencer uses: {@code getJournalState}
 * (the promised epoch and the HTTP port), {@code newEpoch} (checks the namespace, promises the epoch that the
 * journal's write API then enforces) and {@code isFormatted}. Anything else is refused by name.
 */
public final class JournalIpcServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JournalIpcServer.class);
  private static final int HANDLERS = 4;

  private final RPC.Server server;

  private JournalIpcServer(RPC.Server server) {
    this.server = server;
  }

  /** Serves {@code journals} at {@code address}; {@code httpPort} is where their HTTP API is, for getJournalState. */
  public static JournalIpcServer start(String nodeId, HostPort address, JournalRegistry journals, IntSupplier httpPort)
      throws IOException {
    Configuration conf = new Configuration(false);
    RPC.setProtocolEngine(conf, QJournalProtocolPB.class, ProtobufRpcEngine2.class);
    QJournalProtocol impl = (QJournalProtocol) Proxy.newProxyInstance(JournalIpcServer.class.getClassLoader(),
        new Class<?>[] {QJournalProtocol.class}, new Handler(nodeId, address.host(), journals, httpPort));
    RPC.Server server = new RPC.Builder(conf).setProtocol(QJournalProtocolPB.class)
        .setInstance(QJournalProtocolService.newReflectiveBlockingService(new QJournalProtocolServerSideTranslatorPB(impl)))
        .setBindAddress(address.host()).setPort(address.port()).setNumHandlers(HANDLERS).setVerbose(false).build();
    server.start();
    return new JournalIpcServer(server);
  }

  public int port() {
    return server.getListenerAddress().getPort();
  }

  @Override
  public void close() {
    server.stop();
  }

  private record Handler(String nodeId, String host, JournalRegistry journals, IntSupplier httpPort)
      implements InvocationHandler {
    @Override
    public Object invoke(Object self, Method method, Object[] args) throws IOException {
      switch (method.getName()) {
        case "toString":
          return "JournalIpcServer(" + nodeId + ")";
        case "hashCode":
          return System.identityHashCode(self);
        case "equals":
          return self == args[0];
        case "isFormatted":
          journal((String) args[0]);
          return true;
        case "getJournalState":
          return state((String) args[0]);
        case "newEpoch":
          return newEpoch((String) args[0], (String) args[1], (NamespaceInfo) args[2], (Long) args[3]);
        default:
          throw new IOException(method.getName() + " is not served by the mock journal node (it serves"
              + " getJournalState, newEpoch and isFormatted)");
      }
    }

    private GetJournalStateResponseProto state(String journalId) throws IOException {
      Journal.Status s = status(journal(journalId));
      int port = httpPort.getAsInt();
      return GetJournalStateResponseProto.newBuilder().setLastPromisedEpoch(s.promisedEpoch()).setHttpPort(port)
          .setFromURL("http://" + host + ":" + port).build();
    }

    private NewEpochResponseProto newEpoch(String journalId, String nameserviceId, NamespaceInfo namespace, long epoch)
        throws IOException {
      Journal j = journal(journalId);
      MockNamespace.check(nameserviceId, journalId, namespace);
      try {
        Journal.EpochGrant g = j.newEpoch("QJournalProtocol.newEpoch", Optional.of(epoch));
        log.info("{}: journal {}: promised epoch {} over QJournalProtocol", nodeId, journalId, g.epoch());
        return NewEpochResponseProto.newBuilder().setLastSegmentTxId(g.lastTxId()).build();
      } catch (ApiException e) {
        throw new IOException(e.getMessage());
      }
    }

    private Journal journal(String journalId) throws IOException {
      try {
        return journals.get(journalId);
      } catch (ApiException e) {
        throw new IOException(e.getMessage());
      }
    }

    private static Journal.Status status(Journal j) throws IOException {
      try {
        return j.status();
      } catch (ApiException e) {
        throw new IOException(e.getMessage());
      }
    }
  }
}
