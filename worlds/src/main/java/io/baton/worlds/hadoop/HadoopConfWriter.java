package io.baton.worlds.hadoop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes one Hadoop conf folder per NameNode host, as an operator has them: core-site.xml, hdfs-site.xml and
 * log4j.properties, nothing of Baton's. The folders differ only in {@code dfs.ha.namenode.id} (two NameNodes
 * share this host, so Hadoop cannot tell the local one from its address) and the NameNode's own folders.
 */
public final class HadoopConfWriter {
  public static final String HOST = "127.0.0.1";
  private static final String LOG4J = String.join("\n",
      "log4j.rootLogger=INFO,console",
      "log4j.appender.console=org.apache.log4j.ConsoleAppender",
      "log4j.appender.console.target=System.err",
      "log4j.appender.console.layout=org.apache.log4j.PatternLayout",
      "log4j.appender.console.layout.ConversionPattern=%d{HH:mm:ss,SSS} %p %c{2}: %m%n",
      "log4j.logger.org.apache.hadoop.util.NativeCodeLoader=ERROR",
      "log4j.logger.org.eclipse.jetty=WARN", "");

  private final HadoopWorldSpec spec;
  private final HadoopPorts ports;
  private final String zookeeperQuorum;

  public HadoopConfWriter(HadoopWorldSpec spec, HadoopPorts ports, String zookeeperQuorum) {
    this.spec = spec;
    this.ports = ports;
    this.zookeeperQuorum = zookeeperQuorum;
  }

  public static Path confDir(Path workDir, String nnId) {
    return workDir.resolve("hadoop-conf").resolve(nnId);
  }

  public static Path nodeDir(Path workDir, String nnId) {
    return workDir.resolve(nnId);
  }

  public String sharedEditsUri() {
    if (spec.sharedEdits() == HadoopWorldSpec.SharedEdits.FILE) {
      return spec.workDir().resolve("shared-edits").toAbsolutePath().toUri().toString();
    }
    return "qjournal://" + ports.journalNodes().stream().map(j -> HOST + ":" + j.rpc())
        .collect(Collectors.joining(";")) + "/" + HadoopWorldSpec.NAMESERVICE;
  }

  /** Writes every NameNode's folder; returns them by NameNode id. */
  public Map<String, Path> writeAll() throws IOException {
    Map<String, Path> dirs = new LinkedHashMap<>();
    for (String id : spec.namenodeIds()) {
      dirs.put(id, write(id));
    }
    return dirs;
  }

  private Path write(String nnId) throws IOException {
    Path dir = Files.createDirectories(confDir(spec.workDir(), nnId));
    Path node = Files.createDirectories(nodeDir(spec.workDir(), nnId));
    String ns = HadoopWorldSpec.NAMESERVICE;

    Configuration core = new Configuration(false);
    core.set("fs.defaultFS", "hdfs://" + ns);
    core.set("ha.zookeeper.quorum", zookeeperQuorum);
    core.set("hadoop.tmp.dir", node.resolve("tmp").toAbsolutePath().toString());
    spec.timing().hadoopKeys().forEach(core::set);
    writeXml(core, dir.resolve("core-site.xml"));

    Configuration hdfs = new Configuration(false);
    List<String> ids = spec.namenodeIds();
    hdfs.set("dfs.nameservices", ns);
    hdfs.set("dfs.ha.namenodes." + ns, String.join(",", ids));
    hdfs.set("dfs.ha.namenode.id", nnId);
    for (String id : ids) {
      HadoopPorts.NameNodePorts p = ports.namenode(id);
      hdfs.set("dfs.namenode.rpc-address." + ns + "." + id, HOST + ":" + p.rpc());
      hdfs.set("dfs.namenode.http-address." + ns + "." + id, HOST + ":" + p.http());
      hdfs.set("dfs.ha.zkfc.port." + ns + "." + id, Integer.toString(p.zkfc()));
    }
    hdfs.set("dfs.namenode.name.dir", node.resolve("name").toAbsolutePath().toUri().toString());
    if (spec.sharedEdits() == HadoopWorldSpec.SharedEdits.FILE) {
      Files.createDirectories(spec.workDir().resolve("shared-edits"));
    }
    hdfs.set("dfs.namenode.shared.edits.dir", sharedEditsUri());
    // Default JournalNode keys; each JournalNode of the world is started with its own -D overrides.
    hdfs.set("dfs.journalnode.edits.dir", spec.workDir().resolve("journal").toAbsolutePath().toString());
    hdfs.set("dfs.ha.automatic-failover.enabled", "true");
    hdfs.set("dfs.ha.fencing.methods", spec.fencingMethods());
    hdfs.set("dfs.client.failover.proxy.provider." + ns,
        "org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider");
    hdfs.set("dfs.replication", "1");
    hdfs.set("dfs.namenode.safemode.threshold-pct", "0");
    hdfs.set("dfs.ha.tail-edits.period", "1s");
    hdfs.set("dfs.permissions.enabled", "false");
    // Hadoop's ZKFC would otherwise fetch the NameNode's thread dump over HTTP on every unhealthy check.
    hdfs.set("dfs.ha.zkfc.nn.http.timeout.ms", "0");
    writeXml(hdfs, dir.resolve("hdfs-site.xml"));

    Files.writeString(dir.resolve("log4j.properties"), LOG4J);
    return dir;
  }

  static void writeXml(Configuration conf, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      conf.writeXml(out);
    }
  }
}
