package io.baton.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a conf folder for a test: a valid two-NameNode nameservice by default, changed per test. */
final class ConfFixture {
  /** Every host counts as local: tests choose the local NameNode explicitly or test address matching. */
  static final LocalAddresses NO_LOCAL = host -> false;

  final Path dir;
  private final Map<String, String> core = new LinkedHashMap<>();
  private final Map<String, String> hdfs = new LinkedHashMap<>();
  private String yaml;

  private ConfFixture(Path dir) {
    this.dir = dir;
  }

  /** ns1 = nn1 (127.0.0.1:18020) + nn2 (127.0.0.1:18120), automatic failover, ZooKeeper, shell fencing. */
  static ConfFixture valid(Path dir) {
    ConfFixture f = new ConfFixture(dir);
    f.core.put("ha.zookeeper.quorum", "127.0.0.1:12181");
    f.hdfs.put("dfs.nameservices", "ns1");
    f.hdfs.put("dfs.ha.namenodes.ns1", "nn1,nn2");
    f.hdfs.put("dfs.namenode.rpc-address.ns1.nn1", "127.0.0.1:18020");
    f.hdfs.put("dfs.namenode.http-address.ns1.nn1", "127.0.0.1:19870");
    f.hdfs.put("dfs.ha.zkfc.port.ns1.nn1", "18019");
    f.hdfs.put("dfs.namenode.rpc-address.ns1.nn2", "127.0.0.1:18120");
    f.hdfs.put("dfs.namenode.http-address.ns1.nn2", "127.0.0.1:19970");
    f.hdfs.put("dfs.ha.zkfc.port.ns1.nn2", "18119");
    f.hdfs.put("dfs.ha.automatic-failover.enabled", "true");
    f.hdfs.put("dfs.ha.fencing.methods", "shell(/bin/true)");
    f.yaml = """
        nameservices:
          ns1:
            namenodes:
              nn1: { admin-port: 18090 }
              nn2: { admin-port: 18190 }
        """;
    return f;
  }

  static ConfFixture empty(Path dir) {
    return new ConfFixture(dir);
  }

  ConfFixture core(String key, String value) {
    put(core, key, value);
    return this;
  }

  ConfFixture hdfs(String key, String value) {
    put(hdfs, key, value);
    return this;
  }

  /** Replaces baton.yaml; null means no baton.yaml. */
  ConfFixture yaml(String text) {
    this.yaml = text;
    return this;
  }

  /** Appends to baton.yaml. */
  ConfFixture moreYaml(String text) {
    this.yaml = (yaml == null ? "" : yaml) + text;
    return this;
  }

  private static void put(Map<String, String> m, String key, String value) {
    if (value == null) {
      m.remove(key);
    } else {
      m.put(key, value);
    }
  }

  ConfFixture write() {
    try {
      Files.createDirectories(dir);
      writeXml("core-site.xml", core);
      writeXml("hdfs-site.xml", hdfs);
      Path y = dir.resolve("baton.yaml");
      if (yaml == null) {
        Files.deleteIfExists(y);
      } else {
        Files.writeString(y, yaml);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeXml(String name, Map<String, String> props) throws IOException {
    Path file = dir.resolve(name);
    if (props.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Files.writeString(file, xml(props));
  }

  static String xml(Map<String, String> props) {
    return "<?xml version=\"1.0\"?>\n<configuration>\n" + props.entrySet().stream()
        .map(e -> "  <property>\n    <name>" + e.getKey() + "</name>\n    <value>" + e.getValue()
            + "</value>\n  </property>\n")
        .collect(Collectors.joining()) + "</configuration>\n";
  }

  LoadReport inspect() {
    return inspect(LoadOptions.none());
  }

  LoadReport inspect(LoadOptions opts) {
    write();
    return ConfigLoader.inspect(dir, opts, NO_LOCAL);
  }

  /** The problems, as {@code baton config} prints them. */
  List<String> problems() {
    return inspect().problems().stream().map(ConfigProblem::toString).toList();
  }

  DeploymentConfig load() {
    LoadReport r = inspect();
    if (!r.isValid()) {
      throw new AssertionError("expected a valid configuration, got " + r.problems());
    }
    return r.config().orElseThrow();
  }
}
