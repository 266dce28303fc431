package io.baton.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.chaos.schedule.ScenarioCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChaosMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ChaosMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void listShowsEveryScenarioAndTheNegativeControl() {
    assertThat(run("list")).isEqualTo(ChaosMain.OK);
    String text = out.toString(StandardCharsets.UTF_8);
    ScenarioCatalog.all().forEach(s -> assertThat(text).contains(s.name()));
    assertThat(text).contains("bin/baton chaos run --scenario zombie --unsafe-no-fencing");
  }

  @Test
  void usageErrorsExit2WithTheUsage() {
    assertThat(run("run")).isEqualTo(ChaosMain.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("baton chaos: run needs exactly one of --scenario NAME, --random --seed N or --all")
        .contains("usage: baton chaos");
  }

  @Test
  void anUnknownScenarioListsTheKnownOnes() {
    assertThat(run("run", "--scenario", "meteor")).isEqualTo(ChaosMain.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).trim()).isEqualTo("baton chaos: unknown scenario 'meteor'; "
        + "known: " + ScenarioCatalog.names());
  }
}
