package io.baton.fencing;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output of one fence attempt: every line is logged at once with the method and the target, and
 * the first {@value #HEAD_LINES} are kept for the {@link FenceAttempt}. Thread-safe (stdout and stderr
 * are read on separate threads).
 */
public final class FenceLog {
  static final int HEAD_LINES = 20;
  private static final Logger log = LoggerFactory.getLogger(FenceLog.class);

  private final String nodeId;
  private final String method;
  private final String target;
  private final List<String> head = new ArrayList<>();

  public FenceLog(String nodeId, String method, String target) {
    this.nodeId = nodeId;
    this.method = method;
    this.target = target;
  }

  /** A line of normal output (a command's stdout). */
  public void info(String line) {
    log.info("{}: {} -> {}: {}", nodeId, method, target, line);
    keep(line);
  }

  /** A line of error output (a command's stderr); kept with an {@code stderr: } prefix. */
  public void warn(String line) {
    log.warn("{}: {} -> {} stderr: {}", nodeId, method, target, line);
    keep("stderr: " + line);
  }

  /** The id of the controller's NameNode, which starts every log line. */
  public String nodeId() {
    return nodeId;
  }

  public synchronized List<String> head() {
    return List.copyOf(head);
  }

  private synchronized void keep(String line) {
    if (head.size() < HEAD_LINES) {
      head.add(line);
    }
  }
}
