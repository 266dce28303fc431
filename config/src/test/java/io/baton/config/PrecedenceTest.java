package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hadoop suffix rules and baton.yaml levels: namenode > nameservice > global > Hadoop XML > defaults. */
class PrecedenceTest {
  @TempDir Path dir;

  private static FencingConfig fencing(DeploymentConfig c, String nn) {
    return c.nameservice("ns1").orElseThrow().namenode(nn).orElseThrow().fencing();
  }

  @Test
  void fencingMethodsSuffixes() {
    DeploymentConfig c = ConfFixture.valid(dir)
        .hdfs("dfs.ha.fencing.methods", "shell(plain)")
        .hdfs("dfs.ha.fencing.methods.ns1", "shell(ns)")
        .hdfs("dfs.ha.fencing.methods.ns1.nn2", "shell(nn)")
        .load();
    assertThat(fencing(c, "nn1").methods()).isEqualTo("shell(ns)");
    assertThat(fencing(c, "nn2").methods()).isEqualTo("shell(nn)");
  }

  @Test
  void controllerPortSuffixes() {
    DeploymentConfig c = ConfFixture.valid(dir)
        .hdfs("dfs.ha.zkfc.port.ns1.nn1", null)
        .hdfs("dfs.ha.zkfc.port.ns1", "28019")
        .hdfs("dfs.ha.zkfc.port", "38019")
        .load();
    assertThat(c.nameservice("ns1").orElseThrow().namenode("nn1").orElseThrow().controllerPort()).isEqualTo(28019);
    assertThat(c.nameservice("ns1").orElseThrow().namenode("nn2").orElseThrow().controllerPort()).isEqualTo(18119);
  }

  @Test
  void controllerPortDefaultsTo8019() {
    DeploymentConfig c = ConfFixture.valid(dir).hdfs("dfs.ha.zkfc.port.ns1.nn1", null).load();
    assertThat(c.nameservice("ns1").orElseThrow().namenode("nn1").orElseThrow().controllerAddress())
        .isEqualTo(new HostPort("127.0.0.1", 8019));
  }

