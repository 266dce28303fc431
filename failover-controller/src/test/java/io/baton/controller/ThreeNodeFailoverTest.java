package io.baton.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.baton.controller.core.ControllerState;
import io.baton.controller.testkit.InProcessCluster;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.HAServiceProtocol.RequestSource;
import org.apache.hadoop.ha.HAServiceProtocol.StateChangeRequestInfo;
import org.apache.hadoop.ha.protocolPB.ZKFCProtocolClientSideTranslatorPB;
import org.apache.hadoop.ipc.RemoteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three NameNodes: graceful failover across all, a peer controller down, an observer. */
class ThreeNodeFailoverTest {
  private InProcessCluster c;

  @BeforeEach
  void start() throws Exception {
    c = new InProcessCluster("nn1", "nn2", "nn3");
  }

  @AfterEach
  void stop() throws Exception {
    c.close();
  }

  private void gracefulFailoverTo(String id) throws Exception {
    ZKFCProtocolClientSideTranslatorPB client = c.zkfcClient(id, 60_000);
    try {
      client.gracefulFailover();
    } finally {
      client.close();
    }
  }

  @Test
  void gracefulFailoverAcrossThreeControllersFencesNobody() throws Exception {
    assertThat(c.startAll()).isEqualTo("nn1");
    gracefulFailoverTo("nn3");
    assertThat(c.awaitSingleActive()).isEqualTo("nn3");
    c.namenodes.values().forEach(nn -> assertThat(nn.fenceCount.get()).isZero());
    await().atMost(InProcessCluster.WAIT).until(() -> c.status("nn1").inElection() && c.status("nn2").inElection());
    gracefulFailoverTo("nn2");
    assertThat(c.awaitSingleActive()).isEqualTo("nn2");
  }

  @Test
  void aPeerControllerThatIsDownDoesNotAbortAGracefulFailover() throws Exception {
    c.startAll();
    c.controllers.remove("nn2").close(); // nn2's controller is gone; its NameNode stays standby
    gracefulFailoverTo("nn3");
    assertThat(c.awaitSingleActive()).isEqualTo("nn3");
    assertThat(c.nn("nn1").fenceCount.get()).isZero();
    assertThat(c.nn("nn2").state()).isEqualTo(HAServiceState.STANDBY);
  }

  @Test
  void crashWithTwoStandbysPromotesExactlyOne() throws Exception {
    c.startAll();
    c.nn("nn1").crash();
    String next = c.awaitSingleActive();
    assertThat(next).isIn("nn2", "nn3");
    assertThat(c.detector.active()).containsExactly(next);
  }

  @Test
  void anObserverIsNeverPromotedNorDemoted() throws Exception {
    c.nn("nn3").transitionToObserver(new StateChangeRequestInfo(RequestSource.REQUEST_BY_USER_FORCED));
    c.startController("nn1");
    assertThat(c.awaitSingleActive()).isEqualTo("nn1");
    c.startController("nn2");
    c.startController("nn3");
    await().atMost(InProcessCluster.WAIT).until(() -> c.status("nn2").inElection()
        && c.status("nn3").state() == ControllerState.OBSERVER);
    assertThat(c.status("nn3").inElection()).isFalse();

    ZKFCProtocolClientSideTranslatorPB client = c.zkfcClient("nn3", 10_000);
    try {
      assertThatThrownBy(client::gracefulFailover).isInstanceOf(RemoteException.class)
          .hasMessageContaining("nn3 is in observer state. Cannot be failover target");
    } finally {
      client.close();
    }
    gracefulFailoverTo("nn2"); // cedes nn3's controller too: it must not demote the observer
    assertThat(c.awaitSingleActive()).isEqualTo("nn2");
    c.nn("nn2").crash();
    assertThat(c.awaitSingleActive()).isEqualTo("nn1");
    assertThat(c.nn("nn3").state()).isEqualTo(HAServiceState.OBSERVER);
  }
}
