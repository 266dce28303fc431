package io.baton.mock.client;

import java.time.Instant;

/**
 * One client operation as the history file holds it (one JSON object per line).
 *
 * @param op unique operation id, e.g. {@code c1-000042}
 * @param value the unique value written (so the checker can find it in the journal)
 * @param nameNode the NameNode that acknowledged it (ok) or answered last
 * @param epoch / txid from the acknowledgement; null unless ok
 * @param outcome {@code ok} (acknowledged), {@code failed} (definitely not applied) or {@code unknown}
 * @param attempts how many NameNode calls the operation took
 */
public record HistoryRecord(String op, String client, String type, String path, String value, Instant invokeTime,
    Instant completeTime, String nameNode, Long epoch, Long txid, String outcome, String error, int attempts) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String UNKNOWN = "unknown";

  public boolean ok() {
    return OK.equals(outcome);
  }
}
