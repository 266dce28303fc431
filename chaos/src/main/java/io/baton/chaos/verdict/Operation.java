package io.baton.chaos.verdict;

import java.time.Instant;
import java.util.Optional;

/**
 * The part of one client history record (mock-namenode's HistoryRecord, a JSON line) the chaos kit reads.
 *
 * @param nameNode who acknowledged it (ok) or answered last; may be empty
 */
public record Operation(String op, Instant invokeTime, Instant completeTime, String nameNode, Optional<Long> epoch,
    String outcome) {

  public boolean ok() {
    return "ok".equals(outcome);
  }
}
