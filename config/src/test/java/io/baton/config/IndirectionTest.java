package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hadoop's {@code @/path/file} indirection for ha.zookeeper.acl and ha.zookeeper.auth. */
class IndirectionTest {
  @TempDir Path dir;

  @Test
  void aclAndAuthAreReadFromFilesAndTrimmed() throws Exception {
    Path secrets = Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(secrets.resolve("zk-acl"), "  digest:baton:abc=:rwcda\n");
    Files.writeString(secrets.resolve("zk-auth"), "digest:baton:secret\n");
    DeploymentConfig c = ConfFixture.valid(dir.resolve("conf"))
        .core("ha.zookeeper.acl", "@" + secrets.resolve("zk-acl"))
        .core("ha.zookeeper.auth.ns1", "@" + secrets.resolve("zk-auth"))
        .load();
    ZooKeeperConfig zk = c.nameservices().get(0).zookeeper();
    assertThat(zk.acl()).isEqualTo("digest:baton:abc=:rwcda");
    assertThat(zk.auth().orElseThrow().value()).isEqualTo("digest:baton:secret");
    assertThat(zk.auth().orElseThrow()).hasToString("********");
  }

  @Test
  void relativePathsAreRelativeToTheConfFolder() throws Exception {
    ConfFixture f = ConfFixture.valid(dir).moreYaml("zookeeper: { auth: \"@zk-auth\" }\n");
    Files.writeString(dir.resolve("zk-auth"), "digest:a:b");
    assertThat(f.load().nameservices().get(0).zookeeper().auth().orElseThrow().value()).isEqualTo("digest:a:b");
  }

  @Test
  void unreadableFileNamesTheFile() {
    Path missing = dir.resolve("no-such-auth");
    assertThat(ConfFixture.valid(dir).core("ha.zookeeper.auth", "@" + missing).problems()).containsExactly(
        "core-site.xml:8: ha.zookeeper.auth: cannot read '" + missing + "' (no such file); the value comes from that"
            + " file. Fix: create the file or fix the path");
  }

  @Test
  void inlineValuesStayAsWritten() {
    DeploymentConfig c = ConfFixture.valid(dir).core("ha.zookeeper.acl", "sasl:nn:rwcda").load();
    assertThat(c.nameservices().get(0).zookeeper().acl()).isEqualTo("sasl:nn:rwcda");
    assertThat(c.nameservices().get(0).zookeeper().auth()).isEmpty();
  }
}
