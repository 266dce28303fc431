package io.baton.worlds.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process this kit started: it knows its PID and log file, and signals only that PID (never by name).
 */
public final class ChildProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);

  private final String name;
  private final Process process;
  private final Path logFile;

  ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends a signal to this process only, by PID: SIGKILL straight from this JVM (so the signal leaves when this
   * is called, which a benchmark's fault time relies on), the others through kill(1), which takes a process start.
   */
  public void signal(Signal signal) {
    if (sendSignal(signal)) {
      log.info("{}: sent SIG{} to pid {}", name, signal, pid());
    }
  }

  private boolean sendSignal(Signal signal) {
    if (!process.isAlive()) {
      return false;
    }
    if (signal == Signal.KILL) {
      process.destroyForcibly(); // kill(2) with SIGKILL on this PID
      return true;
    }
    try {
      Process kill = new ProcessBuilder("kill", "-s", signal.name(), Long.toString(pid()))
          .redirectErrorStream(true).start();
      if (!kill.waitFor(5, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        throw new IllegalStateException("kill -s " + signal + " " + pid() + " did not return within 5 s");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot send " + signal + " to " + name + " (pid " + pid() + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling " + name, e);
    }
    return true;
  }

  /** kill -9 and wait until the process is gone (so its ports are closed when this returns). */
  public void killHard(Duration wait) {
    if (!process.isAlive()) {
      return;
    }
    sendSignal(Signal.CONT); // so that a stopped process also runs its exit promptly
    process.destroyForcibly();
    waitFor(wait);
  }

  public boolean waitFor(Duration wait) {
    try {
      return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public int exitCode() {
    return process.exitValue();
  }

  @Override
  public void close() {
    killHard(Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return name + "(pid " + pid() + ")";
  }
}
