package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-field rules; docs/config.md explains each one. */
class RulesTest {
  @TempDir Path dir;

  private ConfFixture conf() {
    return ConfFixture.valid(dir);
  }

  @Test
  void theFixtureIsValid() {
    assertThat(conf().problems()).isEmpty();
  }

  @Test
  void nameserviceNeedsTwoNameNodes() {
    assertThat(conf().hdfs("dfs.ha.namenodes.ns1", "nn1").yaml(null).problems()).containsExactly(
        "hdfs-site.xml:8: dfs.ha.namenodes.ns1: nameservice ns1 has 1 NameNode (nn1); HA needs at least two. Fix: list"
            + " two or more NameNode ids in dfs.ha.namenodes.ns1, or under nameservices.ns1.namenodes in baton.yaml");
  }

  @Test
  void noNameserviceAtAll() {
    assertThat(ConfFixture.empty(dir).yaml("zookeeper: { quorum: \"127.0.0.1:2181\" }\n").problems()).containsExactly(
        "dfs.nameservices: no nameservice is configured. Fix: set dfs.nameservices in hdfs-site.xml, or add"
            + " nameservices: to baton.yaml");
  }

  @Test
  void idsMustBeUnique() {
    assertThat(conf().hdfs("dfs.ha.namenodes.ns1", "nn1,nn2,nn1").hdfs("dfs.nameservices", "ns1,ns1").problems())
        .containsExactly(
            "hdfs-site.xml:4: dfs.nameservices: lists 'ns1' twice. Fix: ids must be unique; remove one",
            "hdfs-site.xml:8: dfs.ha.namenodes.ns1: lists 'nn1' twice. Fix: ids must be unique; remove one");
  }

  @Test
  void idsMustBeUsableAsSuffixes() {
    assertThat(conf().hdfs("dfs.ha.namenodes.ns1", "nn1,nn2,nn.3").problems()).containsExactly(
        "hdfs-site.xml:8: dfs.ha.namenodes.ns1: id 'nn.3' has characters other than letters, digits, '-' and '_'. Fix:"
            + " rename it: ids become key suffixes and znode names");
  }

  @Test
  void nameNodesOfAnUnlistedNameservice() {
    assertThat(conf().hdfs("dfs.ha.namenodes.ns9", "a,b").problems()).containsExactly(
        "hdfs-site.xml:44: dfs.ha.namenodes.ns9: names nameservice 'ns9', which is not in dfs.nameservices (ns1). Fix:"
            + " add ns9 to dfs.nameservices, or remove dfs.ha.namenodes.ns9");
  }

  @Test
  void twoListenersOnOneAddress() {
    assertThat(conf().hdfs("dfs.namenode.http-address.ns1.nn2", "localhost:18020").problems()).containsExactly(
        "hdfs-site.xml:28: dfs.namenode.http-address.ns1.nn2: ns1.nn2 http-address localhost:18020 is also the ns1.nn1"
            + " rpc-address; two listeners cannot share one host:port. Fix: give ns1.nn2 http-address a port of its own");
  }

  @Test
  void defaultAdminPortFollowsEachNameNodesZkfcPort() {
    DeploymentConfig c = conf().yaml(null).load();
    assertThat(c.nameservices().get(0).namenodes()).extracting(NameNodeConfig::adminPort).containsExactly(18090, 18190);
  }

  @Test
  void oneAdminPortForTwoNameNodesOnOneHostCollides() {
    assertThat(conf().yaml("controller: { admin-port: 8090 }\n").problems()).containsExactly(
        "baton.yaml:1: controller.admin-port: ns1.nn2 admin port 127.0.0.1:8090 is also the ns1.nn1 admin port; two"
            + " listeners cannot share one host:port. Fix: give ns1.nn2 admin port a port of its own");
  }

