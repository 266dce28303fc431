package io.baton.controller.haadmin;

import static io.baton.controller.haadmin.TestDeployment.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.baton.config.ConfigException;
import io.baton.config.ConfigProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misuse of the command line and the configuration: exact messages and exit codes, no stack traces. */
class CommandLineTest {
  private final Cli cli = new Cli(new TestDeployment().nameservice("ns1", false, node("nn1", 1, 1, 1),
      node("nn2", 2, 2, 2)).build(), new RecordingFencer());

  private static String fullUsage() {
    return String.join("\n", Usage.full()) + "\n";
  }

  @Test
  void noCommandPrintsTheUsage() {
    assertThat(cli.run()).isEqualTo(new Cli.Result(2, "", "No command given\n" + fullUsage()));
  }

  @Test
  void usageListsHadoopsCommandsInHadoopsFormat() {
    assertThat(Usage.full()).startsWith("Usage: haadmin [-ns <nameserviceId>]",
        "    [-checkFencing [--from-controllers] <serviceId>]",
        "    [-checkHealth <serviceId>]",
        "    [-explain [<nameserviceId>]]",
        "    [-failover [--forcefence] [--forceactive] <serviceId> <serviceId>]",
        "    [-getAllServiceState]",
        "    [-getServiceState <serviceId>]",
        "    [-help <command>]");
    assertThat(Usage.full()).contains("    [-transitionToActive [--forceactive] <serviceId>]",
        "    [-transitionToObserver <serviceId>]", "    [-transitionToStandby <serviceId>]");
  }

  @Test
  void unknownAndMalformedCommands() {
    assertThat(cli.run("-frobnicate")).isEqualTo(new Cli.Result(2, "", "frobnicate: Unknown command\n" + fullUsage()));
    assertThat(cli.run("getServiceState", "nn1")).isEqualTo(new Cli.Result(2, "",
        "Bad command 'getServiceState': expected command starting with '-'\n" + fullUsage()));
  }

  @Test
  void helpGoesToStdoutLikeHadoop() {
    assertThat(cli.run("-help", "getServiceState")).isEqualTo(new Cli.Result(0,
        "-getServiceState [<serviceId>]: Returns the state of the service\n", ""));
    assertThat(cli.run("-help", "-getAllServiceState").out()).isEqualTo(
        "-getAllServiceState: Returns the state of all the services\n");
    assertThat(cli.run("-help")).isEqualTo(new Cli.Result(0, fullUsage(), ""));
    assertThat(cli.run("-help", "nope")).isEqualTo(new Cli.Result(2, "", "-nope: Unknown command\n" + fullUsage()));
    assertThat(cli.runRaw(Map.of(), "--help").code()).isZero();
  }

  @Test
  void missingConfiguration() {
    assertThat(cli.runRaw(Map.of(), "-getServiceState", "nn1")).isEqualTo(new Cli.Result(3, "",
        "No configuration folder: pass --conf <dir> or set HADOOP_CONF_DIR\n"));
    assertThat(cli.runRaw(Map.of(), "--conf", "/nonexistent/baton-conf", "-getServiceState", "nn1"))
        .isEqualTo(new Cli.Result(3, "", "Configuration folder /nonexistent/baton-conf does not exist or is not a "
            + "folder; pass --conf <dir> with core-site.xml and hdfs-site.xml\n"));
    assertThat(cli.runRaw(Map.of("HADOOP_CONF_DIR", "/nonexistent/hadoop-conf"), "-getServiceState", "nn1").err())
        .startsWith("Configuration folder /nonexistent/hadoop-conf does not exist");
  }

