package io.baton.mock.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.config.DeploymentConfig;
import io.baton.config.NameNodeConfig;
import io.baton.mock.MockNameNode;
import io.baton.mock.NameNodeOptions;
import io.baton.mock.TestConf;
import io.baton.mock.fault.FaultSpec;
import io.baton.mock.journal.Journal;
import io.baton.mock.journal.JournalStorage;
import io.baton.mock.journal.LocalEditLog;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceProtocol.StateChangeRequestInfo;
import org.apache.hadoop.ha.HAServiceStatus;
import org.apache.hadoop.ha.protocolPB.HAServiceProtocolClientSideTranslatorPB;
import org.apache.hadoop.ipc.RemoteException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;

/** Every HAServiceProtocol method and rule, over real Hadoop IPC with Hadoop's own client translator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HaServiceProtocolIpcTest {
  private static final StateChangeRequestInfo USER = new StateChangeRequestInfo(RequestSource.REQUEST_BY_USER);
  private static final StateChangeRequestInfo FORCED = new StateChangeRequestInfo(RequestSource.REQUEST_BY_USER_FORCED);
  private static final StateChangeRequestInfo ZKFC = new StateChangeRequestInfo(RequestSource.REQUEST_BY_ZKFC);

  /** One NameNode per automatic-failover setting for the whole class (start-up is the slow part); reset per test. */
  private final Map<Boolean, MockNameNode> nodes = new HashMap<>();
  private final Map<Boolean, HAServiceProtocolClientSideTranslatorPB> clients = new HashMap<>();
  private MockNameNode node;
  private HAServiceProtocolClientSideTranslatorPB client;

  private void start(boolean automaticFailover) throws Exception {
    if (!nodes.containsKey(automaticFailover)) {
      DeploymentConfig conf = TestConf.deployment(2, automaticFailover, Optional.empty(), Path.of("."));
      NameNodeConfig nn = conf.nameservices().get(0).namenodes().get(0);
      var journal = new LocalEditLog(new Journal("test", "ns1", new JournalStorage.InMemory(), Clock.systemUTC(), true));
      nodes.put(automaticFailover, MockNameNode.start(new NameNodeOptions(nn, automaticFailover, journal, List.of(),
          Duration.ofMillis(100), () -> { }, conf.hadoopProperties())));
      Configuration hc = new Configuration();
      hc.setInt("ipc.client.connect.max.retries", 0);
      clients.put(automaticFailover, new HAServiceProtocolClientSideTranslatorPB(
          new InetSocketAddress("127.0.0.1", nn.haAddress().port()), hc, javax.net.SocketFactory.getDefault(), 5000));
    }
    node = nodes.get(automaticFailover);
    client = clients.get(automaticFailover);
  }

  @AfterEach
  void reset() {
    if (node != null) {
      node.faults().clearAll();
      node.state().becomeStandby(false);
    }
  }

  @AfterAll
  void stop() throws Exception {
    for (var c : clients.values()) {
      c.close();
    }
    for (MockNameNode n : nodes.values()) {
      n.close();
    }
  }

  @Test
  void startsStandbyReadyAndHealthy() throws Exception {
    start(true);
    HAServiceStatus status = client.getServiceStatus();
    assertThat(status.getState()).isEqualTo(HAServiceState.STANDBY);
    assertThat(status.isReadyToBecomeActive()).isTrue();
    client.monitorHealth();
  }

  @Test
  void automaticFailoverOnRefusesUnforcedUserButAllowsControllerAndForced() throws Exception {
    start(true);
    assertThatThrownBy(() -> client.transitionToActive(USER))
        .isInstanceOf(RemoteException.class)
        .satisfies(e -> assertThat(((RemoteException) e).getClassName())
            .isEqualTo("org.apache.hadoop.security.AccessControlException"))
        .hasMessageContaining("Manual HA control for this NameNode is disallowed, because automatic HA is enabled.");
    client.transitionToActive(ZKFC);
    assertThat(client.getServiceStatus().getState()).isEqualTo(HAServiceState.ACTIVE);
    client.transitionToActive(ZKFC); // idempotent
    client.transitionToStandby(FORCED);
    assertThat(client.getServiceStatus().getState()).isEqualTo(HAServiceState.STANDBY);
    client.transitionToStandby(FORCED); // idempotent
  }

  @Test
  void automaticFailoverOffRefusesController() throws Exception {
    start(false);
    assertThatThrownBy(() -> client.transitionToActive(ZKFC))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("denied since automatic HA is not enabled");
    client.transitionToActive(USER);
    assertThat(client.getServiceStatus().getState()).isEqualTo(HAServiceState.ACTIVE);
  }

  @Test
  void observerRules() throws Exception {
    start(false);
    client.transitionToActive(USER);
    assertThatThrownBy(() -> client.transitionToObserver(USER))
        .isInstanceOf(RemoteException.class)
        .satisfies(e -> assertThat(((RemoteException) e).getClassName()).isEqualTo("org.apache.hadoop.ha.ServiceFailedException"))
        .hasMessageContaining("Transition from active to observer is not allowed");
    client.transitionToStandby(USER);
    client.transitionToObserver(USER);
    HAServiceStatus status = client.getServiceStatus();
    assertThat(status.getState()).isEqualTo(HAServiceState.OBSERVER);
    assertThat(status.isReadyToBecomeActive()).isFalse();
    assertThatThrownBy(() -> client.transitionToActive(USER))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("Cannot transition from observer to active");
    client.transitionToStandby(USER);
    assertThat(client.getServiceStatus().getState()).isEqualTo(HAServiceState.STANDBY);
  }

  @Test
  void unhealthyNotReadyAndRefusedTransitionsTravelWithTheirClassNames() throws Exception {
    start(true);
    node.faults().inject(FaultSpec.parse("unhealthy"));
    assertThatThrownBy(() -> client.monitorHealth())
        .isInstanceOf(RemoteException.class)
        .satisfies(e -> assertThat(((RemoteException) e).getClassName()).isEqualTo("org.apache.hadoop.ha.HealthCheckFailedException"))
        .hasMessageContaining("nn1 is unhealthy (injected fault)");
    node.faults().inject(FaultSpec.parse("not-ready=disk full"));
    HAServiceStatus status = client.getServiceStatus();
    assertThat(status.isReadyToBecomeActive()).isFalse();
    assertThat(status.getNotReadyReason()).isEqualTo("disk full");
    assertThatThrownBy(() -> client.transitionToActive(ZKFC)).hasMessageContaining("nn1 is not ready to become active: disk full");
    node.faults().inject(FaultSpec.parse("refuse-transitions"));
    assertThatThrownBy(() -> client.transitionToActive(FORCED))
        .isInstanceOf(RemoteException.class)
        .satisfies(e -> assertThat(((RemoteException) e).getClassName()).isEqualTo("org.apache.hadoop.ha.ServiceFailedException"))
        .hasMessageContaining("nn1 refuses the transition to active (injected fault)");
    node.faults().clearAll();
    client.monitorHealth();
    client.transitionToActive(ZKFC);
    assertThat(client.getServiceStatus().getState()).isEqualTo(HAServiceState.ACTIVE);
  }

  @Test
  void zombieSaysStandbyButKeepsActing() throws Exception {
    start(true);
    client.transitionToActive(ZKFC);
    node.faults().inject(FaultSpec.parse("zombie"));
    client.transitionToStandby(ZKFC);
    assertThat(client.getServiceStatus().getState()).isEqualTo(HAServiceState.STANDBY);
    assertThat(node.actingState()).isEqualTo(HAServiceState.ACTIVE);
  }

  @Test
  void malformedRpcRequestsAreRefusedAndTheServerKeepsServing() throws Exception {
    start(true);
    InetSocketAddress addr = node.ipcAddresses().get(0);
    // An HTTP request to the IPC port, then a valid preamble followed by garbage.
    for (byte[] junk : List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        new byte[] {'h', 'r', 'p', 'c', 9, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5, 6, 7})) {
      try (Socket s = new Socket()) {
        s.connect(addr, 2000);
        s.setSoTimeout(5000);
        s.getOutputStream().write(junk);
        s.getOutputStream().flush();
        byte[] answer = s.getInputStream().readNBytes(4096); // the server answers or closes; it must not hang
        assertThat(answer.length).isLessThan(4096);
      }
    }
    assertThat(client.getServiceStatus().getState()).isEqualTo(HAServiceState.STANDBY);
    client.monitorHealth();
  }

  @Test
  void slowDelaysEveryCall() throws Exception {
    start(true);
    node.faults().inject(FaultSpec.parse("slow=300ms"));
    long t0 = System.nanoTime();
    client.getServiceStatus();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
  }

  @Test
  void hangAnswersNothingUntilCleared() throws Exception {
    start(true);
    node.faults().inject(FaultSpec.parse("hang"));
    Configuration hc = new Configuration();
    hc.setInt("ipc.client.connect.max.retries", 0);
    try (var shortClient = new HAServiceProtocolClientSideTranslatorPB(
        node.ipcAddresses().get(0), hc, javax.net.SocketFactory.getDefault(), 500)) {
      assertThatThrownBy(shortClient::monitorHealth).isInstanceOf(IOException.class)
          .hasMessageContaining("timeout");
    }
    node.faults().clearAll();
    client.monitorHealth();
  }
}