  @Test
  void automaticFailoverAndZooKeeperTakeTheNameserviceSuffix() {
    DeploymentConfig c = ConfFixture.valid(dir)
        .hdfs("dfs.ha.automatic-failover.enabled.ns1", "false")
        .core("ha.zookeeper.quorum.ns1", "127.0.0.2:2181")
        .core("ha.zookeeper.session-timeout.ms.ns1", "4000")
        .load();
    NameserviceConfig ns = c.nameservice("ns1").orElseThrow();
    assertThat(ns.automaticFailover()).isFalse();
    assertThat(ns.zookeeper().quorum()).isEqualTo("127.0.0.2:2181");
    assertThat(ns.zookeeper().sessionTimeout()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void addressesTakeOnlyTheNameNodeSuffix() {
    DeploymentConfig c = ConfFixture.valid(dir)
        .hdfs("dfs.namenode.http-address.ns1.nn1", null)
        .hdfs("dfs.namenode.http-address", "127.0.0.9:1234")
        .hdfs("dfs.namenode.servicerpc-address.ns1.nn1", "127.0.0.1")
        .hdfs("dfs.namenode.lifeline.rpc-address.ns1.nn1", "127.0.0.1:18050")
        .load();
    NameNodeConfig nn1 = c.nameservice("ns1").orElseThrow().namenode("nn1").orElseThrow();
    assertThat(nn1.httpAddress()).isEqualTo(new HostPort("127.0.0.1", 9870));
    assertThat(nn1.haAddress()).isEqualTo(new HostPort("127.0.0.1", 8020));
    assertThat(nn1.healthAddress()).isEqualTo(new HostPort("127.0.0.1", 18050));
  }

  @Test
  void yamlBeatsEveryXmlSuffix() {
    DeploymentConfig c = ConfFixture.valid(dir)
        .core("ha.zookeeper.session-timeout.ms.ns1", "4000")
        .hdfs("dfs.ha.fencing.ssh.connect-timeout.ns1.nn1", "1000")
        .moreYaml("zookeeper: { session-timeout: 7s }\nfencing: { ssh-connect-timeout: 3s }\n")
        .load();
    assertThat(c.nameservice("ns1").orElseThrow().zookeeper().sessionTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(fencing(c, "nn1").sshConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.hadoopProperties())
        .containsEntry("ha.zookeeper.session-timeout.ms.ns1", "7000")
        .containsEntry("dfs.ha.fencing.ssh.connect-timeout.ns1.nn1", "3000");
  }

  @Test
  void yamlLevelsNameNodeOverNameserviceOverGlobal() {
    DeploymentConfig c = ConfFixture.valid(dir).yaml("""
        fencing: { method-timeout: 20s, deadline: 50s }
        nameservices:
          ns1:
            fencing: { method-timeout: 30s }
            namenodes:
              nn1: { admin-port: 18090, fencing: { method-timeout: 40s } }
              nn2: { admin-port: 18190 }
        """).load();
    assertThat(fencing(c, "nn1").methodTimeout()).isEqualTo(Duration.ofSeconds(40));
    assertThat(fencing(c, "nn2").methodTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(fencing(c, "nn2").deadline()).isEqualTo(Duration.ofSeconds(50));
  }

  @Test
  void hadoopOverridesInYamlBeatTheXml() {
    DeploymentConfig c = ConfFixture.valid(dir)
        .moreYaml("hadoop:\n  \"ha.health-monitor.rpc-timeout.ms\": 3000\n  \"dfs.ha.zkfc.port.ns1.nn1\": \"28019\"\n")
        .load();
    assertThat(c.healthMonitor().rpcTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.nameservice("ns1").orElseThrow().namenode("nn1").orElseThrow().controllerPort()).isEqualTo(28019);
    assertThat(c.hadoopProperties()).containsEntry("dfs.ha.zkfc.port.ns1.nn1", "28019");
    assertThat(c.toHadoopConfiguration().get("ha.health-monitor.rpc-timeout.ms")).isEqualTo("3000");
  }

  @Test
  void typedYamlBeatsHadoopOverrideInYaml() {
    DeploymentConfig c = ConfFixture.valid(dir)
        .moreYaml("hadoop: { \"ha.health-monitor.rpc-timeout.ms\": \"3000\" }\nhealth-monitor: { rpc-timeout: 9s }\n")
        .load();
    assertThat(c.healthMonitor().rpcTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(c.hadoopProperties()).containsEntry("ha.health-monitor.rpc-timeout.ms", "9000");
  }

  @Test
  void yamlAddsNameNodesToAnXmlNameservice() {
    DeploymentConfig c = ConfFixture.valid(dir).yaml("""
        nameservices:
          ns1:
            namenodes:
              nn1: { admin-port: 18090 }
              nn2: { admin-port: 18190 }
              nn3: { rpc-address: "127.0.0.1:18220", http-address: "127.0.0.1:20070", controller-port: 18219,
                     admin-port: 18290 }
        """).load();
    assertThat(c.nameservice("ns1").orElseThrow().namenodeIds()).containsExactly("nn1", "nn2", "nn3");
    assertThat(c.hadoopProperties()).containsEntry("dfs.ha.namenodes.ns1", "nn1,nn2,nn3");
  }

  @Test
  void zooKeeperTlsFromEitherHadoopKey() {
    assertThat(ConfFixture.valid(dir).core("dfs.ha.zkfc.client.ssl.enabled", "true").load()
        .nameservices().get(0).zookeeper().sslEnabled()).isTrue();
    assertThat(ConfFixture.valid(dir).core("hadoop.zk.ssl.enabled", "false").load()
        .nameservices().get(0).zookeeper().sslEnabled()).isFalse();
  }
}
