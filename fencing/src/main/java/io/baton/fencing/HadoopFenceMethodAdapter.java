package io.baton.fencing;

import io.baton.config.NameserviceConfig;
import org.apache.hadoop.ha.BadFencingConfigurationException;

/**
 * Runs a Hadoop {@link org.apache.hadoop.ha.FenceMethod} (an existing custom fencer) as a Baton method. It
 * runs on the chain's fencing thread, so the chain's deadline holds even if {@code tryFence} blocks.
 */
final class HadoopFenceMethodAdapter implements FenceMethod {
  private final org.apache.hadoop.ha.FenceMethod method;

  HadoopFenceMethodAdapter(org.apache.hadoop.ha.FenceMethod method) {
    this.method = method;
  }

  @Override
  public FenceResult fence(FenceContext context) {
    boolean auto = context.deployment().nameservice(context.target().nameserviceId())
        .map(NameserviceConfig::automaticFailover).orElse(true);
    HadoopTarget target = new HadoopTarget(context.target(), auto);
    String name = method.getClass().getName();
    try {
      return method.tryFence(target, context.args().orElse(null))
          ? FenceResult.fenced(name + ".tryFence returned true")
          : FenceResult.failed(name + ".tryFence returned false");
    } catch (BadFencingConfigurationException e) {
      return FenceResult.failed(name + " reported a configuration problem: " + e.getMessage());
    }
  }

  @Override
  public CheckResult drill(FenceContext context) {
    return CheckResult.passed("arguments accepted by " + method.getClass().getName()
        + ".checkArgs; Hadoop fence methods have no pre-flight check");
  }
}
