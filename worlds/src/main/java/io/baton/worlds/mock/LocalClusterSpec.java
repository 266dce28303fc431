package io.baton.worlds.mock;

import io.baton.worlds.TimingProfile;
import io.baton.config.LoopbackPorts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;

/**
 * A one-nameservice HA deployment on 127.0.0.1 with free ports, written as a Hadoop conf folder
 * (core-site.xml, hdfs-site.xml, baton.yaml) that every Baton command reads: the world of the demo,
 * the chaos kit and the benchmarks.
 *
 * @param fencingMethods the dfs.ha.fencing.methods text
 * @param extraHadoopKeys more Hadoop keys (they win over the timing profile)
 */
public record LocalClusterSpec(
    String nameserviceId,
    List<LocalNameNodePorts> namenodes,
    int journalPort,
    String zookeeperQuorum,
    Path workDir,
    TimingProfile timing,
    String fencingMethods,
    Map<String, String> extraHadoopKeys) {

  public static final String HOST = "127.0.0.1";

  public LocalClusterSpec {
    namenodes = List.copyOf(namenodes);
    extraHadoopKeys = Map.copyOf(extraHadoopKeys);
  }

  /** nn1..nnN with fresh free ports, storage fencing at the journal. */
  public static LocalClusterSpec allocate(Path workDir, int namenodeCount, String zookeeperQuorum,
      TimingProfile timing) {
    List<LocalNameNodePorts> nns = new ArrayList<>();
    for (int i = 1; i <= namenodeCount; i++) {
      nns.add(LocalNameNodePorts.allocate("nn" + i));
    }
    return new LocalClusterSpec("ns1", nns, LoopbackPorts.free(), zookeeperQuorum, workDir, timing, "journal", Map.of());
  }

  public LocalClusterSpec withFencingMethods(String methods) {
    return new LocalClusterSpec(nameserviceId, namenodes, journalPort, zookeeperQuorum, workDir, timing, methods,
        extraHadoopKeys);
  }

  public LocalClusterSpec withHadoopKeys(Map<String, String> keys) {
    Map<String, String> merged = new LinkedHashMap<>(extraHadoopKeys);
    merged.putAll(keys);
    return new LocalClusterSpec(nameserviceId, namenodes, journalPort, zookeeperQuorum, workDir, timing,
        fencingMethods, merged);
  }

  public Path confDir() {
    return workDir.resolve("conf");
  }

  /** The controllers' admin API token: inside the work folder, never in the user's home. */
  public Path adminTokenFile() {
    return workDir.resolve("admin-token");
  }

  /** {@code Authorization} header value for the admin API, once a controller has created the token. */
  public String adminAuthorization() throws IOException {
    return "Bearer " + Files.readString(adminTokenFile()).strip();
  }

  public Path journalDir() {
    return workDir.resolve("journal");
  }

  public LocalNameNodePorts namenode(String id) {
    return namenodes.stream().filter(n -> n.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no NameNode " + id + " in " + namenodeIds()));
  }

  public List<String> namenodeIds() {
    return namenodes.stream().map(LocalNameNodePorts::id).toList();
  }

  public String httpUrl(String nnId) {
    return "http://" + HOST + ":" + namenode(nnId).httpPort();
  }

  public String adminUrl(String nnId) {
    return "http://" + HOST + ":" + namenode(nnId).adminPort();
  }

  /** Writes core-site.xml, hdfs-site.xml and baton.yaml into {@link #confDir()}. */
  public Path writeConf() throws IOException {
    Path conf = Files.createDirectories(confDir());
    Files.createDirectories(journalDir());

    Configuration core = new Configuration(false);
    core.set("ha.zookeeper.quorum", zookeeperQuorum);
    timing.hadoopKeys().forEach(core::set);
    extraHadoopKeys.forEach(core::set);
    writeXml(core, conf.resolve("core-site.xml"));

    Configuration hdfs = new Configuration(false);
    String ns = nameserviceId;
    hdfs.set("dfs.nameservices", ns);
    hdfs.set("dfs.ha.namenodes." + ns, namenodeIds().stream().collect(Collectors.joining(",")));
    for (LocalNameNodePorts nn : namenodes) {
      hdfs.set("dfs.namenode.rpc-address." + ns + "." + nn.id(), HOST + ":" + nn.rpcPort());
      hdfs.set("dfs.namenode.http-address." + ns + "." + nn.id(), HOST + ":" + nn.httpPort());
      hdfs.set("dfs.ha.zkfc.port." + ns + "." + nn.id(), Integer.toString(nn.controllerPort()));
    }
    hdfs.set("dfs.ha.automatic-failover.enabled", "true");
    hdfs.set("dfs.ha.fencing.methods", fencingMethods);
    hdfs.set("dfs.namenode.shared.edits.dir", "qjournal://" + HOST + ":" + journalPort + "/" + ns);
    hdfs.set("dfs.journalnode.edits.dir", journalDir().toAbsolutePath().toString());
    hdfs.set("dfs.client.failover.proxy.provider." + ns,
        "org.apache.hadoop.hdfs.server.namenode.ha.ConfiguredFailoverProxyProvider");
    writeXml(hdfs, conf.resolve("hdfs-site.xml"));

    Map<String, Object> namenodeYaml = new LinkedHashMap<>();
    for (LocalNameNodePorts nn : namenodes) {
      namenodeYaml.put(nn.id(), Map.of("admin-port", nn.adminPort()));
    }
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("nameservices", Map.of(ns, Map.of("namenodes", namenodeYaml)));
    yaml.put("controller", Map.of("admin-bind-address", HOST,
        "admin-token-file", adminTokenFile().toAbsolutePath().toString()));
    new ObjectMapper(new YAMLFactory()).writeValue(conf.resolve("baton.yaml").toFile(), yaml);
    return conf;
  }

  private static void writeXml(Configuration conf, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      conf.writeXml(out);
    }
  }
}
