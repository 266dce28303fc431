package io.baton.fencing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSch's log, one level quieter (its INFO is connection chatter), each line prefixed with the node id and the
 * SSH destination like every Baton log line.
 */
final class JschLog implements com.jcraft.jsch.Logger {
  private static final Logger log = LoggerFactory.getLogger("io.baton.fencing.ssh");

  private final String prefix;

  JschLog(String nodeId, String where) {
    this.prefix = nodeId + ": ssh " + where;
  }

  @Override
  public boolean isEnabled(int level) {
    return switch (level) {
      case DEBUG, INFO -> log.isDebugEnabled();
      case WARN -> log.isInfoEnabled();
      default -> log.isWarnEnabled();
    };
  }

  @Override
  public void log(int level, String message) {
    switch (level) {
      case DEBUG, INFO -> log.debug("{}: {}", prefix, message);
      case WARN -> log.info("{}: {}", prefix, message);
      default -> log.warn("{}: {}", prefix, message);
    }
  }
}
