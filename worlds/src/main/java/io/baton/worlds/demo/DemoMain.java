package io.baton.worlds.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code bin/baton demo [--once] [--workdir DIR]}: a local HA cluster (embedded ZooKeeper, the journal, two mock
 * NameNodes, a controller for each, a client workload); it kills the active NameNode, shows the failover and the
 * checker's verdict, then keeps the cluster running for you to try haadmin until Ctrl-C.
 */
public final class DemoMain {
  static final int EXIT_USAGE = 2;

  private DemoMain() {}

  public static void main(String[] args) {
    boolean once = false;
    Path workDir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--once" -> once = true;
        case "--workdir" -> {
          if (i + 1 >= args.length) {
            usage("--workdir needs a folder");
          }
          workDir = Path.of(args[++i]);
        }
        case "-h", "--help" -> {
          System.out.println(USAGE);
          System.exit(0);
        }
        default -> usage("unknown option '" + args[i] + "'");
      }
    }
    try {
      if (workDir == null) {
        workDir = Files.createTempDirectory("baton-demo-"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
      }
      System.exit(new Demo(workDir.toAbsolutePath(), once, System.out).run());
    } catch (Exception e) {
      System.err.println("demo failed: " + e.getMessage());
      System.err.println("logs are in " + workDir);
      System.exit(1);
    }
  }

  private static final String USAGE = """
      Usage: baton demo [--once] [--workdir DIR]
        --once         exit after the failover with the checker's exit code (0 = no lost or split-brain write)
        --workdir DIR  where the demo writes its conf, journal, histories and logs (default: a new temp folder)""";

  private static void usage(String problem) {
    System.err.println("baton demo: " + problem);
    System.err.println(USAGE);
    System.exit(EXIT_USAGE);
  }
}
