package io.baton.mock.ha;

import io.baton.mock.fault.Fault;
import io.baton.mock.fault.Faults;
import java.io.IOException;
import org.apache.hadoop.ha.HAServiceProtocol;
import org.apache.hadoop.ha.HAServiceStatus;
import org.apache.hadoop.ha.HealthCheckFailedException;
import org.apache.hadoop.ha.ServiceFailedException;
import org.apache.hadoop.ipc.Server;
import org.apache.hadoop.security.AccessControlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAServiceProtocol with the NameNode's rules (NameNode.checkHaStateChange and friends): manual requests are
 * refused while automatic failover is on unless forced, controller requests while it is off; no observer to
 * active and no active to observer; transitions are idempotent. Every call first passes the fault gate.
 */
public final class HaServiceHandler implements HAServiceProtocol {
  private static final Logger log = LoggerFactory.getLogger(HaServiceHandler.class);

  private final String nodeId;
  private final NameNodeState state;
  private final Faults faults;
  private final boolean automaticFailover;

  public HaServiceHandler(String nodeId, NameNodeState state, Faults faults, boolean automaticFailover) {
    this.nodeId = nodeId;
    this.state = state;
    this.faults = faults;
    this.automaticFailover = automaticFailover;
  }

  @Override
  public void monitorHealth() throws IOException {
    faults.beforeCall();
    if (faults.has(Fault.UNHEALTHY)) {
      throw new HealthCheckFailedException(nodeId + " is unhealthy (injected fault)");
    }
  }

  @Override
  public HAServiceStatus getServiceStatus() throws IOException {
    faults.beforeCall();
    HAServiceState reported = state.reportedState();
    HAServiceStatus status = new HAServiceStatus(reported);
    if (reported == HAServiceState.OBSERVER) {
      return status.setNotReadyToBecomeActive("The NameNode is an observer; observers are not promoted");
    }
    return faults.notReadyReason().map(status::setNotReadyToBecomeActive).orElseGet(status::setReadyToBecomeActive);
  }

  @Override
  public void transitionToActive(StateChangeRequestInfo req) throws IOException {
    faults.beforeCall();
    checkHaStateChange(req);
    refuseIfInjected("active");
    if (req.getSource() != RequestSource.REQUEST_BY_USER_FORCED && faults.notReadyReason().isPresent()
        && state.reportedState() != HAServiceState.ACTIVE) {
      throw new ServiceFailedException(nodeId + " is not ready to become active: " + faults.notReadyReason().get());
    }
    state.becomeActive();
  }

  @Override
  public void transitionToStandby(StateChangeRequestInfo req) throws IOException {
    faults.beforeCall();
    checkHaStateChange(req);
    refuseIfInjected("standby");
    state.becomeStandby(faults.has(Fault.ZOMBIE));
  }

  @Override
  public void transitionToObserver(StateChangeRequestInfo req) throws IOException {
    faults.beforeCall();
    checkHaStateChange(req);
    refuseIfInjected("observer");
    state.becomeObserver();
  }

  private void refuseIfInjected(String target) throws ServiceFailedException {
    if (faults.has(Fault.REFUSE_TRANSITIONS)) {
      throw new ServiceFailedException(nodeId + " refuses the transition to " + target + " (injected fault)");
    }
  }

  /** NameNode.checkHaStateChange, with Hadoop's messages. */
  private void checkHaStateChange(StateChangeRequestInfo req) throws AccessControlException {
    String caller = String.valueOf(Server.getRemoteAddress());
    switch (req.getSource()) {
      case REQUEST_BY_USER -> {
        if (automaticFailover) {
          throw new AccessControlException(
              "Manual HA control for this NameNode is disallowed, because automatic HA is enabled.");
        }
      }
      case REQUEST_BY_USER_FORCED -> {
        if (automaticFailover) {
          log.warn("{}: allowing manual HA control from {} even though automatic HA is enabled, because the user "
              + "specified the force flag", nodeId, caller);
        }
      }
      case REQUEST_BY_ZKFC -> {
        if (!automaticFailover) {
          throw new AccessControlException("Request from ZK failover controller at " + caller
              + " denied since automatic HA is not enabled");
        }
      }
      default -> throw new AccessControlException("unknown request source " + req.getSource());
    }
  }
}
