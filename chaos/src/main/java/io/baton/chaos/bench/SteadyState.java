package io.baton.chaos.bench;

import io.baton.chaos.cluster.Sleep;
import io.baton.worlds.process.ChildProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An idle window with no faults and no client: each controller's resident memory at the end and CPU time
 * during the window, and the requests ZooKeeper received (each world has its own ZooKeeper server, so the
 * count is that controller pair's alone). Rates are per minute of the window.
 */
final class SteadyState {
  private SteadyState() {}

  /** One world's idle figures. */
  record Result(ControllerKind controller, Duration window, long maxRssKb, double cpuMillisPerMinute,
      double zookeeperRequestsPerMinute) {}

  static List<Result> measure(List<BenchCluster> worlds, Duration window) {
    Map<BenchCluster, long[]> before = new LinkedHashMap<>();
    for (BenchCluster w : worlds) {
      before.put(w, new long[] {cpu(w), ProcStats.zookeeperPacketsReceived(w.zookeeperConnect()).orElse(-1L)});
    }
    long start = System.nanoTime();
    Sleep.pause(window);
    double minutes = (System.nanoTime() - start) / 60e9;
    List<Result> results = new ArrayList<>();
    for (BenchCluster w : worlds) {
      long[] b = before.get(w);
      long zkAfter = ProcStats.zookeeperPacketsReceived(w.zookeeperConnect()).orElse(-1L);
      double zk = b[1] < 0 || zkAfter < 0 ? -1 : (zkAfter - b[1]) / minutes;
      long rss = controllers(w).stream().map(p -> ProcStats.rssKb(p.pid()).orElse(0L)).max(Long::compare).orElse(0L);
      double cpuPerController = (cpu(w) - b[0]) / minutes / Math.max(1, controllers(w).size());
      results.add(new Result(w.kind(), window, rss, cpuPerController, zk));
    }
    return results;
  }

  private static long cpu(BenchCluster w) {
    return controllers(w).stream().map(p -> ProcStats.cpuMillis(p.pid())).mapToLong(o -> o.orElse(0L)).sum();
  }

  private static List<ChildProcess> controllers(BenchCluster w) {
    return w.spec().namenodeIds().stream().map(w::controllerProcess).filter(p -> p != null && p.isAlive())
        .toList();
  }

  static Optional<Result> of(List<Result> results, ControllerKind kind) {
    return results.stream().filter(r -> r.controller() == kind).findFirst();
  }
}
