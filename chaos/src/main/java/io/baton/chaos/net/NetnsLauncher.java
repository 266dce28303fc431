package io.baton.chaos.net;

import io.baton.worlds.process.ProcessKit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespace mode's outer half, in the root namespace: adds the guard route and the namespaces of a
 * {@link NetnsPlan} (a host per NameNode plus ZooKeeper, journal, clients and the kit), an sshd per NameNode host,
 * then runs the kit itself in its JVM inside the {@link Topology#KIT} namespace (so that every probe crosses the
 * test network) and waits for it. Cleanup runs on every exit path, including Ctrl-C, in this order: the kit's
 * JVM (SIGTERM, then SIGKILL), every process left in the namespaces (by PID: the namespaces are ours), the
 * sshds, the namespaces, and the guard route last.
 */
public final class NetnsLauncher {
  private static final Logger log = LoggerFactory.getLogger(NetnsLauncher.class);
  private static final Duration KIT_STOP_WAIT = Duration.ofSeconds(30);
  private static final int OCTET_TRIES = 20;
  private static final String KIT_MAIN = "io.baton.chaos.ChaosMain";
  private static final List<String> PASSED_PROPERTIES = List.of("baton.home", "baton.log.level", "hadoop.home.dir",
      "baton.command");

  private final NetnsPlan plan;
  private final List<String> namenodes;
  private final Path dir;
  private NetworkNamespaces namespaces;
  private ProcessKit kit;
  private Process kitJvm;
  private boolean cleaned;

  NetnsLauncher(NetnsPlan plan, List<String> namenodes, Path dir) {
    this.plan = plan;
    this.namenodes = List.copyOf(namenodes);
    this.dir = dir;
  }

  /** Why the namespace mode cannot run here, if it cannot. */
  public static java.util.Optional<String> unavailable() {
    if (!NetworkNamespaces.available()) {
      return java.util.Optional.of("--netns needs root and a working `ip netns` (iproute2); run as root, or "
          + "drop --netns for the loopback mode");
    }
    if (HostSshd.binary().isEmpty()) {
      return java.util.Optional.of("--netns runs an sshd per NameNode host: install openssh-server "
          + "(apt-get install -y --no-install-recommends openssh-server psmisc)");
    }
    return java.util.Optional.empty();
  }

  /**
   * Runs {@code baton chaos <kitArgs>} inside the namespaces and returns its exit code.
   *
   * @param kitArgs the command line for the kit, without {@code --netns}
   */
  public static int run(List<String> kitArgs, List<String> namenodes, Path workRoot, PrintStream out)
      throws IOException {
    NetnsPlan plan = new NetnsPlan(prefix(), freeOctet(), Topology.hosts(namenodes));
    NetnsLauncher launcher = new NetnsLauncher(plan, namenodes, workRoot.resolve("netns-" + plan.prefix()));
    Thread hook = new Thread(launcher::cleanup, "netns-launcher-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return launcher.launch(kitArgs, out);
    } finally {
      launcher.cleanup();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }

  private int launch(List<String> kitArgs, PrintStream out) throws IOException {
    synchronized (this) {
      namespaces = NetworkNamespaces.create(plan, false);
      kit = new ProcessKit(dir.resolve("logs"));
    }
    for (String nn : namenodes) {
      NetworkNamespaces.must(plan.blackHole(nn, Topology.SSH_BLACK_HOLE_PORT));
    }
    HostSshd sshd = HostSshd.start(plan, namenodes, dir.resolve("ssh"), kit);
    Topology topology = Topology.namespaces(plan, sshd.clientKey(), sshd.knownHosts());
    out.printf("namespaces: %s on %s (guard route: unreachable %s in the root namespace); sshd on %s port %d%n",
        plan.hosts(), plan.subnet(), plan.subnet(), namenodes, Topology.SSH_PORT);
    List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"));
    for (String property : PASSED_PROPERTIES) {
      String value = System.getProperty(property);
      if (value != null) {
        java.add("-D" + property + "=" + value);
      }
    }
    java.addAll(List.of("-cp", System.getProperty("java.class.path"), KIT_MAIN));
    java.addAll(kitArgs);
    ProcessBuilder pb = new ProcessBuilder(plan.exec(Topology.KIT, java)).inheritIO();
    pb.environment().putAll(topology.environment());
    Process p;
    synchronized (this) {
      if (cleaned) {
        throw new IllegalStateException("interrupted before the kit started");
      }
      p = pb.start();
      kitJvm = p;
    }
    log.info("{}: the kit runs in {} as pid {}", plan.prefix(), plan.namespace(Topology.KIT), p.pid());
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the kit ran", e);
    }
  }

  /** Idempotent; from the finally block or the shutdown hook, whichever comes first. */
  synchronized void cleanup() {
    if (cleaned) {
      return;
    }
    cleaned = true;
    if (kitJvm != null && kitJvm.isAlive()) {
      kitJvm.destroy(); // SIGTERM: its own hooks end its processes by PID
      try {
        if (!kitJvm.waitFor(KIT_STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
          kitJvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kitJvm.destroyForcibly();
      }
    }
    if (namespaces != null) {
      for (String host : plan.hosts()) {
        for (long pid : namespaces.pids(host)) {
          if (kit == null || kit.processes().stream().noneMatch(c -> c.pid() == pid)) {
            log.warn("{}: pid {} was left in {}; killing it", plan.prefix(), pid, plan.namespace(host));
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
          }
        }
      }
    }
    if (kit != null) {
      kit.close(); // the sshds, by PID
    }
    if (namespaces != null) {
      namespaces.close(); // namespaces, then the guard route
    }
  }

  /** 2-8 of [a-z0-9]: "bc" and four random characters, unique enough among concurrent runs. */
  static String prefix() {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder b = new StringBuilder("bc");
    for (int i = 0; i < 4; i++) {
      b.append(chars.charAt(random.nextInt(chars.length())));
    }
    return b.toString();
  }

  /** A 10.200.x.0/24 that no route of the root namespace mentions yet (another run's guard, or a real net). */
  static int freeOctet() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < OCTET_TRIES; i++) {
      int octet = 1 + random.nextInt(254);
      NetworkNamespaces.Result r = NetworkNamespaces.run(List.of("ip", "route", "show", "10.200." + octet + ".0/24"));
      if (r.exitCode() == 0 && r.output().isBlank()) {
        return octet;
      }
    }
    throw new IllegalStateException("no free 10.200.x.0/24 subnet after " + OCTET_TRIES + " tries; see `ip route`");
  }
}
