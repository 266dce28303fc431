package io.baton.fencing;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.config.ConfigLoader;
import io.baton.config.ConfigProblem;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.config.LoadReport;
import io.baton.config.NameNodeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An hdfs-site.xml as Hadoop operators write it, through the real loader: fencing problems come with the rest. */
class LoadedConfigTest {
  @TempDir Path conf;

  private LoadReport load(String methodsNn1, String methodsNn2) throws Exception {
    Files.writeString(conf.resolve("core-site.xml"), "<configuration/>\n");
    Files.writeString(conf.resolve("baton.yaml"), """
        nameservices:
          ns1:
            namenodes:
              nn1: { admin-port: 28090 }
              nn2: { admin-port: 28190 }
        """);
    Files.writeString(conf.resolve("hdfs-site.xml"), """
        <configuration>
          <property><name>dfs.nameservices</name><value>ns1</value></property>
          <property><name>dfs.ha.namenodes.ns1</name><value>nn1,nn2</value></property>
          <property><name>dfs.namenode.rpc-address.ns1.nn1</name><value>127.0.0.1:28020</value></property>
          <property><name>dfs.namenode.rpc-address.ns1.nn2</name><value>127.0.0.1:28120</value></property>
          <property><name>dfs.namenode.http-address.ns1.nn1</name><value>127.0.0.1:29870</value></property>
          <property><name>dfs.namenode.http-address.ns1.nn2</name><value>127.0.0.1:29970</value></property>
          <property><name>dfs.ha.zkfc.port.ns1.nn1</name><value>28019</value></property>
          <property><name>dfs.ha.zkfc.port.ns1.nn2</name><value>28119</value></property>
          <property><name>dfs.ha.automatic-failover.enabled</name><value>true</value></property>
          <property><name>ha.zookeeper.quorum</name><value>127.0.0.1:22181</value></property>
          <property><name>dfs.namenode.shared.edits.dir</name><value>qjournal://127.0.0.1:28485/ns1</value></property>
          <property><name>dfs.ha.fencing.ssh.private-key-files</name><value>/keys/id_ed25519</value></property>
          <property><name>dfs.ha.fencing.ssh.connect-timeout</name><value>5000</value></property>
          <property>
            <name>dfs.ha.fencing.methods.ns1.nn1</name>
            <value>%s</value>
          </property>
          <property>
            <name>dfs.ha.fencing.methods.ns1.nn2</name>
            <value>%s</value>
          </property>
        </configuration>
        """.formatted(methodsNn1, methodsNn2));
    return ConfigLoader.inspect(conf, LoadOptions.forNameNode("ns1", "nn2"));
  }

  @Test
  void aMultiLineHadoopValueBuildsTheChain() throws Exception {
    LoadReport report = load("""

              # kill it, else fence its storage
              sshfence(hdfs:22)
              journal
            """, "shell(/bin/true)");
    assertThat(report.problems()).isEmpty();
    DeploymentConfig deployment = report.config().orElseThrow();
    NameNodeConfig nn1 = deployment.nameservice("ns1").flatMap(ns -> ns.namenode("nn1")).orElseThrow();
    assertThat(FencingChain.create(deployment, nn1).methodNames()).containsExactly("sshfence", "journal");
  }

  @Test
  void badFencingIsReportedByTheLoader() throws Exception {
    LoadReport report = load("sshfence\nshell()", "nosuchmethod");
    assertThat(report.problems()).map(ConfigProblem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("dfs.ha.fencing.methods: fencing of ns1.nn1, line 2: 'shell()'"
            + " has empty parentheses."))
        .anySatisfy(p -> assertThat(p).startsWith("dfs.ha.fencing.methods: fencing of ns1.nn2, line 1: unknown"
            + " fence method 'nosuchmethod'."));
  }

  @Test
  void journalOverADirectoryIsOneProblemNotTwo() throws Exception {
    Path nfs = Path.of("../examples/hadoop-conf/nfs-pair");
    Files.copy(nfs.resolve("core-site.xml"), conf.resolve("core-site.xml"));
    String site = Files.readString(nfs.resolve("hdfs-site.xml"));
    Files.writeString(conf.resolve("hdfs-site.xml"), site.replace(
        "<name>dfs.ha.fencing.methods</name><value>sshfence</value>",
        "<name>dfs.ha.fencing.methods</name><value>journal</value>"));
    LoadReport report = ConfigLoader.inspect(conf, LoadOptions.forNameNode("ns1", "nn1"));
    // the loader's rule names the methods key; the fencing chain's error for the same mistake is left out
    assertThat(report.problems()).singleElement().asString()
        .contains("dfs.ha.fencing.methods: journal fencing needs a quorum journal");
    // negative control: the unchanged folder has no problem at all
    assertThat(ConfigLoader.inspect(nfs, LoadOptions.forNameNode("ns1", "nn1")).problems()).isEmpty();
  }
}
