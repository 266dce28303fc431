package io.baton.chaos.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code baton bench}: failover time of Baton's controller against Hadoop's own ZKFC, side by side.
 * Exit codes: 0 every trial measured and every checker verdict clean, 1 some trial failed or a verdict is not
 * clean (the report says which), 2 usage, 4 the benchmark could not run (a world did not start).
 */
public final class BenchMain {
  static final int OK = 0;
  static final int INCOMPLETE = 1;
  static final int USAGE = 2;
  static final int CANNOT_RUN = 4;

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.print(BenchOptions.USAGE);
      return OK;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, Path.of(System.getProperty("java.io.tmpdir"),
          "baton-bench-" + System.currentTimeMillis()));
    } catch (IllegalArgumentException e) {
      err.println("baton bench: " + e.getMessage());
      err.print(BenchOptions.USAGE);
      return USAGE;
    }
    BenchRun run = new BenchRun(options, "baton bench " + String.join(" ", args), out);
    try {
      Files.createDirectories(options.workDir());
      run.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("baton bench: interrupted");
      return CANNOT_RUN;
    } catch (Exception | LinkageError e) { // LinkageError: a jar on the classpath was replaced during the run
      err.println("baton bench: cannot run: " + e);
      try {
        run.report().problems.add("aborted: " + e);
        run.report().write(options.outDir());
      } catch (Exception ignored) {
        // the abort message above is what matters
      }
      return CANNOT_RUN;
    }
    return run.allGood() ? OK : INCOMPLETE;
  }
}