  @Test
  void invalidConfigurationListsEveryProblem(@TempDir Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ConfigSource broken = d -> {
      throw new ConfigException(List.of(ConfigProblem.of("dfs.ha.namenodes.ns1", "lists one NameNode", "list two"),
          ConfigProblem.at("zookeeper.session-timeout", "baton.yaml:3", "must be positive, got -1s", "")));
    };
    int code = new HaAdmin(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Map.of(), broken,
        new RecordingFencer()).run("--conf", dir.toString(), "-getServiceState", "nn1");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Invalid configuration in " + dir + ": 2 "
        + "configuration problems\n  - dfs.ha.namenodes.ns1: lists one NameNode. Fix: list two\n"
        + "  - baton.yaml:3: zookeeper.session-timeout: must be positive, got -1s\n");
  }

  @Test
  void realLoaderReportsABrokenFolder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("hdfs-site.xml"), "<configuration><property><name>dfs.nameservices</name>");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new HaAdmin(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Map.of(),
        Wiring.configSource(), new RecordingFencer()).run("--conf", dir.toString(), "-getAllServiceState");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Invalid configuration in " + dir + ": ")
        .contains("hdfs-site.xml").doesNotContain("\tat ");
  }

  @Test
  void badGlobalOptions() {
    assertThat(cli.run("--timeout", "5", "-getServiceState", "nn1")).isEqualTo(new Cli.Result(2, "",
        "--timeout '5' is not a duration; write a number with a unit: 500ms, 20s, 5m, 2h or 1d\n" + fullUsage()));
    assertThat(cli.run("-getServiceState", "nn1", "-ns")).isEqualTo(new Cli.Result(2, "",
        "-ns needs a value: -ns <nameserviceId>\n" + fullUsage()));
    assertThat(cli.run("-D", "novalue", "-getServiceState", "nn1").err()).startsWith(
        "-D 'novalue' is not key=value; write -D ipc.client.connect.timeout=5000\n");
  }

  @Test
  void aWronglyTypedOverrideIsAUsageErrorNamingTheKeyAndType() {
    Cli.Result number = cli.run("-D", "ipc.client.connect.timeout=abc", "-getServiceState", "nn1");
    assertThat(number.code()).isEqualTo(2);
    assertThat(number.err()).startsWith("-D ipc.client.connect.timeout=abc: ipc.client.connect.timeout takes a whole"
        + " number (Hadoop's default is 20000)\n").doesNotContain("NumberFormatException");
    assertThat(cli.run("-Dipc.client.tcpnodelay=maybe", "-getServiceState", "nn1").err()).startsWith(
        "-D ipc.client.tcpnodelay=maybe: ipc.client.tcpnodelay takes true or false (Hadoop's default is true)\n");
    // negative controls: well-typed values and keys Hadoop has no default for pass the parser
    assertThat(OverrideTypes.mismatch("ipc.client.connect.timeout", "5000")).isEmpty();
    assertThat(OverrideTypes.mismatch("ipc.client.tcpnodelay", "FALSE")).isEmpty();
    assertThat(OverrideTypes.mismatch("no.such.key", "abc")).isEmpty();
  }

  @Test
  void severalNameservicesNeedNs() {
    Cli two = new Cli(new TestDeployment().nameservice("ns1", false, node("nn1", 1, 1, 1), node("nn2", 2, 2, 2))
        .nameservice("ns2", false, node("nn3", 3, 3, 3), node("nn4", 4, 4, 4)).build(), new RecordingFencer());
    assertThat(two.run("-getServiceState", "nn3")).isEqualTo(new Cli.Result(2, "",
        "Several nameservices are configured (ns1, ns2); choose one with -ns <nameserviceId>\n" + fullUsage()));
    assertThat(two.run("-ns", "ns1", "-getServiceState", "nn3")).isEqualTo(new Cli.Result(4, "",
        "Unknown NameNode id 'nn3' in nameservice ns1; valid ids: nn1, nn2\n"));
  }

  @Test
  void errorsAsJson() {
    Cli.Result r = cli.run("--json", "-getServiceState", "nn9");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.out()).isEqualTo("{\n  \"command\" : \"-getServiceState\",\n  \"exitCode\" : 4,\n"
        + "  \"status\" : \"UNKNOWN_ID\",\n  \"error\" : {\n    \"message\" : \"Unknown NameNode id 'nn9' in "
        + "nameservice ns1; valid ids: nn1, nn2\"\n  }\n}\n");
    Cli.Result usage = cli.run("--json", "-getServiceState");
    assertThat(usage.out()).contains("\"status\" : \"USAGE\"",
        "\"usage\" : \"Usage: haadmin [-ns <nameserviceId>] [-getServiceState <serviceId>]\"");
    assertThat(usage.err()).isEqualTo("getServiceState: incorrect number of arguments\n");
  }

  @Test
  void exitCodesAreDistinct() {
    assertThat(java.util.Arrays.stream(ExitCode.values()).map(ExitCode::code).distinct().count())
        .isEqualTo(ExitCode.values().length);
  }
}
