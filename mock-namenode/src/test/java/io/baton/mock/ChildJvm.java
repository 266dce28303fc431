package io.baton.mock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** A child JVM on the test classpath, stopped by PID (destroyForcibly + waitFor) in {@link #close()}. */
public final class ChildJvm implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  public final String name;
  public final Process process;
  public final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  public static ChildJvm start(String name, Path logDir, Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m",
        "-Dhadoop.home.dir=" + logDir, "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    Path log = logDir.resolve(name + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChildJvm(name, p, log);
  }

  /** Waits until {@code url} answers HTTP at all (any status), or fails naming the log. */
  public Duration awaitHttp(String url, Duration timeout) {
    long t0 = System.nanoTime();
    Awaitility.await(name + " answering " + url + " (log " + log + ")").atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .failFast(name + " exited before answering", () -> {
          if (!process.isAlive()) {
            throw new AssertionError(name + " exited with code " + process.exitValue() + "; its log ends:\n"
                + logTail(40));
          }
        })
        .until(() -> answers(url));
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  /** The last {@code lines} lines of the child's log (the log goes away with the test's temp folder). */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  private static boolean answers(String url) {
    try {
      HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
