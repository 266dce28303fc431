package io.baton.controller.haadmin;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fencer that records whom it was asked to fence and answers as told (optionally killing a fake NameNode). */
final class RecordingFencer implements Fencer {
  final List<String> fenced = new CopyOnWriteArrayList<>();
  volatile boolean succeed = true;
  volatile boolean drillPasses = true;
  volatile Runnable onFence = () -> {};

  @Override
  public FenceResult fence(DeploymentConfig deployment, NameNodeConfig target, Optional<NameNodeConfig> source) {
    fenced.add(target.id() + (source.map(s -> " (source " + s.id() + ")").orElse("")));
    if (succeed) {
      onFence.run();
      return new FenceResult(true, "fenced " + target.id() + " by shell in 5 ms",
          List.of(new MethodResult("shell(/bin/true)", true, "exit 0", Duration.ofMillis(5))));
    }
    return new FenceResult(false, "every method failed for " + target.id(),
        List.of(new MethodResult("sshfence", false, "connect timed out", Duration.ofMillis(7))));
  }

  @Override
  public DrillResult drill(DeploymentConfig deployment, NameNodeConfig target) {
    return new DrillResult(drillPasses, List.of(
        new MethodResult("sshfence(root:22)", drillPasses, drillPasses ? "ssh ok, fuser present" : "ssh: connection refused",
            Duration.ofMillis(12)),
        new MethodResult("shell(/bin/true)", true, "bash present", Duration.ofMillis(1))));
  }
}
