package io.baton.mock.journal;

import io.baton.config.HostPort;
import io.baton.mock.common.EmbeddedHttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running journal node: the journals under one edits directory, served over HTTP. */
public final class JournalNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JournalNode.class);

  private final String nodeId;
  private final EmbeddedHttpServer http;

  private JournalNode(String nodeId, EmbeddedHttpServer http) {
    this.nodeId = nodeId;
    this.http = http;
  }

  /** Serves {@code <editsDir>/<journalId>/} at {@code address}; {@code epochCheck=false} only for negative controls. */
  public static JournalNode start(HostPort address, Path editsDir, boolean epochCheck) throws Exception {
    String nodeId = "jn@" + address;
    JournalRegistry journals = JournalRegistry.onDisk(nodeId, editsDir, Clock.systemUTC(), epochCheck);
    EmbeddedHttpServer http = EmbeddedHttpServer.start(nodeId, address, List.of(new JournalResource(journals)));
    if (!epochCheck) {
      log.warn("{}: EPOCH CHECK OFF (--unsafe-no-epoch-check): stale writers are NOT fenced; negative control only", nodeId);
    }
    log.info("{}: serving journals from {} on port {}", nodeId, editsDir, http.port());
    return new JournalNode(nodeId, http);
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() throws Exception {
    log.info("{}: stopping", nodeId);
    http.close();
  }
}