  @Test
  void derivedAdminPortAbove65535IsAProblem() {
    assertThat(conf().yaml(null).hdfs("dfs.ha.zkfc.port.ns1.nn2", "65500").problems()).containsExactly(
        "controller.admin-port: would be dfs.ha.zkfc.port 65500 + 71 = 65571, above 65535. Fix: set admin-port for"
            + " this NameNode in baton.yaml, or controller.admin-port");
  }

  @Test
  void journalNodeCollidesWithANameNode() {
    assertThat(conf().hdfs("dfs.namenode.shared.edits.dir", "qjournal://127.0.0.1:19870/ns1").problems())
        .containsExactly("hdfs-site.xml:16: dfs.namenode.http-address.ns1.nn1: ns1.nn1 http-address 127.0.0.1:19870 is"
            + " also the journal node 127.0.0.1:19870; two listeners cannot share one host:port. Fix: give ns1.nn1"
            + " http-address a port of its own");
  }

  @Test
  void preferredActiveMustBeANameNode() {
    assertThat(conf().moreYaml("").yaml("""
        nameservices:
          ns1:
            preferred-active: nn3
            namenodes:
              nn1: { admin-port: 18090 }
              nn2: { admin-port: 18190 }
        """).problems()).containsExactly(
        "baton.yaml:3: nameservices.ns1.preferred-active: names 'nn3', which is not a NameNode of ns1 (nn1, nn2). Fix:"
            + " use one of: nn1, nn2");
  }

  @Test
  void automaticFailoverNeedsZooKeeper() {
    assertThat(conf().core("ha.zookeeper.quorum", null).problems()).containsExactly(
        "ha.zookeeper.quorum: is not set, but automatic failover of ns1 needs ZooKeeper. Fix: set ha.zookeeper.quorum"
            + " (or zookeeper.quorum in baton.yaml), or turn automatic failover off");
  }

  @Test
  void automaticFailoverNeedsFencingForEveryNameNode() {
    assertThat(conf().hdfs("dfs.ha.fencing.methods.ns1.nn2", "  # none  ").problems()).containsExactly(
        "hdfs-site.xml:44: dfs.ha.fencing.methods.ns1.nn2: no fencing method for ns1.nn2, but automatic failover is on."
            + " Fix: set dfs.ha.fencing.methods (or fencing.methods in baton.yaml), e.g. sshfence, then"
            + " journal (storage fencing that also works when the host is dead)");
  }

  @Test
  void withoutAutomaticFailoverNeitherIsRequired() {
    assertThat(conf().hdfs("dfs.ha.automatic-failover.enabled", "false").core("ha.zookeeper.quorum", null)
        .hdfs("dfs.ha.fencing.methods", null).problems()).isEmpty();
  }

  @Test
  void retryBackoffWithinItsCap() {
    assertThat(conf().moreYaml("failover: { retry-backoff: 20s }\n").problems()).containsExactly(
        "baton.yaml:6: failover.retry-backoff: retry back-off 20s is longer than its cap 10s. Fix: make"
            + " failover.retry-backoff at most failover.max-retry-backoff");
  }

  @Test
  void gracefulFenceShorterThanNewActive() {
    assertThat(conf().core("ha.failover-controller.new-active.rpc-timeout.ms", "5000").problems()).containsExactly(
        "ha.failover-controller.graceful-fence.rpc-timeout.ms: graceful-fence timeout 5s is not shorter than new-active"
            + " timeout 5s. Fix: make failover.graceful-fence-rpc-timeout shorter than failover.new-active-rpc-timeout");
  }

  @Test
  void sessionTimeoutAtLeastTwoSeconds() {
    assertThat(conf().moreYaml("zookeeper: { session-timeout: 1500ms }\n").problems()).containsExactly(
        "baton.yaml:6: zookeeper.session-timeout: session timeout 1500ms is below 2s. Fix: use 2s or more (ZooKeeper"
            + " servers refuse shorter sessions; Hadoop uses 10s)");
  }

