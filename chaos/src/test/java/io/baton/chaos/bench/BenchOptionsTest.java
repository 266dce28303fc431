package io.baton.chaos.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static final Path WORK = Path.of("work");

  @Test
  void defaultsAreTheIssuesFullRun() {
    BenchOptions o = BenchOptions.parse(new String[0], WORK);
    assertThat(o.trials()).isEqualTo(20);
    assertThat(o.scenarios()).containsExactly(Scenario.values());
    assertThat(o.controllers()).containsExactly(ControllerKind.BATON, ControllerKind.ZKFC);
    assertThat(o.profiles()).containsExactly("defaults", "tuned");
    assertThat(o.idle()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.workDir()).isEqualTo(WORK.toAbsolutePath());
    assertThat(o.outDir()).isEqualTo(WORK.toAbsolutePath());
  }

  @Test
  void listsAndNumbers() {
    BenchOptions o = BenchOptions.parse(new String[] {"--trials", "3", "--scenarios", "crash, Host-Loss",
        "--controllers", "zkfc", "--profiles", "tuned", "--idle", "0", "--out", "o"}, WORK);
    assertThat(o.trials()).isEqualTo(3);
    assertThat(o.scenarios()).containsExactly(Scenario.CRASH, Scenario.HOST_LOSS);
    assertThat(o.controllers()).containsExactly(ControllerKind.ZKFC);
    assertThat(o.profiles()).isEqualTo(List.of("tuned"));
    assertThat(o.idle()).isZero();
    assertThat(o.outDir()).isEqualTo(Path.of("o").toAbsolutePath());
  }

  @Test
  void badInputSaysWhatIsWrong() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--trials", "0"}, WORK))
        .hasMessage("--trials must be at least 1, got 0");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--trials", "many"}, WORK))
        .hasMessage("--trials needs a whole number, got 'many'");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenarios", "crash,meteor"}, WORK))
        .hasMessage("unknown scenario 'meteor'; use one of [crash, hang, unhealthy, host-loss, graceful, short-pause]");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--controllers", "etcd"}, WORK))
        .hasMessage("unknown controller 'etcd'; use baton or zkfc");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--profiles", "fastest"}, WORK))
        .hasMessage("unknown profile 'fastest'; use defaults or tuned");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--out"}, WORK)).hasMessage("--out needs a value");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"}, WORK))
        .hasMessage("unknown option '--fast'");
  }

  @Test
  void mainExitsTwoWithUsageOnBadInput() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = BenchMain.run(new String[] {"--trials", "-1"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(BenchMain.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("baton bench: --trials must be at least 1, got -1\nUsage: baton bench");
  }
}
