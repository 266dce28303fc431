package io.baton.chaos.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baton.chaos.event.EventLog;
import io.baton.chaos.net.LoopbackLinks;
import io.baton.chaos.net.NetnsLinks;
import io.baton.chaos.net.Topology;
import io.baton.chaos.schedule.ClusterSetup;
import io.baton.worlds.zk.ZooKeeperEnsemble;
import io.baton.config.ConfigException;
import io.baton.config.ConfigLoader;
import io.baton.config.DeploymentConfig;
import io.baton.config.LoadOptions;
import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.mock.LocalCluster;
import io.baton.worlds.mock.LocalClusterSpec;
import io.baton.worlds.mock.LocalNameNodePorts;
import io.baton.worlds.process.ModuleClasspath;
import io.baton.config.LoopbackPorts;
import io.baton.worlds.process.ProcessKit;
import io.baton.worlds.process.Signal;
import io.baton.worlds.TimingProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chaos run's cluster on this machine: the journal, the mock NameNodes, a controller per NameNode and the
 * client workload, each a real JVM ended by PID, on a shared ZooKeeper ensemble (its own znode scope per run).
 * Loopback mode: NameNode hosts reach ZooKeeper and each other, and clients reach NameNodes, through cuttable
 * proxies. Namespace mode ({@link Topology}): every process runs in its host's network namespace and partitions
 * are iptables rules there.
 */
