package io.baton.config;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code baton config [--conf DIR] [--ns NS] [--id NN] [--json]}: prints the effective configuration, then
 * every problem. Exit 0 valid, 1 invalid, 2 usage error. Never prints a stack trace.
 */
public final class ConfigCommand {
  static final int VALID = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;
  static final String USAGE_TEXT = """
      Usage: baton config [--conf DIR] [--ns NS] [--id NN] [--json]
        --conf DIR  folder with core-site.xml, hdfs-site.xml and/or baton.yaml (default: $HADOOP_CONF_DIR)
        --ns NS     the local nameservice, when several are configured
        --id NN     the local NameNode (overrides dfs.ha.namenode.id and address matching)
        --json      print machine-readable JSON instead of the readable tree
      Prints the effective configuration (secrets masked) and every problem.
      Exit status: 0 valid, 1 invalid, 2 usage error.""";

  private ConfigCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs the command; returns the exit status. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      return runChecked(args, env, out, err);
    } catch (RuntimeException e) {
      err.println("baton config: internal error: " + e);
      return INVALID;
    }
  }

  private static int runChecked(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    String conf = null;
    String ns = null;
    String nn = null;
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--json" -> json = true;
        case "-h", "--help" -> {
          out.println(USAGE_TEXT);
          return VALID;
        }
        case "--conf", "--ns", "--id" -> {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            return usage(err, a + " needs a value");
          }
          String v = args[++i];
          if (a.equals("--conf")) {
            conf = v;
          } else if (a.equals("--ns")) {
            ns = v;
          } else {
            nn = v;
          }
        }
        default -> {
          return usage(err, "unknown argument '" + a + "'");
        }
      }
    }
    if (conf == null) {
      conf = Optional.ofNullable(env.get("HADOOP_CONF_DIR")).filter(s -> !s.isBlank()).orElse(null);
    }
    if (conf == null) {
      return usage(err, "no configuration folder: pass --conf DIR or set HADOOP_CONF_DIR");
    }
    Path dir;
    try {
      dir = Path.of(conf);
    } catch (InvalidPathException e) {
      return usage(err, "--conf '" + conf + "' is not a valid path");
    }
    ConfigLoader.Inspection inspection = ConfigLoader.inspectWithOrigins(dir, LoadOptions.forNameNode(ns, nn),
        LocalAddresses.SYSTEM);
    LoadReport report = inspection.report();
    if (json) {
      out.println(ConfigJson.render(report));
    } else {
      new ConfigText(out, inspection.settings()).print(report);
    }
    return report.isValid() ? VALID : INVALID;
  }

  private static int usage(PrintStream err, String message) {
    err.println("baton config: " + message);
    err.println(USAGE_TEXT);
    return USAGE;
  }
}
