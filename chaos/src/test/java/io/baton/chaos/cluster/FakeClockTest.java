package io.baton.chaos.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeClockTest {
  private static final long HOUR_MS = 3_600_000;

  @Test
  void offsetsParseToNanoseconds() {
    assertThat(FakeClock.parseNanos("+1h")).isEqualTo(3_600_000_000_000L);
    assertThat(FakeClock.parseNanos("-30s")).isEqualTo(-30_000_000_000L);
    assertThat(FakeClock.parseNanos("+1.5m")).isEqualTo(90_000_000_000L);
    assertThat(FakeClock.parseNanos("+0")).isZero();
    assertThatThrownBy(() -> FakeClock.parseNanos("1h")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clock offset '1h' is not like +1h, -30s or +0");
  }

  /** The child JVM: prints "wall nano" every 100 ms from a scheduled executor (what the controller runs on). */
  public static final class Ticker {
    public static void main(String[] args) throws InterruptedException {
      ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
      s.scheduleWithFixedDelay(() -> System.out.println(System.currentTimeMillis() + " "
          + TimeUnit.NANOSECONDS.toMillis(System.nanoTime())), 0, 100, TimeUnit.MILLISECONDS);
      Thread.sleep(120_000); // the test ends it long before
      System.exit(0);
    }
  }

  private record Tick(long wall, long mono) {}

  /**
   * A step moves the wall clock of the child by the offset, forwards and back, while its monotonic clock and its
   * timed waits go on as before (libfaketime stalled a scheduled executor for the whole offset here). The
   * control: between steps, wall and monotonic clocks advance together.
   */
  @Test
  void aStepMovesOnlyTheWallClockAndScheduledWorkGoesOn(@TempDir Path dir) throws Exception {
    io.baton.chaos.TestParts.requireWallClockLibrary();
    Path offsetFile = dir.resolve("clock.rc");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), Ticker.class.getName()).redirectErrorStream(true);
    Map<String, String> env = new HashMap<>(FakeClock.environment(offsetFile));
    pb.environment().putAll(env);
    List<Tick> ticks = new CopyOnWriteArrayList<>();
    Process child = pb.start();
    try {
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            String[] f = line.trim().split(" ");
            if (f.length == 2 && f[0].matches("\\d+") && f[1].matches("\\d+")) {
              ticks.add(new Tick(Long.parseLong(f[0]), Long.parseLong(f[1])));
            }
          }
        } catch (java.io.IOException e) {
          // the child was ended
        }
      }, "ticker-reader");
      reader.setDaemon(true);
      reader.start();
      Duration deadline = Duration.ofSeconds(60); // JVM start on a loaded machine
      await().atMost(deadline).until(() -> ticks.size() >= 3);
      int before = ticks.size();
      FakeClock.set(offsetFile, "+1h");
      await().atMost(Duration.ofSeconds(20)).until(() -> ticks.size() >= before + 10);
      int afterForward = ticks.size();
      FakeClock.set(offsetFile, "-1h");
      await().atMost(Duration.ofSeconds(20)).until(() -> ticks.size() >= afterForward + 10);

      List<Tick> all = new ArrayList<>(ticks);
      Tick first = all.get(0);
      Tick preStep = all.get(before - 1);
      Tick forward = all.get(afterForward - 1);
      Tick back = all.get(all.size() - 1);
      assertThat(Math.abs((preStep.wall() - first.wall()) - (preStep.mono() - first.mono())))
          .as("control: without a step wall and monotonic advance together").isLessThan(1000);
      assertThat((forward.wall() - preStep.wall()) - (forward.mono() - preStep.mono()))
          .as("the forward step").isBetween(HOUR_MS - 1000, HOUR_MS + 1000);
      assertThat((back.wall() - forward.wall()) - (back.mono() - forward.mono()))
          .as("the step back").isBetween(-2 * HOUR_MS - 1000, -2 * HOUR_MS + 1000);
      assertThat(back.mono() - preStep.mono()).as("monotonic time only advances by the real time")
          .isBetween(1500L, 40_000L);
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
