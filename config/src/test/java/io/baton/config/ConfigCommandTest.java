package io.baton.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton config}: output and exit codes on the shipped examples. */
class ConfigCommandTest {
  static final String CONF = ExamplesTest.EXAMPLES.resolve("conf").toString();
  static final String BROKEN = ExamplesTest.EXAMPLES.resolve("broken-conf").toString();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return ConfigCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validExampleExitsZeroAndPrintsTheTree() {
    assertThat(run("--conf", CONF, "--id", "nn1")).isZero();
    assertThat(out()).contains("local NameNode: ns1.nn1\n")
        .contains("nameservice ns1:\n"
            + "  automatic-failover: true                      # hdfs-site.xml:40"
            + " dfs.ha.automatic-failover.enabled.ns1\n"
            + "  preferred-active: nn1                         # baton.yaml:5\n")
        .contains("    quorum: 127.0.0.1:12181                     # core-site.xml:9 ha.zookeeper.quorum\n")
        .contains("    acl: world:anyone:rwcda                     # default\n")
        .contains("  namenode nn2:\n"
            + "    rpc-address: 127.0.0.1:18120                # hdfs-site.xml:27 dfs.namenode.rpc-address.ns1.nn2\n")
        .contains("      methods: sshfence(root:22) | journal      # hdfs-site.xml:45 dfs.ha.fencing.methods\n")
        .contains("    admin-port: 18190                           # baton.yaml:8\n")
        .endsWith("Configuration is valid.\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void confDefaultsToHadoopConfDir() {
    assertThat(run(Map.of("HADOOP_CONF_DIR", CONF), "--ns", "ns1", "--id", "nn2")).isZero();
    assertThat(out()).contains("local NameNode: ns1.nn2\n");
  }

  @Test
  void brokenExampleExitsOneAndListsEveryProblem() {
    assertThat(run("--conf", BROKEN)).isEqualTo(1);
    String text = out();
    assertThat(text).contains("13 problems:\n")
        .contains("  - baton.yaml:10: zookeper: unknown key (did you mean 'zookeeper'?)")
        .contains("  - core-site.xml:5: ha.zookeeper.session-timeout.ms: '10s' is not a whole number of milliseconds.")
        .contains("  - baton.yaml:13: health-monitor.check-interval: '5' has no unit.")
        .contains("  - baton.yaml:15: failover.retry-backoff: must be positive, got -1s.")
        .contains("  - hdfs-site.xml:19: dfs.namenode.rpc-address.ns1.nn1: '127.0.0.1:98020' has port 98020, outside"
            + " 0-65535.")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(err()).isEmpty();
  }

  @Test
  void jsonFormMasksSecrets(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("admin.p12"), "x");
    ConfFixture.valid(dir).core("ha.zookeeper.auth", "digest:u:topsecret")
        .moreYaml("controller: { tls: { keystore: admin.p12, keystore-password: hunter2 } }\n").write();
    assertThat(run("--conf", dir.toString(), "--json")).isZero();
    assertThat(out()).doesNotContain("topsecret").doesNotContain("hunter2");
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.at("/nameservices/0/zookeeper/auth").asText()).isEqualTo("********");
    assertThat(json.at("/controller/tls/keystorePassword").asText()).isEqualTo("********");
    assertThat(json.at("/hadoopProperties/ha.zookeeper.auth").asText()).isEqualTo("********");
    assertThat(json.at("/nameservices/0/namenodes/1/fencing/methods/0").asText()).isEqualTo("shell(/bin/true)");
    assertThat(json.get("problems")).isEmpty();
  }

  @Test
  void jsonFormListsProblems() throws Exception {
    assertThat(run("--conf", BROKEN, "--json")).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("problems")).hasSize(13);
    JsonNode first = json.get("problems").get(0);
    assertThat(first.get("key").asText()).isEqualTo("zookeper");
    assertThat(first.get("location").asText()).isEqualTo("baton.yaml:10");
    assertThat(first.get("message").asText()).isEqualTo("unknown key (did you mean 'zookeeper'?)");
  }

  @Test
  void textFormNeverPrintsSecrets(@TempDir Path dir) {
    ConfFixture.valid(dir).moreYaml("zookeeper: { auth: \"digest:u:topsecret\" }\n").write();
    assertThat(run("--conf", dir.toString())).isZero();
    assertThat(out()).contains("    auth: ********                              # baton.yaml:6\n")
        .doesNotContain("topsecret");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).startsWith("baton config: no configuration folder: pass --conf DIR or set HADOOP_CONF_DIR\n"
        + "Usage: baton config [--conf DIR] [--ns NS] [--id NN] [--json]\n");
    err.reset();
    assertThat(run("--conf")).isEqualTo(2);
    assertThat(err()).startsWith("baton config: --conf needs a value\n");
    err.reset();
    assertThat(run("--conf", CONF, "--verbose")).isEqualTo(2);
    assertThat(err()).startsWith("baton config: unknown argument '--verbose'\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void missingFolderIsInvalidNotUsage(@TempDir Path dir) {
    assertThat(run("--conf", dir.resolve("nope").toString())).isEqualTo(1);
    assertThat(out()).isEqualTo("1 problem:\n  - --conf: '" + dir.resolve("nope") + "' is not a folder. Fix: pass"
        + " --conf <folder> (or set HADOOP_CONF_DIR) with hdfs-site.xml and/or baton.yaml\n");
  }

  @Test
  void helpExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out()).startsWith("Usage: baton config");
  }
}
