package io.baton.chaos.run;

import io.baton.chaos.report.RunReport;
import io.baton.chaos.net.Topology;
import io.baton.chaos.schedule.Scenario;
import io.baton.worlds.zk.ZooKeeperEnsemble;
import io.baton.worlds.process.ProcessKit;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A ZooKeeper ensemble (three JVMs) shared by the runs of one command or test class, so that a run only starts
 * its own journal, NameNodes, controllers and clients; every run uses its own znode scope. Closing ends the
 * ensemble's processes by PID.
 */
public final class ChaosSession implements AutoCloseable {
  static final Duration QUORUM_WAIT = Duration.ofSeconds(90);

  private final ProcessKit kit;
  private final ZooKeeperEnsemble zookeeper;
  private final ChaosRun runner;

  public ChaosSession(RunSettings settings, PrintStream out) throws IOException {
    this(settings, out, Topology.loopback());
  }

  /** A session whose runs live in the given topology (loopback, or network namespaces made by the caller). */
  public ChaosSession(RunSettings settings, PrintStream out, Topology topology) throws IOException {
    this(settings, out, topology, "zookeeper-logs");
  }

  /** One of several loopback sessions side by side ({@link ChaosLanes}): its ensemble logs under its own name. */
  ChaosSession(RunSettings settings, PrintStream out, String lane) throws IOException {
    this(settings, out, Topology.loopback(), "zookeeper-logs-" + lane);
  }

  private ChaosSession(RunSettings settings, PrintStream out, Topology topology, String logDir) throws IOException {
    this.kit = new ProcessKit(settings.workRoot().resolve(logDir));
    try {
      this.zookeeper = new ZooKeeperEnsemble(kit, 3, topology.zooKeeperHost());
      zookeeper.start(QUORUM_WAIT);
    } catch (IOException | RuntimeException e) {
      kit.close();
      throw e;
    }
    out.printf("zookeeper: 3 servers at %s%n", zookeeper.connectString());
    this.runner = new ChaosRun(zookeeper, settings, topology, out);
  }

  /** Runs one scenario; the ensemble is back to a full quorum before it starts. */
  public RunReport run(Scenario scenario) throws IOException {
    for (int i = 0; i < zookeeper.size(); i++) {
      if (zookeeper.server(i) == null || !zookeeper.server(i).isAlive()) {
        zookeeper.startServer(i);
      }
    }
    zookeeper.awaitQuorum(QUORUM_WAIT);
    return runner.run(scenario);
  }

  public ZooKeeperEnsemble zookeeper() {
    return zookeeper;
  }

  @Override
  public void close() {
    kit.close();
  }
}
