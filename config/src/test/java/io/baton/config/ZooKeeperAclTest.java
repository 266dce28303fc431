package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ha.zookeeper.acl and ha.zookeeper.auth are checked at load with Hadoop's own parser (issue 18, item 5). */
class ZooKeeperAclTest {
  @TempDir Path dir;

  @Test
  void aBadAclIsALoadErrorNamingTheKey() {
    assertThat(ConfFixture.valid(dir).core("ha.zookeeper.acl", "nonsense").problems()).containsExactly(
        "core-site.xml:8: ha.zookeeper.acl: ACL 'nonsense' not of expected form scheme:id:perm. Fix: write"
            + " scheme:id:perms,... with perms from r, w, c, d, a, e.g. world:anyone:rwcda or sasl:hdfs:rwcda (or"
            + " @/path/to/file holding that)");
  }

  @Test
  void aBadAclInAFileIsALoadErrorToo() throws Exception {
    Files.writeString(dir.resolve("zk-acl"), "world:anyone:xyz\n");
    assertThat(ConfFixture.valid(dir).core("ha.zookeeper.acl", "@zk-acl").problems())
        .singleElement().asString().startsWith("core-site.xml:8: ha.zookeeper.acl: ").contains("xyz");
  }

  @Test
  void aBadAuthIsALoadErrorThatDoesNotPrintTheSecret() {
    assertThat(ConfFixture.valid(dir).core("ha.zookeeper.auth", "hunter2").problems()).containsExactly(
        "core-site.xml:8: ha.zookeeper.auth: is not of the form scheme:auth[,scheme:auth...] (value not shown: it is a"
            + " secret). Fix: write e.g. digest:hdfs-zkfcs:mypassword (or @/path/to/file holding that)");
  }

  @Test
  void goodValuesPass() {
    // negative control: the same checks accept what Hadoop accepts
    assertThat(ConfFixture.valid(dir).core("ha.zookeeper.acl", "sasl:hdfs:rwcda,world:anyone:r")
        .core("ha.zookeeper.auth", "digest:hdfs-zkfcs:pw").problems()).isEmpty();
  }
}
