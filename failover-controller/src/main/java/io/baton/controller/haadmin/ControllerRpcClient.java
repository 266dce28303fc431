package io.baton.controller.haadmin;

import io.baton.config.HostPort;
import io.baton.config.NameNodeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import javax.net.SocketFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.protocolPB.ZKFCProtocolClientSideTranslatorPB;

/** ZKFCProtocol calls to the controller of a NameNode (Baton's or Hadoop's ZKFC: same wire protocol). */
final class ControllerRpcClient {
  private ControllerRpcClient() {}

  /** {@code the controller of nn2 (ns1)}. */
  static String describe(NameNodeConfig nn) {
    return "the controller of " + nn.id() + " (" + nn.nameserviceId() + ")";
  }

  /**
   * Asks the controller of {@code target} to make its NameNode active through the election (Hadoop's
   * {@code gracefulFailover}); returns when done.
   */
  static void gracefulFailover(NameNodeConfig target, Duration timeout, Configuration conf) throws HaAdminException {
    HostPort address = target.controllerAddress();
    String who = describe(target);
    InetSocketAddress socket = IpcSettings.resolve(address, who);
    ZKFCProtocolClientSideTranslatorPB proxy = null;
    try {
      proxy = new ZKFCProtocolClientSideTranslatorPB(socket, IpcSettings.withTimeout(conf, timeout),
          SocketFactory.getDefault(), IpcSettings.millis(timeout));
      proxy.gracefulFailover();
    } catch (IOException e) {
      throw RpcFailures.classify(e, who, address, timeout);
    } finally {
      if (proxy != null) {
        proxy.close();
      }
    }
  }
}
