package io.baton.chaos.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, end to end: {@code bin/baton demo --once} from the build output (the upstream
 * modules are packaged before this module's tests run) must fail over and report a clean verdict.
 */
class DemoCommandTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  void demoFailsOverAndTheCheckerFindsNoViolation(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("demo.out");
    Process demo = new ProcessBuilder("bash", ROOT.resolve("bin/baton").toString(), "demo", "--once",
        "--workdir", dir.resolve("work").toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      boolean finished = demo.waitFor(6, TimeUnit.MINUTES);
      String text = Files.readString(output);
      assertThat(finished).as("demo finished within 6 minutes; output so far:%n%s", text).isTrue();
      assertThat(demo.exitValue()).as("demo exit code; output:%n%s", text).isZero();
      assertThat(text)
          .contains("==> killing the active NameNode nn1 (kill -9)")
          .containsPattern("nn2 became active \\d+ ms after nn1 was killed")
          .contains("PROMOTION by nn2, SUCCEEDED")
          .contains("VERDICT: no lost acknowledged write, no split brain");
    } finally {
      stop(demo);
    }
  }

  /** SIGTERM first so the demo's shutdown hook ends the processes it started, then SIGKILL. */
  private static void stop(Process demo) throws InterruptedException, IOException {
    if (demo.isAlive()) {
      demo.destroy();
      if (!demo.waitFor(30, TimeUnit.SECONDS)) {
        demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
