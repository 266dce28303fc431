package io.baton.controller.rpc;

import org.apache.hadoop.ha.ServiceFailedException;

/**
 * A graceful failover or cede refused up front, before anything changed (the controller is paused): nothing
 * was stepped down, the active stays active. haadmin exits 7 on it; a Hadoop client sees a
 * ServiceFailedException.
 */
public final class FailoverRefusedException extends ServiceFailedException {
  private static final long serialVersionUID = 1L;

  public FailoverRefusedException(String message) {
    super(message);
  }
}
