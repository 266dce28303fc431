package io.baton.mock.client;

import io.baton.config.ConfigException;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.config.NameserviceConfig;
import io.baton.mock.common.CommandLine;
import io.baton.mock.common.CommandLine.UsageException;
import io.baton.mock.common.ConfLoading;
import io.baton.config.Durations;
import io.baton.mock.common.ExitCodes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bin/baton client --conf DIR --history FILE --rate N/s (--duration D | --count N) [--ns NS] [--client-id ID]
 * [--timeout D] [--max-attempts N]}: a failover-aware writer recording every operation.
 * Exit 0 when the run finished (failures during a failover are expected and recorded), 2 usage, 3 config.
 */
public final class ClientMain {
  static final String USAGE = "usage: baton client --conf DIR --history FILE --rate N/s (--duration D | --count N) "
      + "[--ns NS] [--client-id ID] [--timeout 2s] [--max-attempts 12]";

  private ClientMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    try {
      CommandLine cl = CommandLine.parse(args, Set.of("--conf", "--history", "--rate", "--duration", "--count", "--ns",
          "--client-id", "--timeout", "--max-attempts"), Set.of("--help"));
      if (cl.has("--help")) {
        System.out.println(USAGE);
        return ExitCodes.OK;
      }
      Path history = Path.of(cl.get("--history").orElseThrow(() -> new UsageException("--history FILE is required")));
      double rate = rate(cl.get("--rate").orElseThrow(() -> new UsageException("--rate N/s is required")));
      Optional<Duration> duration = cl.has("--duration") ? Optional.of(duration(cl, "--duration")) : Optional.empty();
      Optional<Long> count = cl.has("--count") ? Optional.of(positive(cl.get("--count").get(), "--count")) : Optional.empty();
      if (duration.isEmpty() && count.isEmpty()) {
        throw new UsageException("give --duration D or --count N");
      }
      FailoverClient.Options d = FailoverClient.Options.defaults();
      Duration timeout = cl.has("--timeout") ? duration(cl, "--timeout") : d.requestTimeout();
      int attempts = cl.has("--max-attempts") ? (int) positive(cl.get("--max-attempts").get(), "--max-attempts")
          : d.maxAttempts();
      DeploymentConfig conf = ConfLoading.load(cl.confDir(System.getenv()), LoadOptions.none());
      NameserviceConfig ns = nameservice(conf, cl.get("--ns"));
      String clientId = cl.get("--client-id").orElse("c" + ProcessHandle.current().pid());
      FailoverClient client = new FailoverClient(clientId, NameNodeEndpoint.of(ns),
          new FailoverClient.Options(d.connectTimeout(), timeout, attempts, d.backoff()), Clock.systemUTC());
      try (HistoryWriter writer = new HistoryWriter(history)) {
        Workload w = new Workload(clientId, client, rate, duration, count, writer::write, Clock.systemUTC());
        Workload.Stats stats = w.run();
        System.out.println(clientId + ": " + stats + "; history in " + history);
      }
      return ExitCodes.OK;
    } catch (UsageException e) {
      System.err.println("baton client: " + e.getMessage());
      System.err.println(USAGE);
      return ExitCodes.USAGE;
    } catch (ConfigException e) {
      System.err.println("baton client: " + e.getMessage());
      return ExitCodes.CONFIG;
    } catch (java.io.IOException e) {
      System.err.println("baton client: cannot write the history: " + e);
      return ExitCodes.USAGE;
    }
  }

  static NameserviceConfig nameservice(DeploymentConfig conf, Optional<String> nsId) throws UsageException {
    if (nsId.isPresent()) {
      return conf.nameservice(nsId.get()).orElseThrow(() -> new UsageException("--ns " + nsId.get()
          + " is not configured; configured: " + conf.nameserviceIds()));
    }
    if (conf.nameservices().size() != 1) {
      throw new UsageException("several nameservices are configured " + conf.nameserviceIds() + "; pass --ns");
    }
    return conf.nameservices().get(0);
  }

  static double rate(String text) throws UsageException {
    String t = text.endsWith("/s") ? text.substring(0, text.length() - 2) : text;
    try {
      double r = Double.parseDouble(t);
      if (r > 0 && r <= 10_000) {
        return r;
      }
    } catch (NumberFormatException e) {
      // falls through to the usage error
    }
    throw new UsageException("--rate '" + text + "' is not a rate; write operations per second, e.g. 20/s (max 10000)");
  }

  private static Duration duration(CommandLine cl, String option) throws UsageException {
    try {
      return Durations.parseNonNegative(cl.get(option).get());
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  private static long positive(String text, String option) throws UsageException {
    try {
      long n = Long.parseLong(text);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the usage error
    }
    throw new UsageException(option + " '" + text + "' must be a positive whole number");
  }
}
