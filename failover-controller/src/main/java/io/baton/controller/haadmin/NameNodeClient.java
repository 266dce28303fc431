package io.baton.controller.haadmin;

import io.baton.config.HostPort;
import io.baton.config.NameNodeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import javax.net.SocketFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceProtocol.StateChangeRequestInfo;
import org.apache.hadoop.ha.HAServiceStatus;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolClientSideTranslatorPB;

/**
 * HAServiceProtocol calls to one NameNode over Hadoop IPC, each with a timeout, each failure turned into an
 * {@link HaAdminException} that names the NameNode, its address and the timeout.
 */
final class NameNodeClient implements AutoCloseable {
  private final NameNodeConfig nn;
  private final HostPort address;
  private final Duration timeout;
  private final HAServiceProtocolClientSideTranslatorPB proxy;

  private NameNodeClient(NameNodeConfig nn, HostPort address, Duration timeout,
      HAServiceProtocolClientSideTranslatorPB proxy) {
    this.nn = nn;
    this.address = address;
    this.timeout = timeout;
    this.proxy = proxy;
  }

  /**
   * A client of {@code nn.haAddress()} (service RPC, else client RPC, as Hadoop's NNHAServiceTarget).
   *
   * @param conf IPC settings, see {@link IpcSettings}
   */
  static NameNodeClient open(NameNodeConfig nn, Duration timeout, Configuration conf) throws HaAdminException {
    HostPort address = nn.haAddress();
    String who = describe(nn);
    InetSocketAddress socket = IpcSettings.resolve(address, who);
    try {
      var proxy = new HAServiceProtocolClientSideTranslatorPB(socket, IpcSettings.withTimeout(conf, timeout),
          SocketFactory.getDefault(), IpcSettings.millis(timeout));
      return new NameNodeClient(nn, address, timeout, proxy);
    } catch (IOException e) {
      throw RpcFailures.classify(e, who, address, timeout);
    }
  }

  /** {@code NameNode nn1 (ns1)}. */
  static String describe(NameNodeConfig nn) {
    return "NameNode " + nn.id() + " (" + nn.nameserviceId() + ")";
  }

  HostPort address() {
    return address;
  }

  HAServiceStatus status() throws HaAdminException {
    try {
      return proxy.getServiceStatus();
    } catch (IOException e) {
      throw fail(e);
    }
  }

  void monitorHealth() throws HaAdminException {
    try {
      proxy.monitorHealth();
    } catch (IOException e) {
      throw fail(e);
    }
  }

  void transitionToActive(RequestSource source) throws HaAdminException {
    try {
      proxy.transitionToActive(new StateChangeRequestInfo(source));
    } catch (IOException e) {
      throw fail(e);
    }
  }

  void transitionToStandby(RequestSource source) throws HaAdminException {
    try {
      proxy.transitionToStandby(new StateChangeRequestInfo(source));
    } catch (IOException e) {
      throw fail(e);
    }
  }

  void transitionToObserver(RequestSource source) throws HaAdminException {
    try {
      proxy.transitionToObserver(new StateChangeRequestInfo(source));
    } catch (IOException e) {
      throw fail(e);
    }
  }

  private HaAdminException fail(IOException e) {
    return RpcFailures.classify(e, describe(nn), address, timeout);
  }

  @Override
  public void close() {
    proxy.close();
  }
}
