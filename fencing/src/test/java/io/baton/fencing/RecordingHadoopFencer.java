package io.baton.fencing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.ha.BadFencingConfigurationException;
import org.apache.hadoop.ha.FenceMethod;
import org.apache.hadoop.ha.HAServiceTarget;

/** An "existing custom fencer" written against Hadoop's API: args "ok", "refuse", "hang" or "bad". */
public class RecordingHadoopFencer extends Configured implements FenceMethod {
  static final List<String> CALLS = new CopyOnWriteArrayList<>();
  static volatile Map<String, String> lastParameters = Map.of();
  static volatile CountDownLatch release = new CountDownLatch(1);

  @Override
  public void checkArgs(String args) throws BadFencingConfigurationException {
    CALLS.add("checkArgs(" + args + ") conf=" + getConf().get("custom.fencer.setting"));
    if ("bad".equals(args)) {
      throw new BadFencingConfigurationException("expected ok, refuse or hang");
    }
  }

  @Override
  public boolean tryFence(HAServiceTarget target, String args) throws BadFencingConfigurationException {
    CALLS.add("tryFence(" + args + ") " + target.getAddress().getPort());
    lastParameters = target.getFencingParameters();
    if ("hang".equals(args)) {
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return "ok".equals(args);
  }
}
