package io.baton.controller.admin;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who asked the admin API to change something: every mutating call, answered or refused, logged with the node id
 * first and kept in memory (the last {@value #KEEP}) for {@code GET /v1/audit}.
 */
public final class AdminAudit {
  private static final Logger log = LoggerFactory.getLogger(AdminAudit.class);
  static final int KEEP = 200;
  private final String nodeId;
  private final Clock clock;
  private final Deque<Entry> entries = new ArrayDeque<>();

  /**
   * @param caller the remote address
   * @param principal {@code token} when the call carried the right token, {@code anonymous} otherwise
   * @param request the request body (abbreviated), or empty
   * @param status the HTTP status answered
   * @param outcome {@code ok}, {@code refused: <why>} or {@code failed}
   */
  public record Entry(String at, String caller, String principal, String method, String path, String request,
      int status, String outcome) {}

  public AdminAudit(String nodeId, Clock clock) {
    this.nodeId = nodeId;
    this.clock = clock;
  }

  void record(String caller, String principal, String method, String path, String request, int status,
      String outcome) {
    Entry e = new Entry(clock.instant().toString(), caller, principal, method, path, request, status, outcome);
    synchronized (entries) {
      entries.addLast(e);
      while (entries.size() > KEEP) {
        entries.removeFirst();
      }
    }
    String line = "{}: admin API {} {}{} from {} by {}: {} {}";
    Object[] args = {nodeId, method, path, request.isEmpty() ? "" : " " + request, caller, principal, status, outcome};
    if (status >= 200 && status < 300) {
      log.info(line, args);
    } else {
      log.warn(line, args);
    }
  }

  /** Oldest first. */
  public List<Entry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }
}
