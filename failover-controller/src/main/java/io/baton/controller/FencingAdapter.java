package io.baton.controller;

import io.baton.config.ConfigException;
import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.core.FenceResult;
import io.baton.fencing.FenceAttempt;
import io.baton.fencing.FenceRequest;
import io.baton.fencing.FencingChain;
import io.baton.fencing.FencingReport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Builds a fencing chain per peer NameNode at start-up and maps its reports onto the core's {@link FenceResult}. */
public final class FencingAdapter {
  private FencingAdapter() {}

  /** @throws ConfigException when a peer's fencing configuration is unusable (the controller must not start) */
  public static Function<NameNodeConfig, FenceResult> chains(DeploymentConfig deployment, NameserviceConfig ns,
      String localId) throws ConfigException {
    return fencer(build(deployment, ns, localId));
  }

  /** One fencing chain per peer NameNode, by id. */
  public static Map<String, FencingChain> build(DeploymentConfig deployment, NameserviceConfig ns, String localId)
      throws ConfigException {
    Map<String, FencingChain> chains = new HashMap<>();
    for (NameNodeConfig nn : ns.namenodes()) {
      if (!nn.id().equals(localId)) {
        chains.put(nn.id(), FencingChain.create(deployment, nn));
      }
    }
    return chains;
  }

  /** The drills (pre-flight checks) of the chains, by target id. */
  public static Map<String, java.util.function.Supplier<io.baton.fencing.DrillReport>> drills(
      Map<String, FencingChain> chains) {
    Map<String, java.util.function.Supplier<io.baton.fencing.DrillReport>> drills = new HashMap<>();
    chains.forEach((id, chain) -> drills.put(id, chain::drill));
    return drills;
  }

  public static Function<NameNodeConfig, FenceResult> fencer(Map<String, FencingChain> chains) {
    return target -> {
      FencingChain chain = chains.get(target.id());
      if (chain == null) {
        return new FenceResult(false, "no fencing chain for " + target.id(), List.of(), Duration.ZERO);
      }
      return map(chain.fence(new FenceRequest(target, Optional.empty())));
    };
  }

  static FenceResult map(FencingReport report) {
    List<FenceResult.Attempt> attempts = report.attempts().stream().map(FencingAdapter::map).toList();
    return new FenceResult(report.fenced(), report.summary(), attempts, report.took());
  }

  private static FenceResult.Attempt map(FenceAttempt a) {
    return new FenceResult.Attempt(a.method(), a.outcome().name(), a.duration(), a.reason());
  }
}
