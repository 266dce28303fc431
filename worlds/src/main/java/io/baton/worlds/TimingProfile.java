package io.baton.worlds;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hadoop timing keys for a local cluster: Hadoop's defaults, or a tuned profile for demos and tests. */
public enum TimingProfile {
  /** Hadoop's shipped defaults (hadoop-ha.md §8): what an operator gets without tuning. */
  HADOOP_DEFAULTS(Map.of()),
  /** Short intervals for a demo or a test that should fail over in well under a second after a crash. */
  FAST(fastKeys()),
  /**
   * {@link #FAST} for real NameNodes: a real NameNode does not answer health checks during its 2-4 s
   * transitionToActive (it holds its lock while it recovers the journal), so the health RPC may take 10 s.
   */
  FAST_REAL_NAMENODES(with(fastKeys(), "ha.health-monitor.rpc-timeout.ms", "10000"));

  private final Map<String, String> hadoopKeys;

  TimingProfile(Map<String, String> hadoopKeys) {
    this.hadoopKeys = hadoopKeys;
  }

  public Map<String, String> hadoopKeys() {
    return hadoopKeys;
  }

  /** {@code ha.zookeeper.session-timeout.ms} of this profile (Hadoop's default, 10 s, when it keeps the default). */
  public Duration sessionTimeout() {
    return Duration.ofMillis(Long.parseLong(hadoopKeys.getOrDefault("ha.zookeeper.session-timeout.ms", "10000")));
  }

  private static Map<String, String> fastKeys() {
    return orderedMap(
        "ha.zookeeper.session-timeout.ms", "4000",
        "ha.health-monitor.check-interval.ms", "200",
        "ha.health-monitor.connect-retry-interval.ms", "200",
        "ha.health-monitor.sleep-after-disconnect.ms", "200",
        "ha.health-monitor.rpc-timeout.ms", "2000",
        "ha.failover-controller.graceful-fence.rpc-timeout.ms", "1000",
        "ha.failover-controller.graceful-fence.connection.retries", "0",
        "ha.failover-controller.new-active.rpc-timeout.ms", "10000",
        "ha.failover-controller.cli-check.rpc-timeout.ms", "5000",
        "ipc.client.connect.max.retries", "0",
        "ipc.client.connect.retry.interval", "100",
        "ipc.client.connect.timeout", "2000");
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(base);
    m.put(key, value);
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
