package io.baton.controller;

import io.baton.controller.core.FenceResult;
import java.io.IOException;

/**
 * What the controller does to NameNodes: the local one's transitions, and the old active's graceful and hard
 * fencing. Implementations block (with their own timeouts); the runtime calls them off the actor thread.
 */
public interface NameNodeOps {
  /** transitionToActive(REQUEST_BY_ZKFC) on the local NameNode, within the new-active timeout. */
  void transitionToActive() throws IOException;

  /** transitionToStandby on the local NameNode, within the graceful-fence timeout. */
  void transitionToStandby() throws IOException;

  /** transitionToStandby on another NameNode of the nameservice (the old active), graceful-fence timeout. */
  void gracefulFence(String namenodeId) throws IOException;

  /** Whether another NameNode's HA port accepts a TCP connection right now (a quick liveness probe). */
  boolean reachable(String namenodeId);

  /** getServiceStatus on another NameNode, with a short timeout and no connect retry. */
  io.baton.controller.core.ServiceState serviceState(String namenodeId) throws IOException;

  /** Runs the fencing chain against another NameNode; never throws. */
  FenceResult fence(String namenodeId);
}
