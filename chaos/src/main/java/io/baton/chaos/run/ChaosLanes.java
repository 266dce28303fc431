package io.baton.chaos.run;

import io.baton.chaos.report.RunReport;
import io.baton.chaos.schedule.Scenario;
import io.baton.worlds.TimingProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs scenarios on several lanes at once. A lane is a thread with its own {@link ChaosSession} (its own
 * three-server ZooKeeper ensemble), so a fault on one lane's ZooKeeper (leader kill, quorum loss) never reaches
 * another lane's run. Lanes take the next waiting scenario when they are free; with one lane this is the same as
 * running the scenarios one after the other. Loopback mode only (namespace mode has one set of hosts).
 */
public final class ChaosLanes implements AutoCloseable {
  private record Job(Scenario scenario, CompletableFuture<RunReport> result) {}

  private static final Job STOP = new Job(null, null);
  /** How long {@link #close()} lets a lane finish the run it is in: a run is bounded well below this. */
  static final Duration CLOSE_WAIT = Duration.ofMinutes(15);

  private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final int lanes;

  public ChaosLanes(RunSettings settings, PrintStream out, int lanes) {
    if (lanes < 1 || lanes > 4) {
      throw new IllegalArgumentException("lanes must be 1..4 (each lane runs a whole cluster), got " + lanes);
    }
    this.lanes = lanes;
    for (int i = 1; i <= lanes; i++) {
      String name = "lane-" + i;
      Thread t = new Thread(() -> serve(name, settings, out), "chaos-" + name);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** The scenarios with the longest expected fault time first, so that lanes that take them in order finish together. */
  public static List<Scenario> longestFirst(List<Scenario> scenarios, TimingProfile timing) {
    Duration session = timing.sessionTimeout();
    return scenarios.stream().sorted(Comparator.comparing((Scenario s) -> s.faultTime(session)).reversed()).toList();
  }

  /** Queues a scenario; the future completes with its report, or exceptionally when the run could not be made. */
  public CompletableFuture<RunReport> submit(Scenario scenario) {
    CompletableFuture<RunReport> result = new CompletableFuture<>();
    queue.add(new Job(scenario, result));
    return result;
  }

  private void serve(String name, RunSettings settings, PrintStream out) {
    ChaosSession session = null;
    IOException broken = null;
    try {
      session = new ChaosSession(settings, out, name);
    } catch (IOException | RuntimeException e) {
      broken = new IOException(name + ": cannot start its ZooKeeper ensemble: " + e.getMessage(), e);
    }
    try {
      while (true) {
        Job job = queue.take();
        if (job == STOP) {
          return;
        }
        if (session == null) {
          job.result().completeExceptionally(broken);
          continue;
        }
        try {
          job.result().complete(session.run(job.scenario()));
        } catch (IOException | RuntimeException e) {
          job.result().completeExceptionally(e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (session != null) {
        session.close();
      }
    }
  }

  /**
   * Cancels the runs that have not started, lets every lane finish the run it is in (each run is bounded by its
   * liveness bounds) for at most {@link #CLOSE_WAIT}, then ends each lane's ensemble by PID. A lane still busy
   * after that is interrupted, which ends its run and its ensemble on the way out.
   */
  @Override
  public void close() {
    List<Job> pending = new ArrayList<>();
    queue.drainTo(pending);
    pending.forEach(j -> j.result().cancel(false));
    for (int i = 0; i < lanes; i++) {
      queue.add(STOP);
    }
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    try {
      for (Thread t : threads) {
        TimeUnit.NANOSECONDS.timedJoin(t, Math.max(1, deadline - System.nanoTime()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Thread t : threads) {
      if (t.isAlive()) {
        t.interrupt();
      }
    }
  }
}
