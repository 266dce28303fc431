package io.baton.chaos.bench;

import io.baton.config.NameNodeConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.ZKFCProtocol;
import org.apache.hadoop.ipc.RPC;

/**
 * What {@code haadmin -failover} does with automatic failover on: the {@code gracefulFailover} RPC of
 * ZKFCProtocol to the target NameNode's controller, over Hadoop IPC. Both controllers serve that protocol,
 * and both are asked through the same Hadoop client code.
 */
final class GracefulFailoverCall {
  private GracefulFailoverCall() {}

  /** Starts the call in the background (it returns only when the failover is done). */
  static CompletableFuture<Void> start(Configuration conf, NameNodeConfig target, Duration timeout) {
    return CompletableFuture.runAsync(() -> {
      ZKFCProtocol proxy = null;
      try {
        proxy = new BenchTarget(target, null).getZKFCProxy(conf, (int) timeout.toMillis());
        proxy.gracefulFailover();
      } catch (IOException e) {
        throw new IllegalStateException("gracefulFailover to " + target.qualifiedId() + "'s controller at "
            + target.controllerAddress() + " failed: " + e.getMessage(), e);
      } finally {
        if (proxy != null) {
          RPC.stopProxy(proxy);
        }
      }
    });
  }
}
