package io.baton.worlds.hadoop;

import io.baton.worlds.SingleActive;
import io.baton.worlds.zk.ZooKeeperEnsemble;
import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.mock.LocalCluster;
import io.baton.worlds.process.ModuleClasspath;
import io.baton.worlds.process.ProcessKit;
import io.baton.worlds.process.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "hadoop" world: real Hadoop 3.5.0 NameNodes and JournalNodes, a ZooKeeper server, and per NameNode the
 * controller its spec names (Baton's, Hadoop's ZKFC, or none), each a child JVM whose PID the world's
 * {@link ProcessKit} holds. Set up in Hadoop's order: ZooKeeper, JournalNodes, {@code -format} on nn1, nn1,
 * {@code -bootstrapStandby} on the others, the others, {@code zkfc -formatZK}, the controllers. A failed start
 * ends every process it started and names the daemon with its log tail.
 */
public final class HadoopWorld implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HadoopWorld.class);
  public static final String BATON_ZKFC_MAIN = "io.baton.controller.ZkfcMain";
  public static final String BATON_HAADMIN_MAIN = "io.baton.controller.haadmin.HaAdminMain";
  private static final Duration DAEMON_START = Duration.ofSeconds(60);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  /** Hadoop 3.5 on Java 17 reflects into these packages (as Hadoop's own launch scripts open them). */
  private static final List<String> OPENS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED");

  private static final java.net.http.HttpClient ADMIN_HTTP = java.net.http.HttpClient.newBuilder()
      .connectTimeout(Duration.ofMillis(500)).build();
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final HadoopWorldSpec spec;
  private final ProcessKit kit;
  private final HadoopPorts ports;
  private final NameNodeProbe probe = new NameNodeProbe(Duration.ofSeconds(2));
  private final AtomicInteger commandSeq = new AtomicInteger();
  private final Map<String, ChildProcess> namenodes = new LinkedHashMap<>();
  private final Map<String, ChildProcess> controllers = new LinkedHashMap<>();
  private final Map<String, ControllerKind> controllerKinds = new LinkedHashMap<>();
  private final List<ChildProcess> journalNodes = new ArrayList<>();
  private HadoopDaemons daemons;
  private ZooKeeperEnsemble zookeeper;

  private HadoopWorld(HadoopWorldSpec spec, ProcessKit kit) {
    this.spec = spec;
    this.kit = kit;
    this.ports = HadoopPorts.allocate(spec);
  }

  /** Starts the whole world; on any failure ends what it started and rethrows. */
  public static HadoopWorld start(HadoopWorldSpec spec) throws IOException {
    HadoopWorld world = new HadoopWorld(spec, new ProcessKit(spec.workDir()));
    try {
      world.startAll();
      return world;
    } catch (IOException | RuntimeException e) {
      world.close();
      throw e;
    }
  }

  private void startAll() throws IOException {
    Instant t0 = Instant.now();
    daemons = HadoopDaemons.locate(spec.workDir());
    zookeeper = new ZooKeeperEnsemble(kit, 1);
    zookeeper.start(Duration.ofSeconds(30));
    new HadoopConfWriter(spec, ports, zookeeper.connectString()).writeAll();
    startJournalNodes();
    String first = spec.namenodeIds().get(0);
    runHadoop("format-" + first, first, HadoopDaemons.NAMENODE, "-format", "-nonInteractive", "-force").orThrow();
    startNameNode(first);
    for (String other : spec.namenodeIds().subList(1, spec.namenodeIds().size())) {
      runHadoop("bootstrap-" + other, other, HadoopDaemons.NAMENODE, "-bootstrapStandby", "-nonInteractive",
          "-force").orThrow();
      if (spec.isObserver(other)) {
        startNameNode(other, "-observer");
      } else {
        startNameNode(other);
      }
    }
    if (spec.controllers().stream().anyMatch(k -> k != ControllerKind.NONE)) {
      runHadoop("formatZK", first, HadoopDaemons.ZKFC, "-formatZK", "-force", "-nonInteractive").orThrow();
    }
    for (String id : spec.namenodeIds()) {
      startController(id, spec.controller(id));
    }
    log.info("hadoop world up in {} ms ({} NameNodes, {} JournalNodes, controllers {})",
        Duration.between(t0, Instant.now()).toMillis(), spec.namenodeIds().size(), spec.journalNodes(),
        spec.controllers());
  }

  private void startJournalNodes() throws IOException {
    Path conf = confDir(spec.namenodeIds().get(0));
    for (int i = 0; i < ports.journalNodes().size(); i++) {
      HadoopPorts.JournalNodePorts p = ports.journalNodes().get(i);
      Path edits = Files.createDirectories(spec.workDir().resolve("jn" + (i + 1)));
      ChildProcess jn = kit.startJava("jn" + (i + 1), daemons.classpath(conf), daemonJvm(), HadoopDaemons.JOURNALNODE,
          List.of("-Ddfs.journalnode.rpc-address=" + HadoopConfWriter.HOST + ":" + p.rpc(),
              "-Ddfs.journalnode.http-address=" + HadoopConfWriter.HOST + ":" + p.http(),
              "-Ddfs.journalnode.edits.dir=" + edits.toAbsolutePath()), Map.of());
      journalNodes.add(jn);
    }
    for (int i = 0; i < journalNodes.size(); i++) {
      awaitPort(journalNodes.get(i), ports.journalNodes().get(i).rpc());
    }
  }

  /** Starts (or restarts) a NameNode on its folder and waits for its RPC and HTTP ports. */
  public ChildProcess startNameNode(String id, String... args) throws IOException {
    ChildProcess nn = kit.startJava(id, daemons.classpath(confDir(id)), daemonJvm(), HadoopDaemons.NAMENODE,
        List.of(args), Map.of());
    namenodes.put(id, nn);
    awaitPort(nn, ports.namenode(id).rpc());
    awaitPort(nn, ports.namenode(id).http());
    return nn;
  }

  /** Starts the given controller beside NameNode {@code id} (none for {@link ControllerKind#NONE}). */
  public Optional<ChildProcess> startController(String id, ControllerKind kind) throws IOException {
    ChildProcess old = controllers.get(id);
    if (old != null && old.isAlive()) {
      throw new IllegalStateException("a " + controllerKinds.get(id) + " controller already runs for " + id
          + "; stopController(" + id + ") first");
    }
    controllerKinds.put(id, kind);
    ChildProcess p = switch (kind) {
      case NONE -> null;
      case BATON -> kit.startJava("baton-" + id, ModuleClasspath.of("failover-controller"), batonJvm(),
          BATON_ZKFC_MAIN, List.of("--conf", confDir(id).toString()),
          ProcessKit.CONTROLLER_ENV);
      case HADOOP_ZKFC -> kit.startJava("hadoop-zkfc-" + id, daemons.classpath(confDir(id)),
          join(ProcessKit.CONTROLLER_JVM, OPENS), HadoopDaemons.ZKFC, List.of(), ProcessKit.CONTROLLER_ENV);
    };
    if (p == null) {
      controllers.remove(id);
      return Optional.empty();
    }
    controllers.put(id, p);
    return Optional.of(p);
  }

  /** Ends NameNode {@code id}'s controller with SIGTERM (a graceful stop: it gives up its lock) and waits. */
  public void stopController(String id) {
    ChildProcess p = controllers.remove(id);
    controllerKinds.put(id, ControllerKind.NONE);
    if (p == null) {
      return;
    }
    p.signal(Signal.TERM);
    if (!p.waitFor(Duration.ofSeconds(20))) {
      p.killHard(Duration.ofSeconds(10));
    }
  }

  /** kill -9 of JournalNode {@code index} (0-based) and waits until it is gone. */
  public void killJournalNode(int index) {
    journalNodes.get(index).killHard(Duration.ofSeconds(10));
  }

  /** kill -9 of NameNode {@code id}'s process; returns once the signal has left. */
  public void killNameNode(String id) {
    namenode(id).signal(Signal.KILL);
  }

  public ChildProcess namenode(String id) {
    ChildProcess p = namenodes.get(id);
    if (p == null) {
      throw new IllegalArgumentException("NameNode " + id + " was not started (" + namenodes.keySet() + ")");
    }
    return p;
  }

  public Optional<ChildProcess> controller(String id) {
    return Optional.ofNullable(controllers.get(id));
  }

  public ControllerKind controllerKind(String id) {
    return controllerKinds.getOrDefault(id, ControllerKind.NONE);
  }

  public HadoopWorldSpec spec() {
    return spec;
  }

  public HadoopPorts ports() {
    return ports;
  }

  public ZooKeeperEnsemble zookeeper() {
    return zookeeper;
  }

  public NameNodeProbe probe() {
    return probe;
  }

  public Path confDir(String id) {
    return HadoopConfWriter.confDir(spec.workDir(), id);
  }

  /** The NameNodes whose /isActive answers 200 right now. */
  public List<String> activeNameNodes() {
    return spec.namenodeIds().stream()
        .filter(id -> probe.isActive(ports.namenode(id).http()).orElse(false)).toList();
  }

  /** Waits until exactly one NameNode answers /isActive with 200 and returns it. */
  public String awaitSingleActive(Duration timeout) {
    return SingleActive.await(this::activeNameNodes, timeout,
        () -> "states " + states() + "; logs in " + spec.workDir());
  }


  /** Polls NameNode {@code id}'s /isActive every 10 ms until it answers 200; returns when it did. */
  public Instant awaitActive(String id, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (probe.isActive(ports.namenode(id).http()).orElse(false)) {
        return Instant.now();
      }
      pause(Duration.ofMillis(10));
    }
    throw new IllegalStateException(id + " did not become active within " + timeout + " (states " + states()
        + "); logs in " + spec.workDir());
  }

  /**
   * Waits until Baton's controller beside {@code id} reports, on its admin API, a healthy NameNode and a place in
   * the election: from then on it can take part in a failover (hdfs haadmin -failover reaches it).
   */
  public void awaitBatonReady(String id, Duration timeout) {
    String url = "http://" + HadoopConfWriter.HOST + ":" + ports.namenode(id).admin() + "/v1/status";
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      Optional<String> body = LocalCluster.get(ADMIN_HTTP, url, Duration.ofSeconds(1))
          .filter(r -> r.statusCode() == 200).map(java.net.http.HttpResponse::body);
      if (body.isPresent()) {
        last = body.get();
        try {
          com.fasterxml.jackson.databind.JsonNode status = JSON.readTree(last);
          if (status.path("health").asText().equals("HEALTHY") && status.path("inElection").asBoolean()) {
            return;
          }
        } catch (IOException e) {
          last = "unreadable status: " + e.getMessage();
        }
      }
      pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException("Baton's controller for " + id + " was not healthy and in the election within "
        + timeout + "; last status: " + last + "; log " + controller(id).map(ChildProcess::logFile).orElse(null));
  }

  /** The state each NameNode's JMX reports ("active", "standby", "observer"; "down" when it does not answer). */
  public Map<String, String> states() {
    Map<String, String> states = new LinkedHashMap<>();
    for (String id : spec.namenodeIds()) {
      states.put(id, probe.status(ports.namenode(id).http()).map(NameNodeProbe.Status::state).orElse("down"));
    }
    return states;
  }

  /** {@code hdfs haadmin ARGS} (Hadoop's DFSHAAdmin) on NameNode {@code id}'s conf folder. */
  public CommandResult haadmin(String id, String... args) throws IOException {
    return runHadoop("haadmin", id, HadoopDaemons.HAADMIN, args);
  }

  /** Baton's {@code bin/haadmin ARGS} (its main class) on NameNode {@code id}'s unchanged Hadoop folder. */
  public CommandResult batonHaadmin(String id, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--conf", confDir(id).toString()));
    all.addAll(List.of(args));
    String logName = "baton-haadmin-" + commandSeq.incrementAndGet();
    ChildProcess p = kit.startJava(logName, ModuleClasspath.of("failover-controller"), batonJvm(),
        BATON_HAADMIN_MAIN, all, ProcessKit.CONTROLLER_ENV);
    return awaitCommand("baton haadmin", args, p);
  }

  /** {@code hdfs dfs ARGS} (Hadoop's FsShell, a real HDFS client failing over between the NameNodes). */
  public CommandResult fs(String... args) throws IOException {
    return runHadoop("fs", spec.namenodeIds().get(0), HadoopDaemons.FS_SHELL, args);
  }

  /** Runs a Hadoop main on {@code id}'s conf folder to its end (bounded), its output in the result. */
  public CommandResult runHadoop(String name, String id, String mainClass, String... args) throws IOException {
    String logName = name + "-" + commandSeq.incrementAndGet();
    ChildProcess p = kit.startJava(logName, daemons.classpath(confDir(id)), join(List.of("-Xmx256m"), OPENS),
        mainClass, List.of(args), Map.of());
    return awaitCommand(name, args, p);
  }

  private CommandResult awaitCommand(String name, String[] args, ChildProcess p) throws IOException {
    String command = name + " " + String.join(" ", args);
    if (!p.waitFor(COMMAND_TIMEOUT)) {
      p.killHard(Duration.ofSeconds(10));
      throw new IllegalStateException(command + " did not finish within " + COMMAND_TIMEOUT + "; its log:\n"
          + tail(p.logFile(), 40));
    }
    return new CommandResult(command, p.exitCode(), Files.readString(p.logFile(), StandardCharsets.UTF_8));
  }

  /**
   * Baton's controllers and haadmin run on the unchanged Hadoop folders, so the admin token lives at its default,
   * ~/.baton/admin-token: their home is a folder of the world (one operator's home, shared by all of them), never
   * the real one.
   */
  private List<String> batonJvm() {
    return join(ProcessKit.CONTROLLER_JVM, List.of("-Duser.home=" + spec.workDir().resolve("home").toAbsolutePath()));
  }

  private List<String> daemonJvm() {
    return join(List.of("-Xmx384m", "-Djava.net.preferIPv4Stack=true"), OPENS);
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Waits until {@code port} accepts; a daemon that exits meanwhile or never binds fails with its log tail. */
  private void awaitPort(ChildProcess p, int port) {
    Instant deadline = Instant.now().plus(DAEMON_START);
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(p.name() + " exited with " + p.exitCode() + " before it listened on "
            + port + "; its log (" + p.logFile() + "):\n" + tail(p.logFile(), 40));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(HadoopConfWriter.HOST, port), 200);
        return;
      } catch (IOException notYet) {
        pause(Duration.ofMillis(100));
      }
    }
    throw new IllegalStateException(p.name() + " did not listen on " + port + " within " + DAEMON_START
        + "; its log (" + p.logFile() + "):\n" + tail(p.logFile(), 40));
  }

  /** The last lines of a log file, for error messages. */
  public static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void pause(Duration d) {
    LocalCluster.pause(d);
  }


  /** Ends every process of the world by PID (controllers first: the kit ends the newest first). */
  @Override
  public void close() {
    kit.close();
  }
}
