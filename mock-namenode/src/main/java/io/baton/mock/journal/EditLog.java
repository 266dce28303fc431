package io.baton.mock.journal;

import java.util.List;

/** The shared edit log as a NameNode uses it: claim an epoch, append, tail. */
public interface EditLog {

  Journal.EpochGrant claimEpoch(String writer) throws EditLogException;

  JournalRecord append(long epoch, long txid, String op, String path, String data, String writer)
      throws EditLogException;

  /** Up to {@code limit} records with txid at least {@code fromTxId}, in journal order. */
  List<JournalRecord> read(long fromTxId, int limit) throws EditLogException;

  /** For messages: {@code http://127.0.0.1:18485/journal/ns1}. */
  String describe();

  /** Why a call failed: refused by the journal (nothing written) or unavailable (outcome unknown). */
  final class EditLogException extends Exception {
    private final boolean rejected;
    private final String error;

    public EditLogException(boolean rejected, String error, String message, Throwable cause) {
      super(message, cause);
      this.rejected = rejected;
      this.error = error;
    }

    /** True when the journal answered and refused: the record was definitely not written. */
    public boolean rejected() {
      return rejected;
    }

    /** The journal's error code ({@code stale_epoch}, ...) or {@code unavailable}. */
    public String error() {
      return error;
    }
  }
}
