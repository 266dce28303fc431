package io.baton.worlds.demo;

import io.baton.config.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/** A single ZooKeeper server inside the demo's JVM, through ZooKeeper's own embedded-server API. */
final class EmbeddedZooKeeper implements AutoCloseable {
  private final ZooKeeperServerEmbedded server;
  private final int port;

  EmbeddedZooKeeper(Path baseDir) throws Exception {
    this.port = LoopbackPorts.free();
    Properties cfg = new Properties();
    cfg.setProperty("clientPort", Integer.toString(port));
    cfg.setProperty("clientPortAddress", "127.0.0.1");
    cfg.setProperty("tickTime", "500");
    cfg.setProperty("admin.enableServer", "false");
    cfg.setProperty("4lw.commands.whitelist", "srvr,ruok");
    this.server = ZooKeeperServerEmbedded.builder()
        .baseDir(Files.createDirectories(baseDir))
        .configuration(cfg)
        .exitHandler(ExitHandler.LOG_ONLY)
        .build();
  }

  void start() throws Exception {
    server.start(30_000);
  }

  String connectString() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.close();
  }
}
