package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hadoop keys with values of the wrong type; lines are those of the fixture's generated XML. */
class XmlValuesTest {
  @TempDir Path dir;

  @Test
  void millisMustBeANumber() {
    assertThat(ConfFixture.valid(dir).hdfs("ha.health-monitor.rpc-timeout.ms", "45s").problems()).containsExactly(
        "hdfs-site.xml:44: ha.health-monitor.rpc-timeout.ms: '45s' is not a whole number of milliseconds. Fix: write"
            + " milliseconds as digits only, e.g. 45000");
  }

  @Test
  void negativeMillis() {
    assertThat(ConfFixture.valid(dir).core("ha.zookeeper.session-timeout.ms", "-1").problems()).containsExactly(
        "core-site.xml:8: ha.zookeeper.session-timeout.ms: must be positive, got -1. Fix: use a duration above zero,"
            + " such as 10s");
  }

  @Test
  void booleanMustBeTrueOrFalse() {
    assertThat(ConfFixture.valid(dir).hdfs("dfs.ha.automatic-failover.enabled", "yes").problems()).containsExactly(
        "hdfs-site.xml:36: dfs.ha.automatic-failover.enabled: 'yes' is not a boolean. Fix: write true or false");
  }

  @Test
  void portOutOfRange() {
    assertThat(ConfFixture.valid(dir).hdfs("dfs.ha.zkfc.port.ns1.nn1", "70000").problems()).containsExactly(
        "hdfs-site.xml:20: dfs.ha.zkfc.port.ns1.nn1: 70000 is outside 1-65535. Fix: use a number from 1 to 65535");
  }

  @Test
  void addressThatDoesNotParse() {
    assertThat(ConfFixture.valid(dir).hdfs("dfs.namenode.rpc-address.ns1.nn2", "127.0.0.1:http").problems())
        .containsExactly("hdfs-site.xml:24: dfs.namenode.rpc-address.ns1.nn2: '127.0.0.1:http' has port 'http', which"
            + " is not a number. Fix: write host:port with a port from 1 to 65535");
  }

  @Test
  void addressWithPortZero() {
    assertThat(ConfFixture.valid(dir).hdfs("dfs.namenode.http-address.ns1.nn2", "127.0.0.1:0").problems())
        .containsExactly("hdfs-site.xml:28: dfs.namenode.http-address.ns1.nn2: '127.0.0.1:0' has port 0, which peers"
            + " cannot connect to. Fix: write host:port with a port from 1 to 65535");
  }

  @Test
  void missingRpcAddress() {
    assertThat(ConfFixture.valid(dir).hdfs("dfs.namenode.rpc-address.ns1.nn2", null).problems()).containsExactly(
        "dfs.namenode.rpc-address.ns1.nn2: is not set. Fix: set it to host:port in hdfs-site.xml, or"
            + " nameservices.ns1.namenodes.nn2.rpc-address in baton.yaml");
  }

  @Test
  void sharedEditsMustBeQjournalOrFile() {
    ConfFixture f = ConfFixture.valid(dir);
    String fix = ". Fix: write qjournal://host:port;host:port/journalId, or file:///path/to/shared/dir";
    assertThat(f.hdfs("dfs.namenode.shared.edits.dir", "hdfs://nn/edits").problems()).containsExactly(
        "hdfs-site.xml:44: dfs.namenode.shared.edits.dir: 'hdfs://nn/edits' is neither a qjournal:// URI (quorum"
            + " journal) nor a file:// URI (a shared directory such as NFS)" + fix);
    assertThat(f.hdfs("dfs.namenode.shared.edits.dir", "file:relative").problems()).containsExactly(
        "hdfs-site.xml:44: dfs.namenode.shared.edits.dir: 'file:relative' names no absolute directory" + fix);
    assertThat(f.hdfs("dfs.namenode.shared.edits.dir", "qjournal://a:1;b:x/ns1").problems()).containsExactly(
        "hdfs-site.xml:44: dfs.namenode.shared.edits.dir: 'qjournal://a:1;b:x/ns1': journal node 'b:x' has port 'x',"
            + " which is not a number" + fix);
    assertThat(f.hdfs("dfs.namenode.shared.edits.dir", "qjournal://a:1;b:2").problems()).containsExactly(
        "hdfs-site.xml:44: dfs.namenode.shared.edits.dir: 'qjournal://a:1;b:2' has no journal id after the hosts" + fix);
  }

  @Test
  void sharedEditsParsesWithDefaultPort() {
    DeploymentConfig c = ConfFixture.valid(dir)
        .hdfs("dfs.namenode.shared.edits.dir.ns1", "qjournal://127.0.0.1:18485;127.0.0.2/ns1").load();
    SharedEditsConfig se = c.nameservices().get(0).quorumJournal().orElseThrow();
    assertThat(se.journalNodes()).containsExactly(new HostPort("127.0.0.1", 18485), new HostPort("127.0.0.2", 8485));
    assertThat(se.journalId()).isEqualTo("ns1");
  }

  @Test
  void badZooKeeperQuorum() {
    assertThat(ConfFixture.valid(dir).core("ha.zookeeper.quorum", "zk1:2181,zk2:99999").problems()).containsExactly(
        "core-site.xml:4: ha.zookeeper.quorum: server 'zk2:99999' has port 99999, outside 0-65535. Fix: write"
            + " host:port,host:port (port defaults to 2181)");
  }

  @Test
  void zooKeeperPerNameNodeIsRefused() {
    assertThat(ConfFixture.valid(dir).core("ha.zookeeper.quorum.ns1.nn2", "127.0.0.3:2181").problems())
        .containsExactly("core-site.xml:8: ha.zookeeper.quorum.ns1.nn2: sets ZooKeeper for one NameNode; every"
            + " controller of a nameservice must use the same ZooKeeper settings. Fix: use ha.zookeeper.quorum.ns1"
            + " instead");
  }

  @Test
  void parentZnodeMustBeAbsolute() {
    assertThat(ConfFixture.valid(dir).core("ha.zookeeper.parent-znode", "hadoop-ha/").problems()).containsExactly(
        "core-site.xml:8: ha.zookeeper.parent-znode: 'hadoop-ha/' is not an absolute znode path. Fix: write a path"
            + " such as /hadoop-ha (leading '/', no trailing '/')");
  }
}
