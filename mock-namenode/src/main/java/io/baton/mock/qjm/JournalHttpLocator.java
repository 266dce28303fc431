package io.baton.mock.qjm;

import io.baton.config.HostPort;
import io.baton.mock.journal.HttpEditLog;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolPB;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolTranslatorPB;
import org.apache.hadoop.ipc.ProtobufRpcEngine2;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Where a journal node's HTTP API is: its {@code getJournalState} answer over QJournalProtocol names the HTTP port,
 * as a real NameNode learns a JournalNode's HTTP server. One bounded call, no retries.
 */
public final class JournalHttpLocator implements HttpEditLog.Locator {
  private final HostPort journalNode;
  private final String journalId;
  private final String nameserviceId;
  private final int timeoutMillis;

  public JournalHttpLocator(HostPort journalNode, String journalId, String nameserviceId, Duration timeout) {
    this.journalNode = journalNode;
    this.journalId = journalId;
    this.nameserviceId = nameserviceId;
    this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
  }

  @Override
  public URI base() throws IOException {
    Configuration conf = new Configuration(false);
    RPC.setProtocolEngine(conf, QJournalProtocolPB.class, ProtobufRpcEngine2.class);
    conf.setInt("ipc.client.connect.timeout", timeoutMillis);
    conf.setInt("ipc.client.connect.max.retries", 0);
    conf.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
    QJournalProtocolPB pb = RPC.getProxy(QJournalProtocolPB.class, RPC.getProtocolVersion(QJournalProtocolPB.class),
        NetUtils.createSocketAddrForHost(journalNode.host(), journalNode.port()),
        UserGroupInformation.getCurrentUser(), conf, NetUtils.getDefaultSocketFactory(conf), timeoutMillis);
    try (QJournalProtocolTranslatorPB journal = new QJournalProtocolTranslatorPB(pb)) {
      int port = journal.getJournalState(journalId, nameserviceId).getHttpPort();
      return URI.create("http://" + journalNode.host() + ":" + port + "/journal/" + journalId + "/");
    }
  }

  @Override
  public String toString() {
    return "journal node " + journalNode + " (QJournalProtocol), journal " + journalId;
  }
}
