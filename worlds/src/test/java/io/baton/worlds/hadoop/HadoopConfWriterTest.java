package io.baton.worlds.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hadoop world's conf folders, without starting anything. */
class HadoopConfWriterTest {
  @TempDir Path dir;

  @Test
  void oneHadoopFolderPerNameNodeDifferingInTheLocalId() throws IOException {
    HadoopWorldSpec spec = HadoopWorldSpec.pair(dir, ControllerKind.BATON);
    HadoopPorts ports = HadoopPorts.allocate(spec);
    Map<String, Path> dirs = new HadoopConfWriter(spec, ports, "127.0.0.1:2181").writeAll();

    assertThat(dirs).containsOnlyKeys("nn1", "nn2");
    for (Map.Entry<String, Path> e : dirs.entrySet()) {
      try (Stream<Path> files = Files.list(e.getValue())) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .containsExactlyInAnyOrder("core-site.xml", "hdfs-site.xml", "log4j.properties");
      }
      Configuration hdfs = read(e.getValue().resolve("hdfs-site.xml"));
      assertThat(hdfs.get("dfs.ha.namenode.id")).isEqualTo(e.getKey());
      assertThat(hdfs.get("dfs.namenode.shared.edits.dir")).startsWith("qjournal://")
          .endsWith("/ns1").contains(";");
      assertThat(hdfs.get("dfs.namenode.shared.edits.dir").split(";")).hasSize(3);
      assertThat(hdfs.get("dfs.ha.fencing.methods")).isEqualTo("journal");
    }
    Configuration one = read(dirs.get("nn1").resolve("hdfs-site.xml"));
    assertThat(one.get("dfs.ha.zkfc.port.ns1.nn1")).isNotEqualTo(one.get("dfs.ha.zkfc.port.ns1.nn2"));
    for (String id : spec.namenodeIds()) {
      // Baton finds its admin API by its rule, dfs.ha.zkfc.port + 71; nothing of Baton's is in the folder.
      assertThat(ports.namenode(id).admin())
          .isEqualTo(Integer.parseInt(one.get("dfs.ha.zkfc.port.ns1." + id)) + HadoopPorts.BATON_ADMIN_PORT_OFFSET);
    }
    assertThat(one.get("dfs.namenode.name.dir"))
        .isNotEqualTo(read(dirs.get("nn2").resolve("hdfs-site.xml")).get("dfs.namenode.name.dir"));
  }

  @Test
  void fileSharedEditsNameAFolderAndNoJournalNode() throws IOException {
    HadoopWorldSpec spec = HadoopWorldSpec.pair(dir, ControllerKind.HADOOP_ZKFC).withFileSharedEdits();
    HadoopPorts ports = HadoopPorts.allocate(spec);
    Path nn1 = new HadoopConfWriter(spec, ports, "127.0.0.1:2181").writeAll().get("nn1");
    assertThat(ports.journalNodes()).isEmpty();
    assertThat(read(nn1.resolve("hdfs-site.xml")).get("dfs.namenode.shared.edits.dir")).startsWith("file:/");
    assertThat(dir.resolve("shared-edits")).isDirectory();
    // Hadoop's ZKFC knows no journal method, and journal needs a quorum journal.
    assertThat(read(nn1.resolve("hdfs-site.xml")).get("dfs.ha.fencing.methods")).isEqualTo("shell(/bin/true)");
    assertThat(HadoopWorldSpec.pair(dir, ControllerKind.BATON).withFileSharedEdits().fencingMethods())
        .isEqualTo("shell(/bin/true)");
  }

  @Test
  void observersAreTheLastNameNodes() {
    HadoopWorldSpec spec = HadoopWorldSpec.pair(dir, ControllerKind.BATON).withObserver(ControllerKind.NONE);
    assertThat(spec.namenodeIds()).containsExactly("nn1", "nn2", "nn3");
    assertThat(spec.isObserver("nn3")).isTrue();
    assertThat(spec.isObserver("nn2")).isFalse();
    assertThat(spec.controller("nn3")).isEqualTo(ControllerKind.NONE);
  }

  @Test
  void anEvenJournalCountIsRefused() {
    assertThatThrownBy(() -> HadoopWorldSpec.pair(dir, ControllerKind.BATON).withJournalNodes(2))
        .hasMessageContaining("journalNodes must be 1, 3 or 5");
  }

  @Test
  void aMissingDaemonClasspathNamesTheModuleToBuild() {
    String before = System.getProperty(HadoopDaemons.CLASSPATH_PROPERTY);
    System.setProperty(HadoopDaemons.CLASSPATH_PROPERTY, dir.resolve("no-such-classpath.txt").toString());
    try {
      assertThatThrownBy(() -> HadoopDaemons.locate(dir)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("-pl hadoop-daemons package").hasMessageContaining("no-such-classpath.txt");
    } finally {
      if (before == null) {
        System.clearProperty(HadoopDaemons.CLASSPATH_PROPERTY);
      } else {
        System.setProperty(HadoopDaemons.CLASSPATH_PROPERTY, before);
      }
    }
  }

  private static Configuration read(Path file) {
    Configuration c = new Configuration(false);
    c.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
    return c;
  }
}
