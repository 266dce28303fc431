package io.baton.chaos;

import io.baton.worlds.TimingProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed command line of {@code baton chaos}. Every mistake is a {@link UsageException} whose message says
 * what is wrong and how to write it.
 */
public record ChaosArgs(Command command, Optional<String> scenario, boolean random, boolean all, int lanes,
    Optional<Long> seed, boolean unsafeNoFencing, Optional<Duration> duration, Optional<Path> work,
    TimingProfile timing, int rate, boolean netns) {

  /** The subcommands. */
  public enum Command { LIST, RUN, SOAK, HELP }

  public static final String USAGE = String.join("\n",
      "usage: baton chaos list",
      "       baton chaos run --scenario NAME [--unsafe-no-fencing] [OPTIONS]",
      "       baton chaos run --random --seed N [OPTIONS]",
      "       baton chaos run --all [--lanes N] [OPTIONS]   every named scenario and the negative control, as CI",
      "       baton chaos soak --duration D --seed N [OPTIONS]",
      "options: --work DIR            where runs keep logs and reports (default: <tmp>/baton-chaos)",
      "         --timing fast|hadoop-defaults   controller timing profile (default: fast)",
      "         --rate N              client writes per second (default: 20)",
      "         --netns               namespace mode (root): a network namespace, address and sshd per host",
      "         --lanes N             --all: clusters at once, each with its own ZooKeeper (1..4, default 1;",
      "                               loopback only; CI uses 2 on 2 cores)",
      "exit codes: 0 every run held (or the negative control found split brain), 1 a run failed,",
      "            2 usage error, 3 the kit could not run (environment, cluster did not start)");

  /** A bad command line. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }

  public static ChaosArgs parse(String... args) throws UsageException {
    if (args.length == 0) {
      throw new UsageException("missing command: list, run or soak");
    }
    Command command = switch (args[0]) {
      case "list" -> Command.LIST;
      case "run" -> Command.RUN;
      case "soak" -> Command.SOAK;
      case "help", "--help", "-h" -> Command.HELP;
      default -> throw new UsageException("unknown command '" + args[0] + "'; use list, run or soak");
    };
    Optional<String> scenario = Optional.empty();
    boolean random = false;
    boolean all = false;
    Optional<Long> lanes = Optional.empty();
    boolean unsafe = false;
    Optional<Long> seed = Optional.empty();
    Optional<Duration> duration = Optional.empty();
    Optional<Path> work = Optional.empty();
    TimingProfile timing = TimingProfile.FAST;
    int rate = 20;
    boolean netns = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--scenario" -> scenario = Optional.of(value(args, ++i, a));
        case "--random" -> random = true;
        case "--all" -> all = true;
        case "--lanes" -> lanes = Optional.of(range(number(value(args, ++i, a), a), 1, 4, a));
        case "--unsafe-no-fencing" -> unsafe = true;
        case "--seed" -> seed = Optional.of(number(value(args, ++i, a), a));
        case "--duration" -> duration = Optional.of(duration(value(args, ++i, a)));
        case "--work" -> work = Optional.of(Path.of(value(args, ++i, a)));
        case "--timing" -> timing = timing(value(args, ++i, a));
        case "--rate" -> rate = (int) range(number(value(args, ++i, a), a), 1, 500, a);
        case "--netns" -> netns = true;
        case "--help", "-h" -> command = Command.HELP;
        default -> throw new UsageException("unknown option '" + a + "'");
      }
    }
    if (lanes.isPresent() && !all) {
      throw new UsageException("--lanes belongs to run --all");
    }
    ChaosArgs parsed = new ChaosArgs(command, scenario, random, all, lanes.orElse(1L).intValue(), seed, unsafe,
        duration, work, timing, rate, netns);
    parsed.validate();
    return parsed;
  }

  private void validate() throws UsageException {
    switch (command) {
      case RUN -> {
        if ((scenario.isPresent() ? 1 : 0) + (random ? 1 : 0) + (all ? 1 : 0) != 1) {
          throw new UsageException("run needs exactly one of --scenario NAME, --random --seed N or --all");
        }
        if (all && (unsafeNoFencing || seed.isPresent())) {
          throw new UsageException("--all runs every named scenario and the negative control: drop "
              + "--unsafe-no-fencing and --seed");
        }
        if (lanes > 1 && netns) {
          throw new UsageException("namespace mode has one set of hosts: use --lanes 1 with --netns");
        }
        if (random && seed.isEmpty()) {
          throw new UsageException("--random needs --seed N (the seed makes the schedule replayable)");
        }
        if (unsafeNoFencing && random) {
          throw new UsageException("--unsafe-no-fencing is the negative control of a named scenario: "
              + "use --scenario zombie --unsafe-no-fencing");
        }
        if (duration.isPresent()) {
          throw new UsageException("--duration belongs to soak");
        }
      }
      case SOAK -> {
        if (duration.isEmpty() || seed.isEmpty()) {
          throw new UsageException("soak needs --duration D (e.g. 1h) and --seed N");
        }
        if (scenario.isPresent() || random || all || unsafeNoFencing) {
          throw new UsageException("soak runs random schedules only; drop --scenario/--random/--all/"
              + "--unsafe-no-fencing");
        }
      }
      default -> {
        // list and help take no further checks
      }
    }
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static long number(String text, String option) throws UsageException {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " '" + text + "' is not a whole number");
    }
  }

  private static long range(long v, long min, long max, String option) throws UsageException {
    if (v < min || v > max) {
      throw new UsageException(option + " must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  static TimingProfile timing(String text) throws UsageException {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "fast" -> TimingProfile.FAST;
      case "hadoop-defaults", "defaults" -> TimingProfile.HADOOP_DEFAULTS;
      default -> throw new UsageException("--timing '" + text + "' is not a profile; use fast or hadoop-defaults");
    };
  }

  /** {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h}: a number with a unit, more than zero. */
  static Duration duration(String text) throws UsageException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text.trim());
    if (!m.matches()) {
      throw new UsageException("--duration '" + text + "' is not a duration; write e.g. 90s, 10m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
    if (d.isZero()) {
      throw new UsageException("--duration must be more than zero");
    }
    return d;
  }
}
