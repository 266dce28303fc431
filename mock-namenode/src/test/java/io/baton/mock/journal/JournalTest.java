package io.baton.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.baton.mock.common.ApiException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private Journal open(boolean epochCheck) {
    return new Journal("jn-test", "ns1", new FileJournalStorage(dir), Clock.systemUTC(), epochCheck);
  }

  @Test
  void aStaleEpochIsRejectedOnceANewerWriterClaimedOne() {
    Journal j = open(true);
    assertThat(j.newEpoch("nn1", Optional.empty()).epoch()).isEqualTo(1);
    j.append(1, 1, "write", "/a", "x", "nn1");
    assertThat(j.newEpoch("nn2", Optional.empty()).epoch()).isEqualTo(2);
    assertThatThrownBy(() -> j.append(1, 2, "write", "/b", "y", "nn1"))
        .isInstanceOf(ApiException.class)
        .hasMessage("epoch 1 of nn1 is below the promised epoch 2: a newer writer has taken over, this writer is fenced")
        .extracting(e -> ((ApiException) e).error()).isEqualTo("stale_epoch");
    j.append(2, 2, "write", "/b", "z", "nn2");
    assertThat(j.status().lastTxId()).isEqualTo(2);
  }

  @Test
  void fencingPromisesTheNextEpochSoTheCurrentWriterIsLockedOut() {
    Journal j = open(true);
    j.newEpoch("nn1", Optional.empty());
    Journal.EpochGrant g = j.newEpoch("QJournalProtocol.newEpoch", Optional.of(2L));
    assertThat(g.promisedEpoch()).isEqualTo(2);
    assertThatThrownBy(() -> j.append(1, 1, "write", "/a", "x", "nn1")).hasMessageContaining("below the promised epoch 2");
    assertThat(j.newEpoch("nn2", Optional.empty()).epoch()).isEqualTo(3);
  }

  @Test
  void anExplicitEpochMustBeAboveThePromiseAndAppendsNeedAClaimAndTheNextTxid() {
    Journal j = open(true);
    j.newEpoch("nn1", Optional.of(5L));
    assertThatThrownBy(() -> j.newEpoch("nn2", Optional.of(5L)))
        .hasMessage("epoch 5 requested by nn2 is not above the promised epoch 5; ask again without an epoch to get the next one");
    assertThatThrownBy(() -> j.append(6, 1, "write", "/a", "x", "nn1"))
        .hasMessage("epoch 6 of nn1 was never promised (promised 5); claim it first with POST /journal/ns1/epoch");
    assertThatThrownBy(() -> j.append(5, 3, "write", "/a", "x", "nn1"))
        .hasMessage("txid 3 from nn1 does not follow the last txid 0; catch up with GET /journal/ns1/records?fromTxId=1");
  }

  @Test
  void withTheEpochCheckOffStaleWritersAreAccepted() {
    Journal j = open(false);
    j.newEpoch("nn1", Optional.empty());
    j.newEpoch("nn2", Optional.empty());
    j.append(2, 1, "write", "/a", "x", "nn2");
    j.append(1, 1, "write", "/b", "y", "nn1");
    assertThat(j.recordsAt(0, 10)).extracting(JournalRecord::epoch).containsExactly(2L, 1L);
  }

  @Test
  void aRestartKeepsThePromiseAndTheRecords() {
    Journal j = open(true);
    j.newEpoch("nn1", Optional.empty());
    j.append(1, 1, "mkdir", "/d", null, "nn1");
    j.append(1, 2, "write", "/d/f", "hello", "nn1");
    j.newEpoch("fencer", Optional.empty());
    List<JournalRecord> before = j.recordsAt(0, 10);
    Journal reopened = open(true);
    assertThat(reopened.recordsAt(0, 10)).isEqualTo(before);
    assertThat(reopened.status().promisedEpoch()).isEqualTo(2);
    assertThat(reopened.status().lastTxId()).isEqualTo(2);
  }

  @Test
  void aCorruptRecordIsAClearErrorAndNothingOnDiskChanges() throws Exception {
    Journal j = open(true);
    j.newEpoch("nn1", Optional.empty());
    j.append(1, 1, "write", "/a", "x", "nn1");
    j.append(1, 2, "write", "/b", "y", "nn1");
    Path edits = dir.resolve(FileJournalStorage.EDITS);
    List<String> lines = Files.readAllLines(edits);
    Files.write(edits, List.of(lines.get(0), "{not json", lines.get(1)));
    byte[] damaged = Files.readAllBytes(edits);
    Journal reopened = open(true);
    assertThatThrownBy(reopened::status)
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("journal ns1 cannot be used: " + edits + " line 2: not a journal record (")
        .hasMessageEndingWith("; nothing was changed on disk: repair or move the file away and restart the journal node")
        .extracting(e -> ((ApiException) e).status()).isEqualTo(500);
    assertThatThrownBy(() -> reopened.append(1, 3, "write", "/c", "z", "nn1")).isInstanceOf(ApiException.class);
    assertThat(Files.readAllBytes(edits)).isEqualTo(damaged);
  }

  @Test
  void aChangedRecordFailsItsChecksum() throws Exception {
    Journal j = open(true);
    j.newEpoch("nn1", Optional.empty());
    j.append(1, 1, "write", "/a", "original", "nn1");
    Path edits = dir.resolve(FileJournalStorage.EDITS);
    Files.writeString(edits, Files.readString(edits).replace("original", "tampered"));
    assertThatThrownBy(() -> open(true).status())
        .hasMessageContaining(edits + " line 1: checksum mismatch in the record of txid 1");
  }

  @Test
  void aCorruptPromiseIsAClearError() throws Exception {
    Files.writeString(dir.resolve(FileJournalStorage.PROMISE), "seven\n");
    assertThatThrownBy(() -> open(true).status())
        .hasMessageContaining(dir.resolve(FileJournalStorage.PROMISE) + ": 'seven' is not an epoch number");
  }

  @Test
  void aTornLastLineIsCutAndKeptAside() throws Exception {
    Journal j = open(true);
    j.newEpoch("nn1", Optional.empty());
    j.append(1, 1, "write", "/a", "x", "nn1");
    Path edits = dir.resolve(FileJournalStorage.EDITS);
    Files.write(edits, "{\"txid\":2,\"epo".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
    Journal reopened = open(true);
    assertThat(reopened.status().lastTxId()).isEqualTo(1);
    reopened.append(1, 2, "write", "/b", "y", "nn1");
    assertThat(open(true).status().lastTxId()).isEqualTo(2);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("edits.jsonl.torn-"));
    }
  }
}
