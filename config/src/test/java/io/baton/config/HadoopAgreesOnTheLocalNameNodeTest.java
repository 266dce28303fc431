package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DFSUtil;
import org.apache.hadoop.hdfs.HAUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hadoop's ZKFC finds its NameNode with DFSUtil.getNamenodeNameServiceId and HAUtil.getNameNodeId; on the same
 * folder Baton must pick the same one, or find none exactly when Hadoop refuses.
 */
class HadoopAgreesOnTheLocalNameNodeTest {
  /** TEST-NET-3 documentation addresses: on no interface of a test machine (checked before use). */
  static final String NOT_LOCAL = "203.0.113.1";
  static final String NOT_LOCAL_2 = "203.0.113.2";

  @TempDir Path dir;

  @BeforeAll
  static void testNetAddressesAreNotLocalHere() {
    assumeFalse(LocalAddresses.SYSTEM.isLocal(NOT_LOCAL) || LocalAddresses.SYSTEM.isLocal(NOT_LOCAL_2),
        "203.0.113.1/2 are addresses of this machine");
  }

  /** What Hadoop's ZKFC would serve on this machine, or empty where it refuses to start. */
  private static Optional<LocalNameNode> hadoopsChoice(Path folder) {
    Configuration conf = new Configuration(false);
    conf.addResource(new org.apache.hadoop.fs.Path(folder.resolve("core-site.xml").toUri()));
    conf.addResource(new org.apache.hadoop.fs.Path(folder.resolve("hdfs-site.xml").toUri()));
    try {
      String ns = DFSUtil.getNamenodeNameServiceId(conf);
      String nn = HAUtil.getNameNodeId(conf, ns); // null: none matched, and the ZKFC refuses to start
      return nn == null ? Optional.empty() : Optional.of(new LocalNameNode(ns, nn));
    } catch (RuntimeException e) { // HadoopIllegalArgumentException: none or several match
      return Optional.empty();
    }
  }

  private static Optional<LocalNameNode> batonsChoice(Path folder) {
    return ConfigLoader.inspect(folder, LoadOptions.none()).config().orElseThrow().local();
  }

  private static void agree(Path folder, Optional<LocalNameNode> expected) {
    assertThat(hadoopsChoice(folder)).as("Hadoop on " + folder).isEqualTo(expected);
    assertThat(batonsChoice(folder)).as("Baton on " + folder).isEqualTo(expected);
  }

  @Test
  void onTheExampleFolders() {
    Path h = HadoopConfExamplesTest.HADOOP_CONF;
    agree(h.resolve("nfs-pair"), Optional.of(new LocalNameNode("ns1", "nn1")));
    agree(h.resolve("one-host/nn2"), Optional.of(new LocalNameNode("ns1", "nn2")));
    agree(h.resolve("observer/nn3"), Optional.of(new LocalNameNode("ns1", "nn3")));
  }

  private Path fixture(String nn1Host, String nn2Host) {
    ConfFixture f = ConfFixture.valid(dir).yaml(null)
        .hdfs("dfs.namenode.rpc-address.ns1.nn1", nn1Host + ":18020")
        .hdfs("dfs.namenode.http-address.ns1.nn1", nn1Host + ":19870")
        .hdfs("dfs.namenode.rpc-address.ns1.nn2", nn2Host + ":18120")
        .hdfs("dfs.namenode.http-address.ns1.nn2", nn2Host + ":19970");
    f.write();
    return dir;
  }

  @Test
  void byAddressWhenOnlyOneIsLocal() {
    agree(fixture(NOT_LOCAL, "127.0.0.1"), Optional.of(new LocalNameNode("ns1", "nn2")));
  }

  @Test
  void aWildcardRpcAddressCountsAsLocal() {
    agree(fixture("0.0.0.0", NOT_LOCAL), Optional.of(new LocalNameNode("ns1", "nn1")));
  }

  @Test
  void noneWhenBothOrNeitherAreLocal() {
    agree(fixture("127.0.0.1", "localhost"), Optional.empty());
    agree(fixture(NOT_LOCAL, NOT_LOCAL_2), Optional.empty());
  }

  @Test
  void theIdKeyWinsOverAddresses() {
    fixture("127.0.0.1", NOT_LOCAL);
    ConfFixture.valid(dir).yaml(null).hdfs("dfs.ha.namenode.id", "nn2").write();
    agree(dir, Optional.of(new LocalNameNode("ns1", "nn2")));
  }
}
