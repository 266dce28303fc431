package io.baton.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a conf folder (baton.yaml only) for ns1 with two NameNodes and one journal node on free ports. */
public final class ConfFolder {
  public final Path dir;
  public final int journalPort = TestConf.freePort();
  public final int[] rpcPorts = {TestConf.freePort(), TestConf.freePort()};
  public final int[] httpPorts = {TestConf.freePort(), TestConf.freePort()};
  public final Path editsDir;

  public ConfFolder(Path base, boolean automaticFailover) throws IOException {
    this.dir = Files.createDirectories(base.resolve("conf"));
    this.editsDir = base.resolve("journal");
    StringBuilder y = new StringBuilder();
    y.append("nameservices:\n  ns1:\n    automatic-failover: ").append(automaticFailover).append('\n')
        .append("    shared-edits: qjournal://127.0.0.1:").append(journalPort).append("/ns1\n")
        .append("    fencing: { methods: \"shell(/bin/true)\" }\n")
        .append("    namenodes:\n");
    for (int i = 0; i < 2; i++) {
      y.append("      nn").append(i + 1).append(": { rpc-address: 127.0.0.1:").append(rpcPorts[i])
          .append(", http-address: 127.0.0.1:").append(httpPorts[i])
          .append(", controller-port: ").append(TestConf.freePort())
          .append(", admin-port: ").append(TestConf.freePort()).append(" }\n");
    }
    y.append("zookeeper: { quorum: \"127.0.0.1:").append(TestConf.freePort()).append("\" }\n")
        .append("journalnode: { edits-dir: \"").append(editsDir).append("\" }\n")
        .append("hadoop: { \"ipc.client.connect.max.retries\": \"0\" }\n");
    Files.writeString(dir.resolve("baton.yaml"), y.toString());
  }
}
