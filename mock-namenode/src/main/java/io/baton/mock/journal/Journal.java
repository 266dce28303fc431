package io.baton.mock.journal;

import io.baton.mock.common.ApiException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One journal (one {@code journalId}) and its writer-epoch rules, as HDFS's JournalNodes apply them:
 * <ul>
 *   <li>a writer first claims an epoch strictly above every epoch promised before ({@link #newEpoch});
 *   <li>an append carries the writer's epoch: below the promise it is refused ({@code stale_epoch}: the writer
 *       was fenced), above it too ({@code epoch_not_promised}); its txid must follow the last one;
 *   <li>a fencer (QJournalProtocol {@code newEpoch}) promises a new epoch the same way, which locks out the current
 *       writer.
 * </ul>
 * With {@code epochCheck} off (negative control only) appends are accepted whatever their epoch and txid.
 * Every change is durable in {@link JournalStorage} before the call returns. Thread-safe (one lock per journal).
 */
public final class Journal {
  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  private final String nodeId;
  private final String journalId;
  private final JournalStorage storage;
  private final Clock clock;
  private final boolean epochCheck;
  private final List<JournalRecord> records = new ArrayList<>();
  private long promisedEpoch;
  private long lastTxId;
  private Optional<String> corruption = Optional.empty();

  public Journal(String nodeId, String journalId, JournalStorage storage, Clock clock, boolean epochCheck) {
    this.nodeId = nodeId;
    this.journalId = journalId;
    this.storage = storage;
    this.clock = clock;
    this.epochCheck = epochCheck;
    try {
      JournalStorage.Loaded loaded = storage.load();
      corruption = loaded.corruption();
      promisedEpoch = loaded.promisedEpoch();
      records.addAll(loaded.records());
      lastTxId = records.stream().mapToLong(JournalRecord::txid).max().orElse(0);
    } catch (IOException e) {
      corruption = Optional.of("cannot read " + storage.location() + ": " + e);
    }
    corruption.ifPresentOrElse(
        c -> log.error("{}: journal {} is unusable: {}", nodeId, journalId, c),
        () -> log.info("{}: journal {} loaded from {}: promised epoch {}, last txid {}",
            nodeId, journalId, storage.location(), promisedEpoch, lastTxId));
  }

  /** The state a client sees at {@code GET .../status}. */
  public record Status(String journalId, long promisedEpoch, long lastTxId, long lastEpoch, int records,
      boolean epochCheck) {}

  public record EpochGrant(long epoch, long promisedEpoch, long lastTxId) {}

  public synchronized Status status() {
    requireUsable();
    long lastEpoch = records.isEmpty() ? 0 : records.get(records.size() - 1).epoch();
    return new Status(journalId, promisedEpoch, lastTxId, lastEpoch, records.size(), epochCheck);
  }

  /** Claims {@code requested}, or the next epoch when empty, for {@code writer}; strictly above every promise. */
  public synchronized EpochGrant newEpoch(String writer, Optional<Long> requested) {
    requireUsable();
    long epoch = requested.orElse(promisedEpoch + 1);
    if (epoch <= promisedEpoch) {
      throw new ApiException(409, "stale_epoch", "epoch " + epoch + " requested by " + writer
          + " is not above the promised epoch " + promisedEpoch + "; ask again without an epoch to get the next one");
    }
    promise(epoch);
    log.info("{}: journal {}: {} claimed epoch {} (last txid {})", nodeId, journalId, writer, epoch, lastTxId);
    return new EpochGrant(epoch, promisedEpoch, lastTxId);
  }

  /** Appends one record for the writer at {@code epoch}; returns it as stored. */
  public synchronized JournalRecord append(long epoch, long txid, String op, String path, String data, String writer) {
    requireUsable();
    if (epochCheck) {
      if (epoch < promisedEpoch) {
        log.warn("{}: journal {}: refused txid {} from {} at stale epoch {} (promised {})", nodeId, journalId, txid,
            writer, epoch, promisedEpoch);
        throw new ApiException(409, "stale_epoch", "epoch " + epoch + " of " + writer + " is below the promised epoch "
            + promisedEpoch + ": a newer writer has taken over, this writer is fenced");
      }
      if (epoch > promisedEpoch) {
        throw new ApiException(409, "epoch_not_promised", "epoch " + epoch + " of " + writer
            + " was never promised (promised " + promisedEpoch + "); claim it first with POST /journal/" + journalId + "/epoch");
      }
      if (txid != lastTxId + 1) {
        throw new ApiException(409, "txid_mismatch", "txid " + txid + " from " + writer + " does not follow the last txid "
            + lastTxId + "; catch up with GET /journal/" + journalId + "/records?fromTxId=" + (lastTxId + 1));
      }
    }
    JournalRecord r = JournalRecord.of(txid, epoch, op, path, data, writer, clock.instant());
    try {
      storage.append(r);
    } catch (IOException e) {
      log.error("{}: journal {}: cannot write {}", nodeId, journalId, storage.location(), e);
      throw new ApiException(500, "storage_error", "journal " + journalId + ": cannot write " + storage.location() + ": " + e);
    }
    records.add(r);
    lastTxId = Math.max(lastTxId, txid);
    return r;
  }

  /** Up to {@code limit} records with txid at least {@code fromTxId}, in journal (file) order. */
  public synchronized List<JournalRecord> records(long fromTxId, int limit) {
    requireUsable();
    return records.stream().filter(r -> r.txid() >= fromTxId).limit(limit).toList();
  }

  /** Up to {@code limit} records from position {@code offset} in journal (file) order: every record, duplicates too. */
  public synchronized List<JournalRecord> recordsAt(int offset, int limit) {
    requireUsable();
    return List.copyOf(records.subList(Math.min(offset, records.size()), Math.min(records.size(), offset + limit)));
  }

  private void promise(long epoch) {
    try {
      storage.writePromise(epoch);
    } catch (IOException e) {
      log.error("{}: journal {}: cannot write the promise to {}", nodeId, journalId, storage.location(), e);
      throw new ApiException(500, "storage_error", "journal " + journalId + ": cannot write the promise to "
          + storage.location() + ": " + e);
    }
    promisedEpoch = epoch;
  }

  private void requireUsable() {
    if (corruption.isPresent()) {
      throw new ApiException(500, "journal_corrupt", "journal " + journalId + " cannot be used: " + corruption.get()
          + "; nothing was changed on disk: repair or move the file away and restart the journal node");
    }
  }
}
