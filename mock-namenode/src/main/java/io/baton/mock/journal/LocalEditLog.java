package io.baton.mock.journal;

import io.baton.mock.common.ApiException;
import java.util.List;

/** An {@link EditLog} on an in-process {@link Journal}: NameNodes without shared edits, and tests. */
public final class LocalEditLog implements EditLog {
  private final Journal journal;

  public LocalEditLog(Journal journal) {
    this.journal = journal;
  }

  @Override
  public Journal.EpochGrant claimEpoch(String writer) throws EditLogException {
    try {
      return journal.newEpoch(writer, java.util.Optional.empty());
    } catch (ApiException e) {
      throw translate(e);
    }
  }

  @Override
  public JournalRecord append(long epoch, long txid, String op, String path, String data, String writer)
      throws EditLogException {
    try {
      return journal.append(epoch, txid, op, path, data, writer);
    } catch (ApiException e) {
      throw translate(e);
    }
  }

  @Override
  public List<JournalRecord> read(long fromTxId, int limit) throws EditLogException {
    try {
      return journal.records(fromTxId, limit);
    } catch (ApiException e) {
      throw translate(e);
    }
  }

  @Override
  public String describe() {
    return "in-process journal";
  }

  private static EditLogException translate(ApiException e) {
    return new EditLogException(e.status() < 500, e.error(), e.getMessage(), e);
  }
}
