package io.baton.chaos.verdict;

import io.baton.controller.local.LocalCluster;
import io.baton.controller.local.ModuleClasspath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs mock-namenode's checker ({@code baton check --history F... --journal DIR --json}) as a process, the same
 * command an operator runs, with a timeout; the process is ended by PID if it does not finish.
 */
public final class Checker {
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Checker() {}

  public static CheckerVerdict check(List<Path> histories, Path journalDir, Path workDir) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", ModuleClasspath.of("mock-namenode"),
        LocalCluster.CHECK_MAIN));
    for (Path h : histories) {
      cmd.add("--history");
      cmd.add(h.toString());
    }
    cmd.addAll(List.of("--journal", journalDir.toString(), "--json"));
    Path out = workDir.resolve("check.json");
    Path err = workDir.resolve("check.err");
    Process p = null;
    try {
      p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        return new CheckerVerdict(-1, List.of(), "", "baton check did not finish within " + TIMEOUT.toSeconds()
            + " s");
      }
      return CheckerVerdict.of(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new CheckerVerdict(-1, List.of(), "", "cannot run baton check: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CheckerVerdict(-1, List.of(), "", "interrupted while running baton check");
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }
}
