package io.baton.chaos.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link NetnsPlan} on this machine: {@link #create} adds the guard route before any namespace and
 * {@link #close} removes everything (namespaces, then the guard) on every exit path, including a JVM shutdown.
 * Every command has a timeout. Processes inside the namespaces belong to the caller and must be ended by PID
 * before closing ({@code ip netns del} does not kill them).
 */
public final class NetworkNamespaces implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NetworkNamespaces.class);
  private static final long COMMAND_TIMEOUT_S = 10;

  private final NetnsPlan plan;
  private final Thread hook = new Thread(this::teardown, "netns-cleanup");
  private boolean created;
  /** Only a guard route this run added is removed: another run may own a route to the same subnet. */
  private boolean guardAdded;

  private NetworkNamespaces(NetnsPlan plan) {
    this.plan = plan;
  }

  /** True when this process is root and {@code ip netns} works: the namespace mode can run. */
  public static boolean available() {
    try {
      String status = Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII);
      boolean root = status.lines().anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
      return root && run(List.of("ip", "netns", "list")).exitCode() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Guard route, namespaces, bridge, addresses. On any failure everything created so far is removed. */
  public static NetworkNamespaces create(NetnsPlan plan) {
    return create(plan, true);
  }

  /**
   * As {@link #create(NetnsPlan)}; without a shutdown hook when the caller's own hook must end the processes
   * inside the namespaces first and then {@link #close} (hooks run concurrently, in no order).
   */
  public static NetworkNamespaces create(NetnsPlan plan, boolean shutdownHook) {
    NetworkNamespaces n = new NetworkNamespaces(plan);
    if (shutdownHook) {
      Runtime.getRuntime().addShutdownHook(n.hook);
    }
    n.created = true;
    try {
      for (List<String> cmd : plan.setup()) {
        must(cmd);
        if (cmd.equals(plan.guardAdd())) {
          n.guardAdded = true;
        }
      }
    } catch (RuntimeException e) {
      n.close();
      throw e;
    }
    log.info("{}: namespaces {} on {} (guard route: unreachable {} in the root namespace)", plan.prefix(),
        plan.hosts(), plan.subnet(), plan.subnet());
    return n;
  }

  public NetnsPlan plan() {
    return plan;
  }

  public void partition(String from, String to, boolean oneWay, boolean cut) {
    for (List<String> cmd : plan.partition(from, to, oneWay, cut)) {
      must(cmd);
    }
  }

  public void isolate(String host, boolean cut) {
    must(plan.isolate(host, cut));
  }

  /** The PIDs of every process inside the host's namespace (all of them were started by this run). */
  public List<Long> pids(String host) {
    Result r = run(List.of("ip", "netns", "pids", plan.namespace(host)));
    if (r.exitCode() != 0) {
      return List.of();
    }
    return r.output().lines().map(String::trim).filter(l -> l.matches("\\d+")).map(Long::parseLong).toList();
  }

  /** Runs a command and throws, naming it and its output, when it fails. */
  public static void must(List<String> cmd) {
    Result r = run(cmd);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + r.exitCode() + "): " + r.output());
    }
  }

  /** Removes the namespaces and then the guard route; errors are logged, every step is tried. */
  private synchronized void teardown() {
    if (!created) {
      return;
    }
    created = false;
    List<String> problems = new ArrayList<>();
    for (List<String> cmd : plan.teardown()) {
      if (cmd.equals(plan.guardDelete()) && !guardAdded) {
        continue;
      }
      Result r = run(cmd);
      if (r.exitCode() != 0 && !r.output().contains("No such file") && !r.output().contains("No such process")) {
        problems.add(String.join(" ", cmd) + ": " + r.output());
      }
    }
    if (!problems.isEmpty()) {
      log.warn("{}: cleanup problems: {}", plan.prefix(), problems);
    }
  }

  @Override
  public void close() {
    teardown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // close() runs from the hook itself
    }
  }

  /** The outcome of one command. */
  public record Result(int exitCode, String output) {}

  public static Result run(List<String> cmd) {
    Process p = null;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
        return new Result(-1, "did not finish within " + COMMAND_TIMEOUT_S + " s");
      }
      return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }
}
