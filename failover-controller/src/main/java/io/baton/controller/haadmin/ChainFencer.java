package io.baton.controller.haadmin;

import io.baton.config.ConfigException;
import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.fencing.DrillReport;
import io.baton.fencing.FenceAttempt;
import io.baton.fencing.FenceRequest;
import io.baton.fencing.FencingChain;
import io.baton.fencing.FencingReport;
import java.util.Optional;

/** {@link Fencer} over the fencing module's {@link FencingChain} of the target NameNode. */
final class ChainFencer implements Fencer {

  @Override
  public FenceResult fence(DeploymentConfig deployment, NameNodeConfig target, Optional<NameNodeConfig> source)
      throws HaAdminException {
    FencingReport report = chain(deployment, target).fence(new FenceRequest(target, source));
    return new FenceResult(report.fenced(), report.summary(), report.attempts().stream()
        .map(ChainFencer::result).toList());
  }

  @Override
  public DrillResult drill(DeploymentConfig deployment, NameNodeConfig target) throws HaAdminException {
    DrillReport report = chain(deployment, target).drill();
    return new DrillResult(report.allPassed(), report.results().stream()
        .map(r -> new MethodResult(r.method(), r.passed(), r.detail(), r.took())).toList());
  }

  private static FencingChain chain(DeploymentConfig deployment, NameNodeConfig target) throws HaAdminException {
    try {
      return FencingChain.create(deployment, target);
    } catch (ConfigException e) {
      throw new HaAdminException(ExitCode.CONFIG, "The fencing configuration of " + target.id() + " is unusable: "
          + e.getMessage(), e);
    }
  }

  private static MethodResult result(FenceAttempt a) {
    return new MethodResult(a.method(), a.fenced(), a.outcome() + ": " + a.reason(), a.duration());
  }
}
