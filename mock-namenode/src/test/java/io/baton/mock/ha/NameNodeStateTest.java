package io.baton.mock.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.mock.MutableClock;
import io.baton.mock.common.ApiException;
import io.baton.mock.fs.NamespaceOp;
import io.baton.mock.journal.Journal;
import io.baton.mock.journal.JournalRecord;
import io.baton.mock.journal.JournalStorage;
import io.baton.mock.journal.LocalEditLog;
import java.time.Clock;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.junit.jupiter.api.Test;

/** Two NameNodes over one journal, no servers: epochs, catch-up, tailing, storage fencing, the zombie. */
class NameNodeStateTest {
  private Journal journal = new Journal("jn", "ns1", new JournalStorage.InMemory(), Clock.systemUTC(), true);
  private NameNodeState nn1 = new NameNodeState("nn1", new LocalEditLog(journal));
  private NameNodeState nn2 = new NameNodeState("nn2", new LocalEditLog(journal));

  @Test
  void aStandbyTailsAndANewActiveCatchesUpUnderAHigherEpoch() throws Exception {
    nn1.becomeActive();
    nn1.write(NamespaceOp.write("/a", "1"));
    nn1.write(NamespaceOp.write("/b", "2"));
    nn2.tailOnce();
    assertThat(nn2.snapshot().lastTxId()).isEqualTo(3);
    nn1.write(NamespaceOp.append("/a", "+"));
    nn1.becomeStandby(false);
    nn2.becomeActive(); // catches up txid 4 itself
    assertThat(nn2.snapshot().epoch()).isEqualTo(2);
    assertThat(nn2.read("/a").data()).contains("1+");
    assertThat(nn2.write(NamespaceOp.write("/c", "3")).txid()).isEqualTo(6); // 5 is nn2's epoch-start
    assertThat(journal.recordsAt(4, 1).get(0).op()).isEqualTo(JournalRecord.EPOCH_START);
  }

  @Test
  void theLastHaTransitionTimeMovesOnlyWhenTheActingStateChanges() throws Exception {
    MutableClock clock = new MutableClock(java.time.Instant.ofEpochMilli(1_000));
    NameNodeState nn = new NameNodeState("nn3", new LocalEditLog(journal), clock);
    assertThat(nn.snapshot().lastHaTransitionTime()).isZero();
    clock.set(java.time.Instant.ofEpochMilli(2_000));
    nn.becomeStandby(false); // already standby: no transition
    assertThat(nn.snapshot().lastHaTransitionTime()).isZero();
    nn.becomeActive();
    assertThat(nn.snapshot().lastHaTransitionTime()).isEqualTo(2_000);
    clock.set(java.time.Instant.ofEpochMilli(3_000));
    nn.becomeActive(); // already active
    assertThat(nn.snapshot().lastHaTransitionTime()).isEqualTo(2_000);
    clock.set(java.time.Instant.ofEpochMilli(4_000));
    nn.becomeStandby(false);
    assertThat(nn.snapshot().lastHaTransitionTime()).isEqualTo(4_000);
  }

  @Test
  void aDeposedActiveIsFencedByTheJournalOnItsNextWrite() throws Exception {
    nn1.becomeActive();
    nn2.becomeActive(); // nn1 was never told
    assertThatThrownBy(() -> nn1.write(NamespaceOp.write("/x", "lost")))
        .isInstanceOf(ApiException.class)
        .hasMessage("nn1 is no longer active: the journal refused txid 2 at epoch 1 (stale_epoch); retry on the active NameNode");
    assertThat(nn1.snapshot().acting()).isEqualTo(HAServiceState.STANDBY);
    assertThat(nn1.snapshot().fencedReason()).contains("the journal refused txid 2 at epoch 1 (stale_epoch)");
  }

  @Test
  void aZombieReportsStandbyKeepsWritingAndIsStoppedOnceANewerEpochIsPromised() throws Exception {
    nn1.becomeActive();
    nn1.becomeStandby(true);
    assertThat(nn1.reportedState()).isEqualTo(HAServiceState.STANDBY);
    assertThat(nn1.snapshot().acting()).isEqualTo(HAServiceState.ACTIVE);
    assertThat(nn1.zombieTick()).isTrue();
    assertThat(nn1.write(NamespaceOp.write("/z", "still here")).epoch()).isEqualTo(1);
    journal.newEpoch("fencer", java.util.Optional.empty()); // what QJournalProtocol newEpoch does
    assertThat(nn1.zombieTick()).isFalse();
    assertThat(nn1.snapshot().acting()).isEqualTo(HAServiceState.STANDBY);
  }

  @Test
  void withoutTheEpochCheckAZombieKeepsWritingBesideTheNewActive() throws Exception {
    journal = new Journal("jn", "ns1", new JournalStorage.InMemory(), Clock.systemUTC(), false);
    nn1 = new NameNodeState("nn1", new LocalEditLog(journal));
    nn2 = new NameNodeState("nn2", new LocalEditLog(journal));
    nn1.becomeActive();
    nn1.becomeStandby(true);
    nn2.becomeActive();
    assertThat(nn1.zombieTick()).isTrue();
    assertThat(nn1.write(NamespaceOp.write("/split", "brain")).epoch()).isEqualTo(1);
    assertThat(nn2.write(NamespaceOp.write("/split", "other")).epoch()).isEqualTo(2);
  }

  @Test
  void observersServeReadsButNeverBecomeActive() throws Exception {
    nn1.becomeActive();
    nn1.write(NamespaceOp.write("/a", "1"));
    nn2.becomeObserver();
    nn2.tailOnce();
    assertThat(nn2.read("/a").data()).contains("1");
    assertThatThrownBy(nn2::becomeActive).hasMessage("Cannot transition from observer to active");
    assertThatThrownBy(() -> nn2.write(NamespaceOp.write("/b", "2"))).hasMessageContaining("state observer");
  }
}