public final class ChaosCluster implements ClusterControl, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChaosCluster.class);
  private static final List<String> SMALL_JVM = List.of("-Xmx192m");
  private static final List<String> SERVER_JVM = List.of("-Xmx256m");
  private static final Duration START_WAIT = Duration.ofSeconds(120);
  private static final int SIGKILL_EXIT = 137;
  private static final int FENCED_RESTARTS = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMELINE_TIMEOUT = Duration.ofSeconds(10);

  private final String runId;
  private final Path runDir;
  private final ProcessKit kit;
  private final ZooKeeperHandle zookeeper;
  private final ClusterSetup setup;
  private final EventLog events;
  private final Topology topology;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private final ChaosConf conf;
  private final Optional<LoopbackLinks> proxies;
  private final Links links;
  private final ServerSocket blackHole;
  private final Map<String, ChildProcess> namenodes = new LinkedHashMap<>();
  private final Map<String, ChildProcess> controllers = new LinkedHashMap<>();
  private final Map<String, Path> hostConfs = new LinkedHashMap<>();
  private final List<Path> histories = new ArrayList<>();
  private final DeploymentConfig config;
  private ChildProcess workload;

  public ChaosCluster(String runId, Path runDir, ZooKeeperEnsemble ensemble, ClusterSetup setup,
      TimingProfile timing, EventLog events) throws IOException {
    this(runId, runDir, ensemble, setup, timing, events, Topology.loopback());
  }

  public ChaosCluster(String runId, Path runDir, ZooKeeperEnsemble ensemble, ClusterSetup setup,
      TimingProfile timing, EventLog events, Topology topology) throws IOException {
    this.runId = runId;
    this.topology = topology;
    this.runDir = Files.createDirectories(runDir);
    this.kit = new ProcessKit(runDir.resolve("logs"));
    this.zookeeper = new ZooKeeperHandle(ensemble);
    this.setup = setup;
    this.events = events;
    this.blackHole = new ServerSocket();
    boolean ok = false;
    LoopbackLinks l = null;
    Links cuts = null;
    try {
      // A listener that never accepts: connects succeed, nothing ever answers (an unreachable ssh host).
      blackHole.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), LoopbackPorts.free()), 1);
      int sshPort = setup.fencing() == ClusterSetup.Fencing.SSH_UNREACHABLE_THEN_JOURNAL ? blackHole.getLocalPort()
          : LoopbackPorts.free();
      LocalClusterSpec spec = LocalClusterSpec.allocate(runDir, setup.namenodes(), ensemble.connectString(), timing);
      conf = ChaosConf.create(spec, runDir, setup, "/baton-chaos/" + runId, sshPort, SshKey.create(runDir),
          topology);
      if (topology.namespaces()) {
        cuts = new NetnsLinks(topology.plan().orElseThrow());
      } else {
        Map<String, List<Integer>> clientPorts = new LinkedHashMap<>();
        Map<String, List<Integer>> peerPorts = new LinkedHashMap<>();
        for (LocalNameNodePorts nn : conf.spec().namenodes()) {
          clientPorts.put(nn.id(), List.of(nn.rpcPort(), nn.httpPort()));
          peerPorts.put(nn.id(), List.of(nn.rpcPort(), nn.controllerPort()));
        }
        l = new LoopbackLinks(zookeeper.clientPorts(), clientPorts, peerPorts);
        cuts = l;
      }
      for (String nn : conf.spec().namenodeIds()) {
        hostConfs.put(nn, conf.forHost(nn, Optional.ofNullable(l)));
      }
      config = ConfigLoader.load(conf.spec().confDir(), LoadOptions.none());
      ok = true;
    } catch (ConfigException e) {
      throw new IllegalStateException("the chaos cluster's own configuration is invalid: " + e.getMessage(), e);
    } finally {
      proxies = Optional.ofNullable(l);
      links = cuts;
      if (!ok) {
        close();
      }
    }
  }

  public DeploymentConfig config() {
    return config;
  }

  public LocalClusterSpec spec() {
    return conf.spec();
  }

  public Path runDir() {
    return runDir;
  }

  /** Journal, NameNodes, the znode scope, then the first controller (its NameNode becomes active), then the others. */
  public String start() {
    startNameNodes();
    return startControllers();
  }

  /** The journal and every NameNode (all standby), waiting until each answers HTTP. */
  public void startNameNodes() {
    try {
      List<String> journalArgs = new ArrayList<>(List.of("--conf", conf.spec().confDir().toString()));
      if (setup.unsafeJournal()) {
        journalArgs.add("--unsafe-no-epoch-check");
      }
      ChildProcess journal = launch(Topology.JOURNAL, "journalnode", "mock-namenode", SERVER_JVM,
          LocalCluster.JOURNALNODE_MAIN, journalArgs, Map.of());
      events.record("process", "journalnode", "started " + journal + (setup.unsafeJournal()
          ? " with --unsafe-no-epoch-check" : ""));
      for (String nn : namenodeIds()) {
        namenodes.put(nn, startNameNode(nn));
      }
      for (String nn : namenodeIds()) {
        awaitAnswering(nn, START_WAIT);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the chaos cluster: " + e.getMessage(), e);
    }
  }

  /**
   * What {@code zkfc -formatZK} does for a fresh scope (create {@code <parent>/<ns>}), done in this JVM: one JVM
   * start less per run, which matters for CI on two cores. The -formatZK command itself is tested in
   * failover-controller.
   */
  private void createScopeZnode() {
    String scope = config.nameservice(conf.spec().nameserviceId()).orElseThrow().zookeeper()
        .scopeZnode(conf.spec().nameserviceId());
    try (CuratorFramework zk = CuratorFrameworkFactory.newClient(conf.spec().zookeeperQuorum(), 10_000, 5_000,
        new RetryNTimes(10, 500))) {
      zk.start();
      if (!zk.blockUntilConnected(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("cannot reach ZooKeeper at " + conf.spec().zookeeperQuorum());
      }
      zk.create().creatingParentsIfNeeded().forPath(scope);
      events.record("phase", "zookeeper", "created " + scope);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + scope, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create " + scope + " in ZooKeeper: " + e, e);
    }
  }

  /** The znode scope, the first controller (so the first NameNode becomes active), then the others. */
  public String startControllers() {
    try {
      createScopeZnode();
      String first = namenodeIds().get(0);
      startController(first);
      String active = awaitSingleActive(START_WAIT).orElseThrow(() -> new IllegalStateException(
          "no NameNode became active within " + START_WAIT.toSeconds() + " s; logs in " + kit.workDir()));
      for (String nn : namenodeIds().subList(1, namenodeIds().size())) {
        startController(nn);
      }
      events.record("phase", "cluster", "started; active " + active);
      return active;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the controllers: " + e.getMessage(), e);
    }
  }

  private void startController(String nn) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    if (setup.fakeClocks()) {
      env.putAll(FakeClock.environment(clockFile(nn)));
    }
    ChildProcess p = launch(nn, "zkfc-" + nn, "failover-controller", SMALL_JVM, LocalCluster.ZKFC_MAIN,
        List.of("--conf", hostConfs.get(nn).toString(), "--id", nn), env);
    controllers.put(nn, p);
  }

  private ChildProcess startNameNode(String nn) throws IOException {
    return launch(nn, nn, "mock-namenode", SERVER_JVM, LocalCluster.NAMENODE_MAIN,
        List.of("--conf", conf.spec().confDir().toString(), "--id", nn), Map.of());
  }

  /** Starts a JVM of a Baton module on a host (in its namespace in namespace mode). */
  private ChildProcess launch(String host, String name, String module, List<String> jvm, String main,
      List<String> args, Map<String, String> env) throws IOException {
    List<String> java = ProcessKit.javaCommand(ModuleClasspath.of(module), jvm, main, args);
    return kit.start(name, topology.onHost(host, java), env);
  }

  private Path clockFile(String nn) {
    return runDir.resolve("clock-" + nn + ".rc");
  }

  /** The client workload: writes at {@code rate}/s through the client proxies until {@link #stopWorkload}. */
  public Path startWorkload(int ratePerSecond) {
    Path history = runDir.resolve("history-workload.jsonl");
    try {
      Path clientConf = conf.forClients("workload", proxies, namenodeIds().get(0));
      workload = launch(Topology.CLIENTS, "client-workload", "mock-namenode", SMALL_JVM, LocalCluster.CLIENT_MAIN, List.of("--conf", clientConf.toString(), "--history", history.toString(),
              "--rate", ratePerSecond + "/s", "--duration", "2h", "--client-id", "workload"), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the client workload", e);
    }
    histories.add(history);
    events.record("process", "client-workload", "started " + workload + " at " + ratePerSecond + " writes/s");
    return history;
  }

  public void stopWorkload() {
    if (workload != null) {
      workload.signal(Signal.TERM);
      if (!workload.waitFor(Duration.ofSeconds(10))) {
        workload.killHard(Duration.ofSeconds(10));
      }
      events.record("process", "client-workload", "stopped");
    }
  }

  @Override
  public Path runProbeClient(String name, String firstTry, int writes, Duration timeout) {
    Path history = runDir.resolve("history-" + name + ".jsonl");
    try {
      Path clientConf = conf.forClients(name, proxies, firstTry);
      ChildProcess p = launch(Topology.CLIENTS, name, "mock-namenode", SMALL_JVM, LocalCluster.CLIENT_MAIN,
          List.of("--conf", clientConf.toString(), "--history", history.toString(), "--rate", "10/s", "--count",
              Integer.toString(writes), "--client-id", name), Map.of());
      histories.add(history);
      if (!p.waitFor(timeout)) {
        p.killHard(Duration.ofSeconds(10));
        events.record("process", name, "did not finish within " + timeout.toSeconds() + " s; killed");
      } else {
        events.record("process", name, writes + " writes trying " + firstTry + " first; exit " + p.exitCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start probe client " + name, e);
    }
    return history;
  }

  public List<Path> histories() {
    return List.copyOf(histories);
  }

  public Path journalDir() {
    return conf.spec().journalDir();
  }

  /** Each controller's {@code GET /v1/timeline}, or an error note when it does not answer. */
  public Map<String, JsonNode> timelines() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String nn : namenodeIds()) {
      String url = conf.adminUrl(nn) + "/v1/timeline";
      JsonNode node = getAdmin(url, TIMELINE_TIMEOUT).map(r -> {
        if (r.statusCode() != 200) {
          return (JsonNode) JSON.createObjectNode().put("error", "GET " + url + " answered " + r.statusCode());
        }
        try {
          return JSON.readTree(r.body());
        } catch (IOException e) {
          return (JsonNode) JSON.createObjectNode().put("error", "not JSON: " + e.getMessage());
        }
      }).orElseGet(() -> JSON.createObjectNode().put("error", "no answer from " + url + " within "
          + TIMELINE_TIMEOUT.toSeconds() + " s"));
      out.put(nn, node);
    }
    return out;
  }

  @Override
  public EventLog events() {
    return events;
  }

  @Override
  public List<String> namenodeIds() {
    return conf.spec().namenodeIds();
  }

  @Override
  public Optional<String> activeNameNode() {
    List<String> active = activeNameNodes();
    return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
  }

  /**
   * Every NameNode whose {@code /isActive} answers 200 now (Hadoop's convention: 405 when not active); two = split
   * brain in the making.
   */
  public List<String> activeNameNodes() {
    List<String> active = new ArrayList<>();
    for (String nn : namenodeIds()) {
      if (get(conf.httpUrl(nn) + "/isActive", Duration.ofMillis(500)).map(r -> r.statusCode() == 200)
          .orElse(false)) {
        active.add(nn);
      }
    }
    return active;
  }

  /** GET with a timeout; empty when the server does not answer. */
  private Optional<HttpResponse<String>> getAdmin(String url, Duration timeout) {
    return LocalCluster.getAdmin(http, url, timeout, conf.adminTokenFile());
  }

  private Optional<HttpResponse<String>> get(String url, Duration timeout) {
    return LocalCluster.get(http, url, timeout);
  }

  /**
   * Waits until one NameNode is active, no controller is in the middle of a promotion, and two polls 100 ms apart
   * agree. A NameNode resumed from a pause says ACTIVE until it is demoted or fenced, while the other controller
   * may be fencing it (an sshfence kills it): without the promotion check the kit once took that moment for the
   * settled state and aimed its next fault at a process the fence killed right after.
   */
  @Override
  public Optional<String> awaitSingleActive(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Optional<String> previous = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      Optional<String> active = activeNameNode().filter(a -> promotingControllers().isEmpty());
      if (active.isPresent() && active.equals(previous)) {
        return active;
      }
      previous = active;
      Sleep.pause(Duration.ofMillis(100));
    }
    return Optional.empty();
  }

  /** The controllers whose {@code GET /v1/status} says BECOMING_ACTIVE; one that does not answer says nothing. */
  public List<String> promotingControllers() {
    List<String> promoting = new ArrayList<>();
    for (String nn : controllers.keySet()) {
      getAdmin(conf.adminUrl(nn) + "/v1/status", Duration.ofMillis(500)).filter(r -> r.statusCode() == 200)
          .filter(r -> "BECOMING_ACTIVE".equals(stateOf(r.body()))).ifPresent(r -> promoting.add(nn));
    }
    return promoting;
  }

  private static String stateOf(String statusJson) {
    try {
      return JSON.readTree(statusJson).path("state").asText();
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public String signal(Role role, String id, Signal signal) {
    ChildProcess p = role == Role.NAMENODE ? namenode(id) : controller(id);
    p.signal(signal);
    return "SIG" + signal + " " + p;
  }

  @Override
  public String kill(Role role, String id) {
    ChildProcess p = role == Role.NAMENODE ? namenode(id) : controller(id);
    String what = p.toString();
    p.killHard(Duration.ofSeconds(10));
    return "kill -9 " + what;
  }

  public ChildProcess namenode(String id) {
    return require(namenodes, id, "NameNode");
  }

  public ChildProcess controller(String id) {
    return require(controllers, id, "controller");
  }

  private static ChildProcess require(Map<String, ChildProcess> map, String id, String what) {
    ChildProcess p = map.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no " + what + " " + id + " in " + map.keySet());
    }
    return p;
  }

  /**
   * The supervisor an operator runs (Hadoop's docs ask for one around the ZKFC): restarts every NameNode or
   * controller of this run that has exited, e.g. a controller that gave up because ZooKeeper was unreachable when
   * it started. Called between fault steps, never during one. Returns what it restarted.
   */
  public List<String> supervise() {
    List<String> restarted = new ArrayList<>();
    for (String nn : namenodeIds()) {
      if (!namenode(nn).isAlive()) {
        restarted.add(nn + " (exited " + namenode(nn).exitCode() + ")");
        restartNameNode(nn);
      }
      if (controllers.containsKey(nn) && !controller(nn).isAlive()) {
        restarted.add("zkfc-" + nn + " (exited " + controller(nn).exitCode() + ")");
        restartController(nn);
      }
    }
    return restarted;
  }

  /**
   * Starts the NameNode again. In namespace mode the new active's sshfence runs {@code fuser -k} on the old
   * active's port, and when the restart comes before that fence (a short hold, a slow start), the fence kills
   * the restarted process: SIGKILL, exit 137. That is the fence doing its job, so the kit starts it once more
   * (at most {@link #FENCED_RESTARTS} times) and records it; any other early exit fails the heal.
   */
  @Override
  public void restartNameNode(String id) {
    try {
      if (namenode(id).isAlive()) {
        namenode(id).killHard(Duration.ofSeconds(10));
      }
      for (int attempt = 0; ; attempt++) {
        namenodes.put(id, startNameNode(id));
        try {
          awaitAnswering(id, START_WAIT);
          return;
        } catch (IllegalStateException e) {
          if (namenode(id).isAlive() || namenode(id).exitCode() != SIGKILL_EXIT || attempt == FENCED_RESTARTS) {
            throw e;
          }
          events.record("restart", id, "the restarted " + id + " was killed while starting (exit 137, fenced by "
              + "the new active); starting it again");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restart " + id, e);
    }
  }

  @Override
  public void restartController(String id) {
    try {
      if (controller(id).isAlive()) {
        controller(id).killHard(Duration.ofSeconds(10));
      }
      startController(id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restart zkfc-" + id, e);
    }
  }

  private void awaitAnswering(String nn, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (get(conf.httpUrl(nn) + "/isActive", Duration.ofMillis(500)).isPresent()) {
        return;
      }
      if (!namenode(nn).isAlive()) {
        throw new IllegalStateException(nn + " exited with " + namenode(nn).exitCode() + "; see "
            + namenode(nn).logFile());
      }
      Sleep.pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException(nn + " did not answer on " + conf.httpUrl(nn) + " within "
        + timeout.toSeconds() + " s; see " + namenode(nn).logFile());
  }

  @Override
  public void injectNameNodeFault(String id, String faultSpec) {
    String url = conf.httpUrl(id) + "/v1/faults";
    String body = JSON.createObjectNode().put("fault", faultSpec).toString();
    int status = Http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    if (status != 200) {
      throw new IllegalStateException("POST " + url + " " + body + " answered " + status);
    }
  }

  @Override
  public boolean clearNameNodeFault(String id, String fault) {
    String url = conf.httpUrl(id) + "/v1/faults/" + fault;
    return Http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).DELETE().build()) == 200;
  }

  @Override
  public boolean clearNameNodeFaults(String id) {
    String url = conf.httpUrl(id) + "/v1/faults";
    return Http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).DELETE().build()) == 200;
  }

  @Override
  public ZooKeeperControl zookeeper() {
    return zookeeper;
  }

  @Override
  public Optional<Links> links() {
    return Optional.ofNullable(links);
  }

  public Topology topology() {
    return topology;
  }

  @Override
  public boolean setControllerClockOffset(String id, String offset) {
    if (!setup.fakeClocks()) {
      return false;
    }
    FakeClock.set(clockFile(id), offset);
    return true;
  }

  @Override
  public Duration sessionTimeout() {
    return config.nameservice(conf.spec().nameserviceId()).orElseThrow().zookeeper().sessionTimeout();
  }

  /** Ends every process of this run by PID (ZooKeeper belongs to the caller), closes the proxies. */
  @Override
  public void close() {
    kit.close();
    proxies.ifPresent(LoopbackLinks::close);
    try {
      blackHole.close();
    } catch (IOException e) {
      log.warn("{}: cannot close the black-hole listener: {}", runId, e.toString());
    }
  }
}
