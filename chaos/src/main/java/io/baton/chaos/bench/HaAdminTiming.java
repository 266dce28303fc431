package io.baton.chaos.bench;

import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.process.ModuleClasspath;
import io.baton.worlds.process.ProcessKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wall time of {@code haadmin -getServiceState nn1} as a user sees it, against the same NameNode: Baton's
 * through its launcher {@code bin/haadmin} (so with its class-data-sharing archive and classpath), Hadoop's
 * HAAdmin as {@code java -cp <chaos classpath> HadoopHaAdminMain} with the launcher's base JVM flags (both get
 * {@code -Xmx256m}). Each tool first runs once untimed (Baton's first run makes the archive; its time is
 * reported apart), then the timed runs alternate between the tools, so that load changes hit both alike.
 */
final class HaAdminTiming {
  static final String BATON_HAADMIN = "io.baton.controller.haadmin.HaAdminMain";
  static final String BATON = "baton haadmin";
  static final String HADOOP = "Hadoop HAAdmin";
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
  private static final String HEAP = "-Xmx256m";

  private HaAdminTiming() {}

  /**
   * The timed runs of one tool, or why there are none.
   *
   * @param firstRun the untimed first run (Baton's makes its archive)
   * @param how how the tool was started
   */
  record Result(String tool, Optional<Percentiles> millis, Optional<String> error, Optional<Long> firstRun,
      String how) {
    static Result failed(String tool, String how, String error) {
      return new Result(tool, Optional.empty(), Optional.of(error), Optional.empty(), how);
    }
  }

  /** One way of starting a tool. */
  private record Tool(String name, String how, Launch launch) {}

  @FunctionalInterface
  private interface Launch {
    ChildProcess start(String runName) throws IOException;
  }

  /**
   * @param workDir where Baton's archive is made (a fresh one, so the first run is a real first run)
   */
  static List<Result> measure(ProcessKit kit, Path workDir, Path confDir, String nnId, int runs) {
    List<String> args = List.of("--conf", confDir.toString(), "-getServiceState", nnId);
    Tool hadoop = new Tool(HADOOP, "java -cp <chaos classpath> " + HadoopHaAdminMain.class.getSimpleName(),
        name -> kit.startJava(name, ModuleClasspath.of("chaos"), List.of(HEAP), HadoopHaAdminMain.class.getName(),
            args, Map.of()));
    Optional<Tool> baton = batonTool(kit, workDir, args);
    List<Result> results = new ArrayList<>();
    if (baton.isEmpty()) {
      results.add(Result.failed(BATON, "-", BATON_HAADMIN + " is not built in this tree"));
      results.add(timeAlone(hadoop, runs));
      return results;
    }
    return timeAlternating(List.of(baton.get(), hadoop), runs);
  }

  /** bin/haadmin when the bench runs from the launcher, else (tests) {@code java -cp} with our classpath. */
  private static Optional<Tool> batonTool(ProcessKit kit, Path workDir, List<String> args) {
    String home = System.getProperty("baton.home");
    Path script = home == null ? null : Path.of(home, "bin", "haadmin");
    if (script != null && Files.isExecutable(script)) {
      Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "BATON_JAVA_OPTS", HEAP,
          "BATON_CDS_DIR", workDir.resolve("cds").toString());
      List<String> command = new ArrayList<>(List.of(script.toString()));
      command.addAll(args);
      return Optional.of(new Tool(BATON, "bin/haadmin", name -> kit.start(name, command, env)));
    }
    String classpath = ModuleClasspath.of("failover-controller");
    if (!available(classpath, BATON_HAADMIN)) {
      return Optional.empty();
    }
    return Optional.of(new Tool(BATON, "java -cp <failover-controller classpath> HaAdminMain",
        name -> kit.startJava(name, classpath, List.of(HEAP), BATON_HAADMIN, args, Map.of())));
  }

  private static Result timeAlone(Tool tool, int runs) {
    return timeAlternating(List.of(tool), runs).get(0);
  }

  private static List<Result> timeAlternating(List<Tool> tools, int runs) {
    List<Optional<Long>> first = new ArrayList<>();
    List<Optional<String>> errors = new ArrayList<>();
    List<List<Long>> millis = new ArrayList<>();
    for (Tool t : tools) {
      Run warmup = run(t, t.name().replace(' ', '-') + "-first");
      first.add(warmup.millis());
      errors.add(warmup.error());
      millis.add(new ArrayList<>());
    }
    for (int i = 1; i <= runs; i++) {
      for (int k = 0; k < tools.size(); k++) {
        int which = i % 2 == 0 ? tools.size() - 1 - k : k; // neither tool always runs first
        if (errors.get(which).isPresent()) {
          continue;
        }
        Tool t = tools.get(which);
        Run r = run(t, t.name().replace(' ', '-') + "-" + i);
        r.millis().ifPresent(millis.get(which)::add);
        if (r.error().isPresent()) {
          errors.set(which, r.error());
        }
      }
    }
    List<Result> results = new ArrayList<>();
    for (int k = 0; k < tools.size(); k++) {
      Tool t = tools.get(k);
      results.add(errors.get(k).isPresent()
          ? new Result(t.name(), Optional.empty(), errors.get(k), first.get(k), t.how())
          : new Result(t.name(), Percentiles.of(millis.get(k)), Optional.empty(), first.get(k), t.how()));
    }
    return results;
  }

  private record Run(Optional<Long> millis, Optional<String> error) {}

  private static Run run(Tool tool, String name) {
    long start = System.nanoTime();
    try {
      ChildProcess p = tool.launch().start(name);
      if (!p.waitFor(RUN_LIMIT)) {
        p.killHard(Duration.ofSeconds(5));
        return new Run(Optional.empty(), Optional.of("did not finish within " + RUN_LIMIT.toSeconds() + " s; see "
            + p.logFile()));
      }
      long took = (System.nanoTime() - start) / 1_000_000;
      if (p.exitCode() != 0) {
        return new Run(Optional.empty(), Optional.of("exit " + p.exitCode() + "; see " + p.logFile()));
      }
      return new Run(Optional.of(took), Optional.empty());
    } catch (IOException e) {
      return new Run(Optional.empty(), Optional.of("cannot start: " + e.getMessage()));
    }
  }

  /** Baton's median over Hadoop's, when both have numbers. */
  static Optional<Double> ratio(List<Result> results) {
    Optional<Percentiles> baton = millisOf(results, BATON);
    Optional<Percentiles> hadoop = millisOf(results, HADOOP);
    if (baton.isEmpty() || hadoop.isEmpty() || hadoop.get().p50() == 0) {
      return Optional.empty();
    }
    return Optional.of((double) baton.get().p50() / hadoop.get().p50());
  }

  static Optional<Percentiles> millisOf(List<Result> results, String tool) {
    return results.stream().filter(h -> h.tool().equals(tool)).findFirst().flatMap(Result::millis);
  }

  /** Whether the classpath the haadmin JVM will get (not ours) holds Baton's haadmin. */
  static boolean available(String classpath, String mainClass) {
    String entry = mainClass.replace('.', '/') + ".class";
    for (String part : classpath.split(java.io.File.pathSeparator)) {
      Path p = Path.of(part);
      if (Files.isDirectory(p) && Files.exists(p.resolve(entry))) {
        return true;
      }
      if (Files.isRegularFile(p) && part.endsWith(".jar")) {
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
}
