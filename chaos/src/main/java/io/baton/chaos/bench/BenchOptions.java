package io.baton.chaos.bench;

import io.baton.worlds.TimingProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code baton bench} options.
 *
 * @param profiles timing profiles, each applied to both controllers: {@code defaults} (Hadoop's), {@code tuned}
 * @param idle the steady-state window (zero skips it)
 * @param haadminRuns runs of each haadmin for the wall-time comparison (zero skips it)
 */
public record BenchOptions(int trials, List<Scenario> scenarios, List<ControllerKind> controllers,
    List<String> profiles, Path workDir, Path outDir, Duration idle, int haadminRuns) {

  static final String USAGE = """
      Usage: baton bench [--trials N] [--scenarios LIST] [--controllers LIST] [--profiles LIST]
                         [--idle SECONDS] [--haadmin-runs N] [--workdir DIR] [--out DIR]
        --trials N          trials per scenario, controller and profile (default 20)
        --scenarios LIST    comma-separated, from: crash,hang,unhealthy,host-loss,graceful,short-pause
                            (default: all; none: no trials, e.g. only the haadmin timings)
        --controllers LIST  baton,zkfc (default: both, alternating trial by trial)
        --profiles LIST     defaults (Hadoop's timing keys), tuned (short intervals) (default: defaults,tuned)
        --idle SECONDS      steady-state window: controller RSS and CPU, ZooKeeper requests (default 60; 0 skips)
        --haadmin-runs N    haadmin -getServiceState runs per tool (default 5; 0 skips)
        --workdir DIR       where the worlds run (default: a new folder under the temp dir)
        --out DIR           where bench-report.md and bench-report.json go (default: the work dir)
      """;

  static BenchOptions parse(String[] args, Path defaultWorkDir) {
    int trials = 20;
    List<Scenario> scenarios = List.of(Scenario.values());
    List<ControllerKind> controllers = List.of(ControllerKind.values());
    List<String> profiles = List.of("defaults", "tuned");
    Path work = null;
    Path out = null;
    Duration idle = Duration.ofSeconds(60);
    int haadmin = 5;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--trials" -> trials = positive(a, value(args, ++i, a), 1);
        case "--scenarios" -> scenarios = scenarios(value(args, ++i, a));
        case "--controllers" -> controllers = list(value(args, ++i, a)).stream().map(ControllerKind::parse).toList();
        case "--profiles" -> profiles = list(value(args, ++i, a)).stream().peek(BenchOptions::timing).toList();
        case "--idle" -> idle = Duration.ofSeconds(positive(a, value(args, ++i, a), 0));
        case "--haadmin-runs" -> haadmin = positive(a, value(args, ++i, a), 0);
        case "--workdir" -> work = Path.of(value(args, ++i, a));
        case "--out" -> out = Path.of(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    // absolute: the worlds' processes run in their own log folders and get these paths as arguments
    Path workDir = (work != null ? work : defaultWorkDir).toAbsolutePath();
    return new BenchOptions(trials, scenarios, controllers, profiles, workDir,
        out != null ? out.toAbsolutePath() : workDir, idle, haadmin);
  }

  /** The timing keys of a profile name. */
  static TimingProfile timing(String profile) {
    return switch (profile) {
      case "defaults" -> TimingProfile.HADOOP_DEFAULTS;
      case "tuned" -> TimingProfile.FAST;
      default -> throw new IllegalArgumentException("unknown profile '" + profile + "'; use defaults or tuned");
    };
  }

  /** {@code none} runs no trials (the steady state and haadmin timings only). */
  private static List<Scenario> scenarios(String text) {
    return text.trim().equalsIgnoreCase("none") ? List.of() : list(text).stream().map(Scenario::parse).toList();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static List<String> list(String text) {
    List<String> items = new ArrayList<>(Arrays.stream(text.split(",")).map(String::trim)
        .map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList());
    if (items.isEmpty()) {
      throw new IllegalArgumentException("empty list '" + text + "'");
    }
    return items;
  }

  private static int positive(String option, String text, int min) {
    try {
      int n = Integer.parseInt(text.trim());
      if (n < min) {
        throw new IllegalArgumentException(option + " must be at least " + min + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
    }
  }
}
