package io.baton.chaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.chaos.ChaosMain;
import io.baton.chaos.net.NetworkNamespaces;
import io.baton.worlds.mock.LocalCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The namespace mode ({@code --netns}) end to end, where it can run (root with {@code ip netns} and sshd; skipped
 * elsewhere): the kit runs in its own namespace, each NameNode host in another with its own sshd. The scenario
 * runs (about 1.5 minutes each) are in the full suite only ({@code -Dbaton.chaos.suite=full}); the cleanup check
 * takes seconds and runs in every suite.
 */
class NamespaceModeTest {
  private static final Path WORK = Path.of("target", "chaos-runs-netns");
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void namespacesAvailable() {
    assumeTrue(classPresent(LocalCluster.ZKFC_MAIN), "the controller is not on the classpath");
    io.baton.chaos.TestParts.requireNetns();
  }

  /** Output of the command, and what it returned. */
  private record Outcome(int exitCode, String out, String err) {}

  private static Outcome chaos(String... args) throws IOException {
    Files.createDirectories(WORK);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ChaosMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Our namespaces and routes to test subnets, to compare before and after a run. */
  private static List<String> netnsState() {
    String namespaces = NetworkNamespaces.run(List.of("ip", "netns", "list")).output();
    String routes = NetworkNamespaces.run(List.of("ip", "route", "show")).output();
    return Stream.concat(namespaces.lines(), routes.lines().filter(l -> l.contains("10.200."))).sorted().toList();
  }

  @Test
  void aFailingRunLeavesNoNamespaceRouteOrProcessBehind() throws Exception {
    List<String> before = netnsState();
    Outcome o = chaos("run", "--netns", "--scenario", "no-such-scenario", "--work", WORK.toAbsolutePath().toString());
    assertThat(o.out()).as("the namespaces were made").contains("namespaces: [ctl, zk, jn, cl, nn1, nn2] on 10.200.");
    assertThat(o.exitCode()).as("the kit inside refused the scenario name").isEqualTo(ChaosMain.USAGE);
    assertThat(netnsState()).as("namespaces and the guard route are gone").isEqualTo(before);
  }

  @Test
  void killNameNodeFailsOverWithSshfenceAcrossTheNetwork() throws Exception {
    assumeTrue(ChaosScenariosTest.FULL, "namespace scenario runs are in the full suite");
    JsonNode report = passes("kill-namenode");
    assertThat(report.toString()).as("the new active fenced the old one over ssh").contains("by sshfence");
  }

  @Test
  void theZombieIsFencedInNamespaceMode() throws Exception {
    assumeTrue(ChaosScenariosTest.FULL, "namespace scenario runs are in the full suite");
    passes("zombie");
  }

  private static JsonNode passes(String scenario) throws Exception {
    List<String> before = netnsState();
    Outcome o = chaos("run", "--netns", "--scenario", scenario, "--work", WORK.toAbsolutePath().toString());
    assertThat(netnsState()).as("cleaned up").isEqualTo(before);
    JsonNode report = latestReport(scenario);
    assertThat(report.path("mode").asText()).isEqualTo("namespaces");
    assertThat(o.exitCode()).as(report.path("verdict").asText() + "\n" + o.err()).isEqualTo(ChaosMain.OK);
    return report;
  }

  private static JsonNode latestReport(String scenario) throws IOException {
    try (Stream<Path> runs = Files.list(WORK)) {
      Path dir = runs.filter(p -> p.getFileName().toString().startsWith(scenario + "-"))
          .filter(p -> Files.exists(p.resolve("report.json")))
          .max(java.util.Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
      return JSON.readTree(dir.resolve("report.json").toFile());
    }
  }

  private static boolean classPresent(String name) {
    try {
      Class.forName(name, false, NamespaceModeTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
