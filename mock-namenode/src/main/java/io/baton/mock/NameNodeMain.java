package io.baton.mock;

import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.config.NameNodeConfig;
import io.baton.mock.common.CommandLine;
import io.baton.mock.common.CommandLine.UsageException;
import io.baton.mock.common.ConfLoading;
import io.baton.config.Durations;
import io.baton.mock.common.ExitCodes;
import io.baton.mock.common.ServerMain;
import io.baton.mock.fault.FaultSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/baton namenode --conf DIR [--id NN] [--ns NS] [--fault SPEC]... [--tail-period D]}: one mock
 * NameNode of the configured nameservice, until SIGTERM.
 */
public final class NameNodeMain {
  static final String USAGE = "usage: baton namenode --conf DIR [--id NN] [--ns NS] [--fault SPEC]... "
      + "[--tail-period 200ms]\n  faults: unhealthy, not-ready[=reason], hang, slow=<duration>, "
      + "refuse-transitions, crash, zombie";

  private NameNodeMain() {}

  public static void main(String[] args) throws InterruptedException {
    ServerMain.run("namenode", USAGE, () -> start(args));
  }

  static MockNameNode start(String[] args) throws Exception {
    CommandLine cl = CommandLine.parse(args, Set.of("--conf", "--id", "--ns", "--fault", "--tail-period"),
        Set.of("--help"));
    if (cl.has("--help")) {
      System.out.println(USAGE);
      System.exit(ExitCodes.OK);
    }
    List<FaultSpec> faults = new ArrayList<>();
    for (String f : cl.all("--fault")) {
      try {
        faults.add(FaultSpec.parse(f));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--fault: " + e.getMessage());
      }
    }
    Duration tail = NameNodeOptions.DEFAULT_TAIL_PERIOD;
    if (cl.has("--tail-period")) {
      try {
        tail = Durations.parseNonNegative(cl.get("--tail-period").get());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--tail-period: " + e.getMessage());
      }
    }
    DeploymentConfig conf = ConfLoading.load(cl.confDir(System.getenv()),
        LoadOptions.forNameNode(cl.get("--ns").orElse(null), cl.get("--id").orElse(null)));
    NameNodeConfig nn = conf.localNameNode();
    return MockNameNode.start(NameNodeOptions.from(conf, nn, faults, tail, NameNodeMain::halt));
  }

  /** The crash fault: let the HTTP answer go out, then stop dead, like kill -9 (no shutdown hooks). */
  static void halt() {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(ExitCodes.INJECTED_CRASH);
    }, "crash-fault");
    t.start();
  }
}
