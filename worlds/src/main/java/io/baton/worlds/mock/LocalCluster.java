package io.baton.worlds.mock;

import io.baton.worlds.process.ChildProcess;
import io.baton.worlds.process.ProcessKit;
import io.baton.worlds.process.ModuleClasspath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the processes of a {@link LocalClusterSpec}: the journal node, the mock NameNodes, a controller per
 * NameNode and client workloads, each a real JVM started through the same main classes as bin/baton.
 * ZooKeeper is not started here (the demo embeds one, the chaos kit runs an ensemble).
 */
public final class LocalCluster implements AutoCloseable {
  public static final String NAMENODE_MAIN = "io.baton.mock.NameNodeMain";
  public static final String JOURNALNODE_MAIN = "io.baton.mock.journal.JournalNodeMain";
  public static final String CLIENT_MAIN = "io.baton.mock.client.ClientMain";
  public static final String CHECK_MAIN = "io.baton.mock.check.CheckMain";
  public static final String ZKFC_MAIN = "io.baton.controller.ZkfcMain";

  private static final List<String> SMALL_JVM = List.of("-Xmx256m");

  private final LocalClusterSpec spec;
  private final ProcessKit kit;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private final Map<String, ChildProcess> namenodes = new HashMap<>();
  private final Map<String, ChildProcess> controllers = new HashMap<>();
  private ChildProcess journal;

  public LocalCluster(LocalClusterSpec spec, ProcessKit kit) throws IOException {
    this.spec = spec;
    this.kit = kit;
    spec.writeConf();
  }

  public LocalClusterSpec spec() {
    return spec;
  }

  public ProcessKit kit() {
    return kit;
  }

  private List<String> conf(String... more) {
    List<String> args = new ArrayList<>(List.of("--conf", spec.confDir().toString()));
    args.addAll(List.of(more));
    return args;
  }

  public ChildProcess startJournal(String... extraArgs) throws IOException {
    journal = kit.startJava("journalnode", ModuleClasspath.of("mock-namenode"), SMALL_JVM, JOURNALNODE_MAIN,
        conf(extraArgs), Map.of());
    return journal;
  }

  public ChildProcess startNameNode(String id, String... extraArgs) throws IOException {
    List<String> args = conf("--id", id);
    args.addAll(List.of(extraArgs));
    ChildProcess p = kit.startJava(id, ModuleClasspath.of("mock-namenode"), SMALL_JVM, NAMENODE_MAIN, args,
        Map.of());
    namenodes.put(id, p);
    return p;
  }

  public ChildProcess startController(String id, String... extraArgs) throws IOException {
    List<String> args = conf("--id", id);
    args.addAll(List.of(extraArgs));
    ChildProcess p = kit.startJava("zkfc-" + id, ModuleClasspath.of("failover-controller"),
        ProcessKit.CONTROLLER_JVM, ZKFC_MAIN, args, ProcessKit.CONTROLLER_ENV);
    controllers.put(id, p);
    return p;
  }

  /** {@code zkfc -formatZK -force -nonInteractive} for the nameservice; returns its exit code. */
  public int formatZooKeeper(Duration timeout) throws IOException {
    String first = spec.namenodeIds().get(0);
    ChildProcess p = kit.startJava("formatZK", ModuleClasspath.of("failover-controller"), SMALL_JVM, ZKFC_MAIN,
        conf("--id", first, "-formatZK", "-force", "-nonInteractive"), Map.of());
    if (!p.waitFor(timeout)) {
      p.killHard(Duration.ofSeconds(5));
      throw new IllegalStateException("zkfc -formatZK did not finish within " + timeout + "; see " + p.logFile());
    }
    return p.exitCode();
  }

  public ChildProcess startClient(String name, Path history, List<String> options) throws IOException {
    List<String> args = conf("--history", history.toString());
    args.addAll(options);
    return kit.startJava(name, ModuleClasspath.of("mock-namenode"), SMALL_JVM, CLIENT_MAIN, args, Map.of());
  }

  public Optional<ChildProcess> namenodeProcess(String id) {
    return Optional.ofNullable(namenodes.get(id));
  }

  public Optional<ChildProcess> controllerProcess(String id) {
    return Optional.ofNullable(controllers.get(id));
  }

  public Optional<ChildProcess> journalProcess() {
    return Optional.ofNullable(journal);
  }

  /** The NameNodes whose {@code /isActive} answers 200 right now (Hadoop's convention: 405 when not active). */
  public List<String> activeNameNodes() {
    List<String> active = new ArrayList<>();
    for (String id : spec.namenodeIds()) {
      if (get(spec.httpUrl(id) + "/isActive", Duration.ofMillis(500)).map(r -> r.statusCode() == 200)
          .orElse(false)) {
        active.add(id);
      }
    }
    return active;
  }

  /** Waits until exactly one NameNode is active and returns it. */
  public String awaitSingleActive(Duration timeout) {
    return io.baton.worlds.SingleActive.await(this::activeNameNodes, timeout, () -> "logs in " + kit.workDir());
  }


  /** GET with a timeout; empty when the server does not answer. */
  public Optional<HttpResponse<String>> get(String url, Duration timeout) {
    return get(http, url, timeout);
  }

  /** GET through the given client with a timeout; empty when the server does not answer. */
  public static Optional<HttpResponse<String>> get(HttpClient http, String url, Duration timeout) {
    return send(http, HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
  }

  private static Optional<HttpResponse<String>> send(HttpClient http, HttpRequest request) {
    try {
      return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * GET of a controller's admin API with the token from {@code tokenFile} once a controller has created it: reads
   * from another host's address need it ({@code controller.admin-read-access: loopback}).
   */
  public static Optional<HttpResponse<String>> getAdmin(HttpClient http, String url, Duration timeout,
      Path tokenFile) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
    try {
      if (Files.isReadable(tokenFile)) {
        request.header("Authorization", "Bearer " + Files.readString(tokenFile).strip());
      }
    } catch (IOException e) {
      // not readable after all: ask without it, as a caller on loopback may
    }
    return send(http, request.build());
  }

  @Override
  public void close() {
    kit.close();
  }

  /** Between polls of real processes (there is nothing to be signalled by). */
  public static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
