package io.baton.chaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Proves the harness works end to end, not how fast anything is: two trials of the crash and graceful
 * scenarios for both controllers (real JVMs: ZooKeeper, journal, mock NameNodes, Baton's controller and
 * Hadoop's ZKFC), a short idle window, one haadmin timing, the report in markdown and JSON.
 * Every process is ended by PID when the run closes its worlds, also when a trial fails.
 */
class BenchHarnessTest {

  /** Kept after the run (under target/) so the logs of every process can be read when it fails. */
  private static final Path DIR = Path.of("target", "bench-harness-test").toAbsolutePath();

  @Test
  void shortRunMeasuresBothControllersAndWritesTheReport() throws Exception {
    Path dir = Files.createDirectories(DIR.resolve(Long.toString(System.currentTimeMillis())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = BenchMain.run(new String[] {"--trials", "2", "--scenarios", "crash,graceful", "--profiles", "tuned",
        "--idle", "2", "--haadmin-runs", "1", "--workdir", dir.resolve("work").toString(),
        "--out", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String console = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    // This test proves the harness, not the controllers' speed or liveness: a failed trial (exit 1) must be
    // recorded with its reason, but it does not fail the build; safety (the checker) still must be clean.
    assertThat(code).as("exit code; output:%n%s", console).isIn(0, 1);
    JsonNode report = new ObjectMapper().readTree(dir.resolve("bench-report.json").toFile());
    // 2 scenarios x 2 controllers x (1 warm-up + 2 timed trials); the warm-ups are flagged and left out of the rows
    assertThat(report.path("trials")).hasSize(12);
    assertThat(report.path("trials").findValues("warmup")).filteredOn(JsonNode::asBoolean).hasSize(4);
    for (JsonNode t : report.path("trials")) {
      if (t.path("millis").isNumber()) {
        assertThat(t.path("newActive").asText()).isNotEqualTo(t.path("oldActive").asText());
        // the new active's own transition comes before the first write it acknowledged (same machine clock)
        assertThat(t.path("activeMillis").asLong(-1)).as("%s", t).isBetween(0L, t.path("millis").asLong());
        if (t.path("scenario").asText().equals("crash")) { // the kill is seen on the bench's own connection first
          assertThat(t.path("exitMillis").asLong(-1)).as("%s", t).isBetween(0L, t.path("activeMillis").asLong());
        }
      } else {
        assertThat(t.path("error").asText()).as("a failed trial says why: %s", t).isNotBlank();
      }
    }
    assertThat(report.path("rows")).hasSize(4);
    for (JsonNode row : report.path("rows")) {
      assertThat(row.path("p99").asLong()).as("row %s", row).isPositive();
    }
    JsonNode bat = report.path("trials").findValues("phases").stream().filter(p -> p.has("promote")).findFirst()
        .orElse(null);
    assertThat(bat).as("Baton trials carry the timeline's phases").isNotNull();
    assertThat(report.path("steadyState").path("tuned")).hasSize(2);
    assertThat(report.path("safety")).allSatisfy(s -> assertThat(s.path("clean").asBoolean()).as("%s", s).isTrue());
    assertThat(report.path("safety")).hasSize(2);
    String md = Files.readString(dir.resolve("bench-report.md"));
    assertThat(md).contains("## Failover time (ms), profile `tuned`", "| crash | Baton | 2",
        "| crash | Hadoop ZKFC | 2", "| graceful | Baton | 2", "| graceful | Hadoop ZKFC | 2",
        "## Steady state", "| Hadoop HAAdmin | `java -cp <chaos classpath> HadoopHaAdminMain` | 1 |");
  }
}