  @Test
  void healthCheckFasterThanSessionTimeout() {
    assertThat(conf().moreYaml("zookeeper: { session-timeout: 3s }\nhealth-monitor: { check-interval: 3s }\n")
        .problems()).containsExactly(
        "baton.yaml:7: health-monitor.check-interval: health check interval 3s is not shorter than the ns1 ZooKeeper"
            + " session timeout 3s. Fix: make health-monitor.check-interval shorter than zookeeper.session-timeout");
  }

  @Test
  void sshConnectTimeoutShorterThanMethodTimeoutWhenSshfenceIsUsed() {
    ConfFixture f = conf().moreYaml("fencing: { ssh-connect-timeout: 50s }\n");
    assertThat(f.problems()).isEmpty(); // shell only: the ssh timeout does not matter
    assertThat(f.hdfs("dfs.ha.fencing.methods", "sshfence\nshell(/bin/true)").problems()).containsExactly(
        "baton.yaml:6: fencing.ssh-connect-timeout: ssh connect timeout 50s of ns1.nn1 is not shorter than its fencing"
            + " method timeout 45s. Fix: make fencing.ssh-connect-timeout shorter than fencing.method-timeout",
        "baton.yaml:6: fencing.ssh-connect-timeout: ssh connect timeout 50s of ns1.nn2 is not shorter than its fencing"
            + " method timeout 45s. Fix: make fencing.ssh-connect-timeout shorter than fencing.method-timeout");
  }

  @Test
  void methodTimeoutWithinDeadline() {
    assertThat(conf().yaml("""
        fencing: { method-timeout: 2m }
        nameservices:
          ns1:
            namenodes:
              nn1: { admin-port: 18090 }
              nn2: { admin-port: 18190, fencing: { deadline: 3m } }
        """).problems()).containsExactly(
        "baton.yaml:1: fencing.method-timeout: fencing method timeout 2m of ns1.nn1 is longer than its fencing deadline"
            + " 1m. Fix: make fencing.method-timeout at most fencing.deadline");
  }

  @Test
  void sshKeyFilesAreCarriedRelativeToTheConfFolder() {
    DeploymentConfig c = conf().hdfs("dfs.ha.fencing.ssh.private-key-files", "id_a, /keys/id_b").load();
    assertThat(c.nameservices().get(0).namenodes().get(0).fencing().sshPrivateKeyFiles())
        .containsExactly(dir.resolve("id_a"), Path.of("/keys/id_b"));
  }

  @Test
  void tlsNeedsKeystoreAndPassword() {
    assertThat(conf().moreYaml("controller:\n  tls: { keystore-type: JKS }\n").problems()).containsExactly(
        "baton.yaml:7: controller.tls.keystore: is not set, but controller.tls is. Fix: set controller.tls.keystore to a"
            + " keystore file, or remove controller.tls for plain HTTP",
        "baton.yaml:7: controller.tls.keystore-password: is not set, but controller.tls is. Fix: set"
            + " controller.tls.keystore-password");
  }

  @Test
  void tlsKeystoreMustBeReadable() throws Exception {
    Files.writeString(dir.resolve("admin.p12"), "x");
    DeploymentConfig c = conf().moreYaml("controller:\n  tls: { keystore: admin.p12, keystore-password: pw }\n")
        .load();
    ControllerConfig.TlsConfig tls = c.controller().tls().orElseThrow();
    assertThat(tls.keystore()).isEqualTo(dir.resolve("admin.p12"));
    assertThat(tls.keystorePassword().value()).isEqualTo("pw");
    assertThat(tls.keystoreType()).isEqualTo("PKCS12");
    assertThat(conf().moreYaml("controller:\n  tls: { keystore: nope.p12, keystore-password: pw }\n").problems())
        .containsExactly("baton.yaml:7: controller.tls.keystore: cannot read '" + dir.resolve("nope.p12")
            + "' (no such file); the admin API cannot serve HTTPS. Fix: create the file or fix the path");
  }
}
