package io.baton.controller.rpc;

import io.baton.config.HostPort;
import java.io.IOException;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.protocolPB.ZKFCProtocolClientSideTranslatorPB;
import org.apache.hadoop.net.NetUtils;

/** Hadoop's own ZKFCProtocol client, with a timeout and bounded connect retries, for cedeActive to peers. */
public final class ZkfcClients {
  private final Configuration base;

  public ZkfcClients(Configuration base) {
    this.base = new Configuration(base);
  }

  public void cedeActive(HostPort controller, int millisToCede, Duration timeout) throws IOException {
    Configuration conf = new Configuration(base);
    conf.setInt("ipc.client.connect.max.retries", 1);
    conf.setInt("ipc.client.connect.max.retries.on.timeouts", 1);
    int millis = (int) Math.max(1, timeout.toMillis());
    ZKFCProtocolClientSideTranslatorPB client = new ZKFCProtocolClientSideTranslatorPB(
        controller.toSocketAddress(), conf, NetUtils.getDefaultSocketFactory(conf), millis);
    try {
      client.cedeActive(millisToCede);
    } finally {
      client.close();
    }
  }
}
