package io.baton.chaos.bench;

import io.baton.chaos.cluster.Sleep;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.baton.worlds.zk.ZooKeeperEnsemble;
import io.baton.config.ConfigLoader;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.mock.LocalCluster;
import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.worlds.process.ModuleClasspath;
import io.baton.worlds.process.ProcessKit;
import io.baton.worlds.TimingProfile;
import io.baton.mock.client.NameNodeAdminClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark world for one controller kind: its own single ZooKeeper server, journal node, two mock
 * NameNodes and a controller per NameNode, all JVMs on 127.0.0.1 with the same timing keys as the other
 * world. Both worlds are built the same way, so the controllers are the only difference.
 */
final class BenchCluster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BenchCluster.class);
  private static final List<String> SMALL_JVM = List.of("-Xmx256m");
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final ControllerKind kind;
  private final ProcessKit kit;
  private final ZooKeeperEnsemble zookeeper;
  private final LocalCluster cluster;
  private final DeploymentConfig deployment;
  private final Map<String, ChildProcess> controllers = new HashMap<>();

  private BenchCluster(ControllerKind kind, ProcessKit kit, ZooKeeperEnsemble zookeeper, LocalCluster cluster,
      DeploymentConfig deployment) {
    this.kind = kind;
    this.kit = kit;
    this.zookeeper = zookeeper;
    this.cluster = cluster;
    this.deployment = deployment;
  }

  /** Starts everything and waits until one NameNode is active and the controllers have settled. */
  static BenchCluster start(ControllerKind kind, TimingProfile timing, Path dir) throws Exception {
    ProcessKit kit = new ProcessKit(dir.resolve("logs"));
    try {
      ZooKeeperEnsemble zk = new ZooKeeperEnsemble(kit, 1);
      zk.start(START_TIMEOUT);
      LocalClusterSpec spec = LocalClusterSpec.allocate(dir, 2, zk.connectString(), timing);
      LocalCluster cluster = new LocalCluster(spec, kit);
      turnOffAntiFlapping(spec.confDir().resolve("baton.yaml"));
      DeploymentConfig deployment = ConfigLoader.load(spec.confDir(), LoadOptions.none());
      BenchCluster bench = new BenchCluster(kind, kit, zk, cluster, deployment);
      bench.boot();
      return bench;
    } catch (Exception | Error e) {
      kit.close();
      throw e;
    }
  }

  /**
   * Baton defers an automatic failover that comes within {@code controller.anti-flapping-window} (30 s) of
   * the previous one; trials come every few seconds, which no real cluster does, and Hadoop's ZKFC has no such
   * window. Off, so that each trial times the failover itself. (Hadoop ignores the key: it is Baton's YAML.)
   */
  @SuppressWarnings("unchecked")
  static void turnOffAntiFlapping(Path batonYaml) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, Object> root = yaml.readValue(batonYaml.toFile(), Map.class);
    Map<String, Object> controller = new LinkedHashMap<>((Map<String, Object>) root.getOrDefault("controller",
        Map.of()));
    controller.put("anti-flapping-window", "0s");
    root.put("controller", controller);
    yaml.writeValue(batonYaml.toFile(), root);
  }

  private void boot() throws IOException {
    cluster.startJournal();
    for (String nn : spec().namenodeIds()) {
      cluster.startNameNode(nn);
    }
    awaitNameNodesAnswer();
    int format = formatZooKeeper();
    if (format != 0) {
      throw new IllegalStateException(kind.label() + " -formatZK exited " + format + "; logs in " + kit.workDir());
    }
    for (String nn : spec().namenodeIds()) {
      startController(nn);
    }
    settle();
  }

  ControllerKind kind() {
    return kind;
  }

  LocalClusterSpec spec() {
    return cluster.spec();
  }

  LocalCluster local() {
    return cluster;
  }

  DeploymentConfig deployment() {
    return deployment;
  }

  NameserviceConfig nameservice() {
    return deployment.nameservices().get(0);
  }

  NameNodeConfig namenode(String id) {
    return nameservice().namenode(id).orElseThrow();
  }

  String zookeeperConnect() {
    return zookeeper.connectString();
  }

  Path logDir() {
    return kit.workDir();
  }

  ChildProcess namenodeProcess(String id) {
    return cluster.namenodeProcess(id).orElseThrow();
  }

  ChildProcess controllerProcess(String id) {
    return controllers.get(id);
  }

  /** The ZooKeeper server's PID, for its operation counters. */
  ChildProcess zookeeperProcess() {
    return zookeeper.server(0);
  }

  NameNodeAdminClient admin(String id) {
    return new NameNodeAdminClient(namenode(id).httpAddress(), Duration.ofSeconds(2));
  }

  /** How long a trial may take at most with these timing keys: every timeout in the chain once, plus slack. */
  Duration trialTimeout() {
    return deployment.healthMonitor().rpcTimeout()
        .plus(nameservice().zookeeper().sessionTimeout())
        .plus(deployment.failover().gracefulFenceRpcTimeout().multipliedBy(2))
        .plus(Duration.ofSeconds(30));
  }

  /** How long a hung NameNode may stay silent before the controllers call it dead. */
  Duration hangTolerance() {
    return deployment.healthMonitor().rpcTimeout();
  }

  private void startController(String id) throws IOException {
    ChildProcess p = switch (kind) {
      case BATON -> cluster.startController(id);
      // the same JVM options and environment as Baton's controller (LocalCluster.startController)
      case ZKFC -> kit.startJava("zkfc-" + id, ModuleClasspath.of("chaos"), ProcessKit.CONTROLLER_JVM,
          HadoopZkfcMain.class.getName(), List.of("--conf", spec().confDir().toString(), "--id", id),
          ProcessKit.CONTROLLER_ENV);
    };
    controllers.put(id, p);
  }

  private int formatZooKeeper() throws IOException {
    if (kind == ControllerKind.BATON) {
      return cluster.formatZooKeeper(START_TIMEOUT);
    }
    ChildProcess p = kit.startJava("formatZK", ModuleClasspath.of("chaos"), SMALL_JVM,
        HadoopZkfcMain.class.getName(), List.of("--conf", spec().confDir().toString(), "--id",
            spec().namenodeIds().get(0), "-formatZK", "-force", "-nonInteractive"), Map.of());
    if (!p.waitFor(START_TIMEOUT)) {
      p.killHard(Duration.ofSeconds(5));
      throw new IllegalStateException("-formatZK did not finish within " + START_TIMEOUT + "; see " + p.logFile());
    }
    return p.exitCode();
  }

  /**
   * Brings the world back after a trial: restarts what was killed, clears faults, and waits until exactly one
   * NameNode is active and the controllers have had time to rejoin the election.
   */
  void restore() throws IOException {
    for (String id : spec().namenodeIds()) {
      if (!namenodeProcess(id).isAlive()) {
        cluster.startNameNode(id);
      }
    }
    awaitNameNodesAnswer();
    for (String id : spec().namenodeIds()) {
      try {
        admin(id).clearFaults();
      } catch (IOException e) {
        log.warn("{}: could not clear faults: {}", id, e.getMessage());
      }
      ChildProcess c = controllers.get(id);
      if (c == null || !c.isAlive()) {
        startController(id);
      }
    }
    settle();
  }

  /**
   * Exactly one active, then a pause long enough for a restarted controller to pass its first health checks
   * and join the election as standby (the ZKFC has no status API to ask; the same pause is used for Baton).
   */
  private void settle() {
    cluster.awaitSingleActive(START_TIMEOUT);
    Duration check = deployment.healthMonitor().checkInterval();
    Duration pause = check.multipliedBy(3).plus(deployment.healthMonitor().connectRetryInterval())
        .plus(Duration.ofSeconds(2));
    Sleep.pause(pause);
    cluster.awaitSingleActive(START_TIMEOUT);
  }

  private void awaitNameNodesAnswer() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    for (String id : spec().namenodeIds()) {
      while (cluster.get(spec().httpUrl(id) + "/status", Duration.ofSeconds(1))
          .filter(r -> r.statusCode() == 200).isEmpty()) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(id + " did not answer within " + START_TIMEOUT + "; see " + kit.workDir());
        }
        Sleep.pause(Duration.ofMillis(100));
      }
    }
  }

  Optional<String> singleActive() {
    List<String> active = cluster.activeNameNodes();
    return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
  }

  @Override
  public void close() {
    kit.close();
  }
}
