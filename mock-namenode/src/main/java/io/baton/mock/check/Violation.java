package io.baton.mock.check;

import java.util.List;

/**
 * One broken guarantee, with the lines that prove it.
 *
 * @param kind what broke (see {@link Kind})
 * @param summary one sentence, e.g. "nn1 acknowledged c1-000042 at epoch 1 after epoch 2 began"
 * @param evidence the history operations and journal records involved, as readable lines
 */
public record Violation(Kind kind, String summary, List<String> evidence) {
  public Violation {
    evidence = List.copyOf(evidence);
  }

  public enum Kind {
    /** Two NameNodes acknowledged writes in the same epoch. */
    SPLIT_BRAIN_SAME_EPOCH,
    /** A NameNode acknowledged a write invoked after a higher epoch had begun. */
    SPLIT_BRAIN_STALE_EPOCH,
    /** The journal accepted a record whose epoch is lower than one it had already accepted. */
    STALE_EPOCH_IN_JOURNAL,
    /** An acknowledged write is not in the journal (or its txid holds something else). */
    LOST_WRITE,
    /** Two journal records carry the same txid. */
    DUPLICATE_TXID,
    /** A journal txid does not follow the previous one (a gap or a step back). */
    OUT_OF_ORDER_TXID
  }
}
