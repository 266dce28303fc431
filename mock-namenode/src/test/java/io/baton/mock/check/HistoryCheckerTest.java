package io.baton.mock.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.mock.check.Violation.Kind;
import io.baton.mock.client.HistoryRecord;
import io.baton.mock.journal.JournalRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made histories: a clean one passes, each kind of violation is caught with its evidence. */
class HistoryCheckerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Instant t(int ms) {
    return T0.plusMillis(ms);
  }

  static HistoryRecord ok(String op, String nn, long epoch, long txid, int invoke, int complete) {
    return new HistoryRecord(op, "c1", "write", "/baton/c1/" + op, op, t(invoke), t(complete), nn, epoch, txid,
        HistoryRecord.OK, null, 1);
  }

  static JournalRecord rec(long txid, long epoch, String op, String writer, int at) {
    boolean start = op.equals(JournalRecord.EPOCH_START);
    return JournalRecord.of(txid, epoch, start ? op : "write", start ? "/" : "/baton/c1/" + op, start ? writer : op,
        writer, t(at));
  }

  /** nn1 at epoch 1 writes a, b; switch; nn2 at epoch 2 writes c, d. */
  private final List<HistoryRecord> history = new ArrayList<>(List.of(
      ok("a", "nn1", 1, 2, 10, 12), ok("b", "nn1", 1, 3, 20, 22), ok("c", "nn2", 2, 5, 40, 42), ok("d", "nn2", 2, 6, 50, 52)));
  private final List<JournalRecord> journal = new ArrayList<>(List.of(
      rec(1, 1, JournalRecord.EPOCH_START, "nn1", 0), rec(2, 1, "a", "nn1", 11), rec(3, 1, "b", "nn1", 21),
      rec(4, 2, JournalRecord.EPOCH_START, "nn2", 30), rec(5, 2, "c", "nn2", 41), rec(6, 2, "d", "nn2", 51)));

  @Test
  void aCleanHistoryPasses() {
    history.add(new HistoryRecord("e", "c1", "write", "/baton/c1/e", "e", t(60), t(62), "nn2", null, null,
        HistoryRecord.UNKNOWN, "no answer", 1));
    Verdict v = HistoryChecker.check(history, journal);
    assertThat(v.violations()).isEmpty();
    assertThat(v.clean()).isTrue();
    assertThat(v.acknowledged()).isEqualTo(4);
    assertThat(v.unknown()).isEqualTo(1);
    assertThat(v.summary()).startsWith("CLEAN: 5 operations (4 acknowledged, 0 failed, 1 unknown), 6 journal records");
  }

  @Test
  void twoActivesInOneEpochAreSplitBrain() {
    history.add(ok("x", "nn1", 2, 7, 55, 56));
    journal.add(rec(7, 2, "x", "nn1", 55));
    Verdict v = HistoryChecker.check(history, journal);
    assertThat(v.countsByKind()).containsEntry(Kind.SPLIT_BRAIN_SAME_EPOCH, 1L);
    assertThat(v.violations().get(0).summary()).isEqualTo("NameNodes [nn2, nn1] all acknowledged writes at epoch 2");
  }

  @Test
  void aLostAcknowledgedWriteIsCaught() {
    journal.remove(2); // b's record
    journal.add(2, rec(3, 1, "other", "nn1", 21));
    Verdict v = HistoryChecker.check(history, journal);
    assertThat(v.countsByKind()).containsOnlyKeys(Kind.LOST_WRITE);
    Violation lost = v.violations().get(0);
    assertThat(lost.summary()).isEqualTo("b was acknowledged by nn1 at epoch 1 txid 3 but the journal does not hold it there");
    assertThat(lost.evidence().get(1)).startsWith("journal holds instead: journal txid 3 epoch 1 write /baton/c1/other");
  }

  @Test
  void aStaleEpochWriteAfterANewerEpochBeganIsCaught() {
    history.add(ok("z", "nn1", 1, 7, 45, 47));
    journal.add(5, rec(7, 1, "z", "nn1", 46));
    Verdict v = HistoryChecker.check(history, journal);
    assertThat(v.countsByKind()).containsKeys(Kind.SPLIT_BRAIN_STALE_EPOCH, Kind.STALE_EPOCH_IN_JOURNAL,
        Kind.OUT_OF_ORDER_TXID);
    Violation stale = v.violations().stream().filter(x -> x.kind() == Kind.SPLIT_BRAIN_STALE_EPOCH).findFirst().get();
    assertThat(stale.summary()).isEqualTo("nn1 acknowledged z at epoch 1 although it was invoked after epoch 2 began");
    assertThat(stale.evidence().get(1)).startsWith("epoch 2 began: journal txid 4 epoch 2 epoch-start / 'nn2' by nn2");
    assertThat(v.summary()).startsWith("VIOLATED: ");
  }

  @Test
  void duplicateAndOutOfOrderTxidsAreCaught() {
    journal.add(rec(6, 2, "again", "nn2", 60));
    journal.add(rec(9, 2, "skip", "nn2", 61));
    Verdict v = HistoryChecker.check(history, journal);
    assertThat(v.countsByKind()).containsEntry(Kind.DUPLICATE_TXID, 1L).containsEntry(Kind.OUT_OF_ORDER_TXID, 1L);
    assertThat(v.violations()).extracting(Violation::summary).contains(
        "txid 6 was written twice, by nn2 (epoch 2) and by nn2 (epoch 2)", "txid 9 follows txid 6 in the journal");
  }
}
