package io.baton.fencing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code shell(command)}: runs the command with {@code bash -e -c} as Hadoop does, stdin closed, with an
 * allow-listed environment ({@link ShellEnvironment}). Exit 0 means fenced. On timeout the whole process
 * tree is killed. Unlike Hadoop, the text is one command even when it contains commas.
 */
final class ShellFenceMethod implements FenceMethod {
  private static final Duration DRILL_LIMIT = Duration.ofSeconds(5);
  private static final Duration OUTPUT_GRACE = Duration.ofMillis(500);

  private final String command;
  private final Map<String, String> ownEnvironment;

  ShellFenceMethod(String command) {
    this(command, System.getenv());
  }

  ShellFenceMethod(String command, Map<String, String> ownEnvironment) {
    this.command = command;
    this.ownEnvironment = Map.copyOf(ownEnvironment);
  }

  @Override
  public FenceResult fence(FenceContext ctx) throws InterruptedException {
    Process process;
    try {
      process = start(ctx, List.of(bash(), "-e", "-c", command));
    } catch (IOException e) {
      return FenceResult.failed("cannot start bash: " + e.getMessage());
    }
    List<Thread> pumps = List.of(
        pump(process.getInputStream(), ctx.output()::info, "stdout"),
        pump(process.getErrorStream(), ctx.output()::warn, "stderr"));
    long started = System.nanoTime();
    try {
      if (!process.waitFor(ctx.deadline().remaining().toMillis(), TimeUnit.MILLISECONDS)) {
        int killed = ProcessTree.kill(process.toHandle());
        joinAll(pumps, Duration.ofMillis(200));
        return FenceResult.timedOut("killed after " + elapsedMs(started) + " ms with its process tree ("
            + killed + " processes): the command did not finish within its timeout");
      }
      // a background child may hold the pipes open: read what is there, do not wait for it
      joinAll(pumps, min(OUTPUT_GRACE, ctx.deadline().remaining()));
    } catch (InterruptedException e) {
      ProcessTree.kill(process.toHandle());
      throw e;
    }
    int rc = process.exitValue();
    if (rc == 0) {
      return FenceResult.fenced("command exited 0");
    }
    return FenceResult.failed("command exited " + rc + (rc == 127 ? " (command not found)" : ""));
  }

  /** Checks that the command's program exists and is executable, and that the bash syntax is valid. */
  @Override
  public CheckResult drill(FenceContext ctx) throws InterruptedException {
    String program = program(command);
    // exit 3: program missing; exit 4: syntax error (bash's message on stdout); else the program's path
    List<String> check = List.of(bash(), "-c", "command -v -- \"$1\" >/dev/null || exit 3; bash -n -c \"$2\" 2>&1"
        + " || exit 4; command -v -- \"$1\"", "drill", program, command);
    Process process;
    try {
      process = start(ctx, check);
    } catch (IOException e) {
      return CheckResult.failed("cannot start bash: " + e.getMessage());
    }
    List<String> out = Collections.synchronizedList(new ArrayList<>());
    List<Thread> pumps = List.of(pump(process.getInputStream(), out::add, "stdout"),
        pump(process.getErrorStream(), out::add, "stderr"));
    int limit = ctx.deadline().capMillis(DRILL_LIMIT);
    try {
      if (!process.waitFor(limit, TimeUnit.MILLISECONDS)) {
        ProcessTree.kill(process.toHandle());
        return CheckResult.failed("the check of '" + program + "' did not finish within " + limit + " ms");
      }
      joinAll(pumps, Duration.ofMillis(500));
    } catch (InterruptedException e) {
      ProcessTree.kill(process.toHandle());
      throw e;
    }
    if (process.exitValue() == 3) {
      return CheckResult.failed("'" + program + "' is not an executable file or a command on PATH "
          + ownEnvironment.get("PATH"));
    }
    if (process.exitValue() != 0) {
      return CheckResult.failed("bash rejects the command: " + String.join(" / ", out));
    }
    return CheckResult.passed("'" + program + "' found" + (out.isEmpty() ? "" : " as " + out.get(0))
        + "; bash syntax ok");
  }

  /** The program a command runs: its first word after any leading VAR=value assignments. */
  static String program(String command) {
    for (String word : command.strip().split("[\\s;|&<>()]+")) {
      if (!word.isEmpty() && !word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        return word;
      }
    }
    return command.strip();
  }

  private Process start(FenceContext ctx, List<String> argv) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().clear();
    pb.environment().putAll(ShellEnvironment.of(ctx.target(), ctx.source(), ownEnvironment));
    Process process = pb.start();
    process.getOutputStream().close(); // stdin closed, as Hadoop: a command that reads input gets EOF
    return process;
  }

  private static String bash() {
    return Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "bash";
  }

  private static Thread pump(InputStream in, Consumer<String> sink, String name) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          sink.accept(line);
        }
      } catch (IOException e) {
        // the stream closes when the process is killed; nothing more to read
      } catch (UncheckedIOException e) {
        // same, from a sink
      }
    }, "fence-shell-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void joinAll(List<Thread> threads, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    for (Thread t : threads) {
      long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
      if (left > 0) {
        t.join(left);
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static long elapsedMs(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
