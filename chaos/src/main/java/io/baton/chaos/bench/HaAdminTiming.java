package io.baton.chaos.bench;

import io.baton.controller.local.ChildProcess;
import io.baton.controller.local.ModuleClasspath;
import io.baton.controller.local.ProcessKit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wall time of {@code haadmin -getServiceState nn1} as a user sees it (a fresh JVM, same JVM flags), for
 * Baton's haadmin and for Hadoop's HAAdmin, against the same NameNode.
 */
final class HaAdminTiming {
  static final String BATON_HAADMIN = "io.baton.controller.haadmin.HaAdminMain";

  private HaAdminTiming() {}

  /** Median wall time of the runs of one tool, or why there is none. */
  record Result(String tool, Optional<Percentiles> millis, Optional<String> error) {}

  static List<Result> measure(ProcessKit kit, Path confDir, String nnId, int runs) {
    List<Result> results = new ArrayList<>();
    String batonClasspath = ModuleClasspath.of("failover-controller");
    results.add(available(batonClasspath, BATON_HAADMIN)
        ? time(kit, "haadmin-baton", batonClasspath, BATON_HAADMIN, confDir, nnId, runs)
        : new Result("baton haadmin", Optional.empty(), Optional.of(BATON_HAADMIN + " is not built in this tree")));
    results.add(time(kit, "haadmin-hadoop", ModuleClasspath.of("chaos"), HadoopHaAdminMain.class.getName(), confDir,
        nnId, runs));
    return results;
  }

  /** Whether the classpath the haadmin JVM will get (not ours) holds Baton's haadmin. */
  static boolean available(String classpath, String mainClass) {
    String entry = mainClass.replace('.', '/') + ".class";
    for (String part : classpath.split(java.io.File.pathSeparator)) {
      Path p = Path.of(part);
      if (java.nio.file.Files.isDirectory(p) && java.nio.file.Files.exists(p.resolve(entry))) {
        return true;
      }
      if (java.nio.file.Files.isRegularFile(p) && part.endsWith(".jar")) {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(p.toFile())) {
          if (jar.getEntry(entry) != null) {
            return true;
          }
        } catch (IOException e) {
          // not a readable jar: look at the next entry
        }
      }
    }
    return false;
  }

  private static Result time(ProcessKit kit, String name, String classpath, String main, Path confDir, String nnId,
      int runs) {
    String tool = name.equals("haadmin-baton") ? "baton haadmin" : "Hadoop HAAdmin";
    List<Long> millis = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      long start = System.nanoTime();
      try {
        ChildProcess p = kit.startJava(name + "-" + i, classpath, List.of("-Xmx256m"), main,
            List.of("--conf", confDir.toString(), "-getServiceState", nnId), Map.of());
        if (!p.waitFor(Duration.ofSeconds(60))) {
          p.killHard(Duration.ofSeconds(5));
          return new Result(tool, Optional.empty(), Optional.of("did not finish within 60 s; see " + p.logFile()));
        }
        if (p.exitCode() != 0) {
          return new Result(tool, Optional.empty(), Optional.of("exit " + p.exitCode() + "; see " + p.logFile()));
        }
      } catch (IOException e) {
        return new Result(tool, Optional.empty(), Optional.of("cannot start: " + e.getMessage()));
      }
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    return new Result(tool, Percentiles.of(millis), Optional.empty());
  }
}
