package io.baton.chaos.bench;

import io.baton.config.ConfigException;
import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.fencing.FenceRequest;
import io.baton.fencing.FencingChain;
import io.baton.fencing.FencingReport;
import org.apache.hadoop.ha.BadFencingConfigurationException;
import org.apache.hadoop.ha.FenceMethod;
import org.apache.hadoop.ha.HAServiceTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hadoop {@link FenceMethod} that runs Baton's fencing chain for {@code dfs.ha.fencing.methods}, so Hadoop's
 * ZKFC fences exactly as Baton's controller does (same methods, same code, same deadlines): the comparison
 * measures the controllers, not the fencers.
 */
public final class ChainFenceMethod implements FenceMethod {
  private static final Logger log = LoggerFactory.getLogger(ChainFenceMethod.class);

  /** Set by {@link HadoopZkfcMain} before the ZKFC starts; Hadoop instantiates this class by name. */
  private static volatile DeploymentConfig deployment;

  static void use(DeploymentConfig config) {
    deployment = config;
  }

  @Override
  public void checkArgs(String args) throws BadFencingConfigurationException {
    if (deployment == null) {
      throw new BadFencingConfigurationException("ChainFenceMethod runs only inside the benchmark's ZKFC");
    }
  }

  @Override
  public boolean tryFence(HAServiceTarget target, String args) {
    if (!(target instanceof BenchTarget bench)) {
      log.warn("bench-zkfc: cannot fence {}: not a benchmark target", target);
      return false;
    }
    NameNodeConfig nn = bench.namenode();
    try {
      FencingReport report = FencingChain.create(deployment, nn).fence(FenceRequest.of(nn));
      log.info("{}: {}", nn.qualifiedId(), report.summary());
      return report.fenced();
    } catch (ConfigException e) {
      log.warn("{}: fencing not configured: {}", nn.qualifiedId(), e.getMessage());
      return false;
    }
  }
}
