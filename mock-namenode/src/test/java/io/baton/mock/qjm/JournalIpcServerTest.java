package io.baton.mock.qjm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.HostPort;
import io.baton.mock.Http;
import io.baton.mock.TestConf;
import io.baton.mock.journal.JournalNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.qjournal.protocol.QJournalProtocolProtos.GetJournalStateResponseProto;
import org.apache.hadoop.hdfs.qjournal.protocol.RequestInfo;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolPB;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolTranslatorPB;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mock journal node's QJournalProtocol subset, through hadoop-hdfs's own client translator. */
class JournalIpcServerTest {
  @TempDir Path dir;
  private JournalNode node;
  private QJournalProtocolTranslatorPB journal;
  private String http;

  @BeforeEach
  void start() throws Exception {
    node = JournalNode.start(TestConf.local(0), 0, dir, true);
    http = "http://127.0.0.1:" + node.httpPort() + "/journal/ns1";
    Configuration conf = new Configuration(false);
    RPC.setProtocolEngine(conf, QJournalProtocolPB.class, ProtobufRpcEngine2.class);
    conf.setInt("ipc.client.connect.max.retries", 0);
    QJournalProtocolPB pb = RPC.getProxy(QJournalProtocolPB.class, RPC.getProtocolVersion(QJournalProtocolPB.class),
        new InetSocketAddress("127.0.0.1", node.port()), UserGroupInformation.getCurrentUser(), conf,
        NetUtils.getDefaultSocketFactory(conf), 5_000);
    journal = new QJournalProtocolTranslatorPB(pb);
  }

  @AfterEach
  void stop() throws Exception {
    journal.close();
    node.close();
  }

  @Test
  void newEpochPromisesTheEpochTheWriteApiThenEnforces() throws Exception {
    assertThat(Http.post(http + "/epoch", "{\"writer\":\"nn1\"}").json().path("epoch").asLong()).isEqualTo(1);
    GetJournalStateResponseProto state = journal.getJournalState("ns1", "ns1");
    assertThat(state.getLastPromisedEpoch()).isEqualTo(1);
    assertThat(state.getHttpPort()).isEqualTo(node.httpPort());
    assertThat(state.getFromURL()).isEqualTo("http://127.0.0.1:" + node.httpPort());

    journal.newEpoch("ns1", "ns1", MockNamespace.of("ns1"), 2);

    assertThat(journal.getJournalState("ns1", "ns1").getLastPromisedEpoch()).isEqualTo(2);
    Http.Answer stale = Http.post(http + "/append",
        "{\"epoch\":1,\"txid\":1,\"op\":\"write\",\"path\":\"/a\",\"data\":\"x\",\"writer\":\"nn1\"}");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().path("error").asText()).isEqualTo("stale_epoch");
    // the next writer claims above the fencer's epoch, as a NameNode's transitionToActive does
    assertThat(Http.post(http + "/epoch", "{\"writer\":\"nn2\"}").json().path("epoch").asLong()).isEqualTo(3);
  }

  @Test
  void aWrongNamespaceAStaleEpochAndUnservedCallsAreRefusedByName() throws Exception {
    NamespaceInfo other = new NamespaceInfo(1, "CID-other", "BP-other", 0L);
    assertThatThrownBy(() -> journal.newEpoch("ns1", "ns1", other, 1)).isInstanceOf(RemoteException.class)
        .hasMessageContaining("Incompatible namespaceID for journal ns1");
    journal.newEpoch("ns1", "ns1", MockNamespace.of("ns1"), 5);
    assertThatThrownBy(() -> journal.newEpoch("ns1", "ns1", MockNamespace.of("ns1"), 5))
        .isInstanceOf(RemoteException.class).hasMessageContaining("is not above the promised epoch 5");
    assertThatThrownBy(() -> journal.heartbeat(new RequestInfo("ns1", "ns1", 5, 1, 0)))
        .isInstanceOf(RemoteException.class).hasMessageContaining("heartbeat is not served by the mock journal node");
    assertThat(journal.getJournalState("ns1", "ns1").getLastPromisedEpoch()).isEqualTo(5);
  }

  @Test
  void theMockNameNodeLocatorFindsTheHttpApiOverIpc() throws Exception {
    var locator = new JournalHttpLocator(new HostPort("127.0.0.1", node.port()), "ns1", "ns1",
        java.time.Duration.ofSeconds(3));
    assertThat(locator.base().toString()).isEqualTo(http + "/");
  }
}
