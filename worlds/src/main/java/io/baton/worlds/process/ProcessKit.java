package io.baton.worlds.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts JVMs (ZooKeeper servers, NameNodes, controllers, clients), remembers every
 * PID it started and ends exactly those on close, also when the JVM exits through a shutdown hook.
 */
public final class ProcessKit implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProcessKit.class);

  /**
   * JVM options of a failover controller (Baton's, and Hadoop's ZKFC in the bench), on top of the defaults of
   * {@link #startJava}. A controller keeps about 20 MB live; without {@code -Xms} the JVM starts at 1/64 of the
   * machine's memory (here the whole {@code -Xmx}) and its young generation alone, about 80 MB, ends up
   * resident. A small start size keeps the young generation small; the heap still grows to {@code -Xmx} on
   * demand and gives memory back after a full collection.
   */
  public static final List<String> CONTROLLER_JVM = List.of("-Xmx256m", "-Xms32m", "-XX:MinHeapFreeRatio=20",
      "-XX:MaxHeapFreeRatio=40");
  /** Environment of a controller: two glibc malloc arenas instead of up to 8 per core for its ~40 threads. */
  public static final Map<String, String> CONTROLLER_ENV = Map.of("MALLOC_ARENA_MAX", "2");

  private final Path workDir;
  private final List<ChildProcess> started = new CopyOnWriteArrayList<>();
  private final Thread shutdownHook = new Thread(this::close, "process-kit-cleanup");

  public ProcessKit(Path workDir) throws IOException {
    this.workDir = Files.createDirectories(workDir);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  public Path workDir() {
    return workDir;
  }

  /** Starts {@code java [jvmArgs] -cp <our own classpath> mainClass args}. */
  public ChildProcess startJava(String name, List<String> jvmArgs, String mainClass, List<String> args,
      Map<String, String> env) throws IOException {
    return startJava(name, System.getProperty("java.class.path"), jvmArgs, mainClass, args, env);
  }

  /** Starts {@code java [jvmArgs] -cp classpath mainClass args}, output to {@code <workDir>/<name>.log}. */
  public ChildProcess startJava(String name, String classpath, List<String> jvmArgs, String mainClass,
      List<String> args, Map<String, String> env) throws IOException {
    return start(name, javaCommand(classpath, jvmArgs, mainClass, args), env);
  }

  /** The command line {@link #startJava} runs (for callers that wrap it, e.g. in {@code ip netns exec}). */
  public static List<String> javaCommand(String classpath, List<String> jvmArgs, String mainClass,
      List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError"));
    if (Runtime.version().feature() >= 24) {
      cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
    }
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** Starts any command; its output goes to {@code <workDir>/<name>.log}. */
  public ChildProcess start(String name, List<String> command, Map<String, String> env) throws IOException {
    Path logFile = workDir.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    ChildProcess child = new ChildProcess(name, pb.start(), logFile);
    started.add(child);
    log.info("{}: started pid {} ({})", name, child.pid(), String.join(" ", tail(command)));
    return child;
  }

  public List<ChildProcess> processes() {
    return List.copyOf(started);
  }

  /** Ends every process this kit started, by PID, newest first. */
  @Override
  public void close() {
    List<ChildProcess> all = new ArrayList<>(started);
    java.util.Collections.reverse(all);
    for (ChildProcess p : all) {
      try {
        p.killHard(Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        log.warn("{}: cleanup failed: {}", p.name(), e.toString());
      }
    }
    started.clear();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // close() is running from the hook itself
    }
  }

  private static List<String> tail(List<String> command) {
    int cp = command.indexOf("-cp");
    return cp < 0 ? command : command.subList(cp + 2, command.size());
  }
}
