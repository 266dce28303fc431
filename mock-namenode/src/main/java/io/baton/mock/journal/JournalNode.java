package io.baton.mock.journal;

import io.baton.config.HostPort;
import io.baton.mock.common.EmbeddedHttpServer;
import io.baton.mock.qjm.JournalIpcServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running journal node: the journals under one edits directory, served over Hadoop IPC ({@code QJournalProtocol},
 * at the address the shared edits name, as a real JournalNode) and over HTTP (the mock's write and read API, on
 * its own port, which {@code getJournalState} reports).
 */
public final class JournalNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JournalNode.class);

  private final String nodeId;
  private final EmbeddedHttpServer http;
  private final JournalIpcServer ipc;

  private JournalNode(String nodeId, EmbeddedHttpServer http, JournalIpcServer ipc) {
    this.nodeId = nodeId;
    this.http = http;
    this.ipc = ipc;
  }

  /**
   * Serves {@code <editsDir>/<journalId>/}: IPC at {@code address}, HTTP at {@code httpPort} on the same host
   * (0: any free port); {@code epochCheck=false} only for negative controls.
   */
  public static JournalNode start(HostPort address, int httpPort, Path editsDir, boolean epochCheck) throws Exception {
    String nodeId = "jn@" + address;
    JournalRegistry journals = JournalRegistry.onDisk(nodeId, editsDir, Clock.systemUTC(), epochCheck);
    EmbeddedHttpServer http = EmbeddedHttpServer.start(nodeId, new HostPort(address.host(), httpPort),
        List.of(new JournalResource(journals)));
    JournalIpcServer ipc;
    try {
      ipc = JournalIpcServer.start(nodeId, address, journals, http::port);
    } catch (Exception e) {
      http.close();
      throw e;
    }
    if (!epochCheck) {
      log.warn("{}: EPOCH CHECK OFF (--unsafe-no-epoch-check): stale writers are NOT fenced; negative control only", nodeId);
    }
    log.info("{}: serving journals from {}: QJournalProtocol on port {}, HTTP on port {}", nodeId, editsDir,
        ipc.port(), http.port());
    return new JournalNode(nodeId, http, ipc);
  }

  /** The IPC (QJournalProtocol) port: the one in the shared edits. */
  public int port() {
    return ipc.port();
  }

  public int httpPort() {
    return http.port();
  }

  @Override
  public void close() throws Exception {
    log.info("{}: stopping", nodeId);
    ipc.close();
    http.close();
  }
}
