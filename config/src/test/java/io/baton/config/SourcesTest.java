package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and parsing the three files. */
class SourcesTest {
  @TempDir Path dir;

  @Test
  void malformedXmlNamesFileAndLine() throws Exception {
    ConfFixture.valid(dir).write();
    Files.writeString(dir.resolve("hdfs-site.xml"), """
        <?xml version="1.0"?>
        <configuration>
          <property>
            <name>dfs.nameservices</name>
            <value>ns1</value>
        </configuration>
        """);
    assertThat(ConfigLoader.inspect(dir, LoadOptions.none()).problems()).map(ConfigProblem::toString).containsExactly(
        "hdfs-site.xml:6: malformed XML: Unexpected close tag </configuration>; expected </property>. Fix: fix the"
            + " XML syntax; each setting is <property><name>key</name><value>v</value></property>");
  }

  @Test
  void malformedXmlInBothFilesIsReportedTogetherWithYamlErrors() throws Exception {
    ConfFixture.valid(dir).yaml("zookeeper: [1, 2\n").write();
    Files.writeString(dir.resolve("core-site.xml"), "<configuration><property>");
    Files.writeString(dir.resolve("hdfs-site.xml"), "not xml");
    LoadReport report = ConfigLoader.inspect(dir, LoadOptions.none());
    assertThat(report.config()).isEmpty();
    assertThat(report.problems()).extracting(ConfigProblem::key)
        .containsExactly("core-site.xml", "hdfs-site.xml", "baton.yaml");
    assertThat(report.problems().get(2).toString()).startsWith("baton.yaml:2: malformed YAML: expected ',' or ']',"
        + " but got <stream end> (while parsing a flow sequence)");
  }

  @Test
  void malformedYamlNamesLine() {
    LoadReport report = ConfFixture.valid(dir).yaml("""
        zookeeper:
          quorum: 127.0.0.1:2181
         session-timeout: 10s
        """).inspect();
    assertThat(report.problems()).map(ConfigProblem::toString).containsExactly(
        "baton.yaml:3: malformed YAML: expected <block end>, but found '<block mapping start>' (while parsing a block"
            + " mapping). Fix: fix the YAML syntax (indent with spaces,"
            + " 'key: value', quote values that contain ': ' or '#')");
  }

  @Test
  void yamlDocumentMustBeAMapping() {
    assertThat(ConfFixture.valid(dir).yaml("- a\n- b\n").problems()).containsExactly(
        "baton.yaml:1: the document is a list, not a mapping. Fix: start the file with top-level keys such as"
            + " 'nameservices:' or 'zookeeper:'");
  }

  @Test
  void missingConfFolder() {
    Path missing = dir.resolve("nope");
    assertThat(ConfigLoader.inspect(missing, LoadOptions.none()).problems()).map(ConfigProblem::toString)
        .containsExactly("--conf: '" + missing + "' is not a folder. Fix: pass --conf <folder> (or set HADOOP_CONF_DIR)"
            + " with hdfs-site.xml and/or baton.yaml");
  }

  @Test
  void folderWithoutAnyFile() {
    assertThat(ConfigLoader.inspect(dir, LoadOptions.none()).problems()).map(ConfigProblem::toString)
        .containsExactly("--conf: '" + dir.toAbsolutePath().normalize() + "' has none of core-site.xml, hdfs-site.xml,"
            + " baton.yaml. Fix: point --conf at the folder holding them, or create baton.yaml there (see examples/conf)");
  }

  @Test
  void unreadableXmlFileIsAProblem() throws Exception {
    ConfFixture.valid(dir).write();
    Files.delete(dir.resolve("core-site.xml"));
    Files.createDirectory(dir.resolve("core-site.xml"));
    assertThat(ConfigLoader.inspect(dir, LoadOptions.none()).problems()).map(ConfigProblem::toString)
        .containsExactly("core-site.xml: exists but cannot be read. Fix: make " + dir.resolve("core-site.xml")
            + " a readable file, or remove it");
  }

  @Test
  void yamlAloneDefinesTheWholeDeployment() {
    DeploymentConfig c = ConfFixture.empty(dir).yaml("""
        nameservices:
          ns1:
            automatic-failover: true
            fencing: { methods: "shell(/bin/true)" }
            namenodes:
              a: { rpc-address: "127.0.0.1:18020", http-address: "127.0.0.1:19870", controller-port: 18019,
                   admin-port: 18090 }
              b: { rpc-address: "127.0.0.1:18120", http-address: "127.0.0.1:19970", controller-port: 18119,
                   admin-port: 18190 }
        zookeeper: { quorum: "127.0.0.1:12181" }
        """).load();
    NameserviceConfig ns = c.nameservice("ns1").orElseThrow();
    assertThat(ns.namenodeIds()).containsExactly("a", "b");
    assertThat(ns.namenode("b").orElseThrow().httpAddress()).isEqualTo(new HostPort("127.0.0.1", 19970));
    assertThat(c.hadoopProperties()).containsEntry("dfs.nameservices", "ns1")
        .containsEntry("dfs.ha.namenodes.ns1", "a,b")
        .containsEntry("dfs.namenode.rpc-address.ns1.a", "127.0.0.1:18020")
        .containsEntry("dfs.ha.zkfc.port.ns1.b", "18119")
        .containsEntry("dfs.ha.automatic-failover.enabled.ns1", "true")
        .containsEntry("ha.zookeeper.quorum.ns1", "127.0.0.1:12181")
        .containsEntry("dfs.ha.fencing.methods.ns1.a", "shell(/bin/true)");
  }

  @Test
  void loadThrowsWithEveryProblem() {
    ConfFixture.valid(dir).moreYaml("failover: { retry-backoff: 0s, zk-op-retries: 0 }\n").write();
    assertThatThrownBy(() -> ConfigLoader.load(dir, LoadOptions.none()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("""
            2 configuration problems
              - baton.yaml:6: failover.zk-op-retries: 0 is outside 1-100. Fix: use a number from 1 to 100
              - baton.yaml:6: failover.retry-backoff: must be positive, got 0s. Fix: use a duration above zero, such\
             as 1s""");
  }

  @Test
  void hadoopVariablesAreExpandedAsHadoopDoes() {
    DeploymentConfig c = ConfFixture.valid(dir).hdfs("baton.test.host", "127.0.0.1")
        .hdfs("dfs.namenode.rpc-address.ns1.nn1", "${baton.test.host}:18020").load();
    assertThat(c.nameservice("ns1").orElseThrow().namenode("nn1").orElseThrow().rpcAddress())
        .isEqualTo(new HostPort("127.0.0.1", 18020));
  }
}
