package io.baton.chaos.verdict;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How long after the last heal an active NameNode must acknowledge a write, derived from the configuration: the
 * worst path is "the old active's session expires, the health check times out, the graceful fence times out, the
 * fencing chain uses its whole deadline, transitionToActive uses its whole timeout, one retry back-off, and a
 * failover deferred by the whole anti-flapping window", plus a
 * margin for process scheduling on a loaded machine.
 */
public record LivenessBound(Duration total, List<Term> terms) {

  /** One summand of the bound, with the configuration key it comes from. */
  public record Term(String what, String key, Duration value) {}

  public static final Duration MARGIN = Duration.ofSeconds(5);

  public LivenessBound {
    terms = List.copyOf(terms);
  }

  public static LivenessBound derive(DeploymentConfig conf, String nameserviceId) {
    NameserviceConfig ns = conf.nameservice(nameserviceId).orElseThrow(() -> new IllegalArgumentException(
        "nameservice " + nameserviceId + " is not configured; configured: " + conf.nameserviceIds()));
    List<Term> terms = new ArrayList<>();
    terms.add(new Term("ZooKeeper session expiry", "ha.zookeeper.session-timeout.ms",
        ns.zookeeper().sessionTimeout()));
    terms.add(new Term("health check times out", "ha.health-monitor.rpc-timeout.ms",
        conf.healthMonitor().rpcTimeout()));
    terms.add(new Term("next health check", "ha.health-monitor.check-interval.ms",
        conf.healthMonitor().checkInterval()));
    int tries = 1 + Math.max(0, conf.failover().gracefulFenceConnectionRetries());
    terms.add(new Term("graceful fence x " + tries, "ha.failover-controller.graceful-fence.rpc-timeout.ms",
        conf.failover().gracefulFenceRpcTimeout().multipliedBy(tries)));
    Duration fencing = ns.namenodes().stream().map(NameNodeConfig::fencing).map(f -> f.deadline())
        .max(Duration::compareTo).orElse(Duration.ZERO);
    terms.add(new Term("fencing chain deadline", "fencing.deadline", fencing));
    terms.add(new Term("transitionToActive", "ha.failover-controller.new-active.rpc-timeout.ms",
        conf.failover().newActiveRpcTimeout()));
    terms.add(new Term("retry back-off", "failover.retry-backoff", conf.failover().retryBackoff()));
    terms.add(new Term("anti-flapping deferral", "controller.anti-flapping-window",
        conf.controller().antiFlappingWindow()));
    terms.add(new Term("margin (scheduling on a loaded machine)", "-", MARGIN));
    return new LivenessBound(terms.stream().map(Term::value).reduce(Duration.ZERO, Duration::plus), terms);
  }

  /** e.g. {@code 33.2 s = session 4000 ms + health rpc 2000 ms + ...}. */
  public String derivation() {
    return String.format("%.1f s = ", total.toMillis() / 1000.0) + terms.stream()
        .map(t -> t.what() + " " + t.value().toMillis() + " ms (" + t.key() + ")")
        .collect(Collectors.joining(" + "));
  }
}
