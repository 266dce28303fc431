package io.baton.controller.rpc;

import io.baton.config.NameNodeConfig;
import io.baton.config.NameserviceConfig;
import io.baton.controller.ControllerRuntime;
import io.baton.controller.core.ControllerStatus;
import io.baton.controller.core.Event;
import io.baton.controller.core.FailoverRecord;
import io.baton.controller.core.HealthState;
import io.baton.controller.core.ServiceState;
import io.baton.controller.health.HaServiceClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.ha.ServiceFailedException;
import org.apache.hadoop.ipc.RemoteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Make this node active", as Hadoop's ZKFailoverController.doGracefulFailover: cede every other controller
 * (the active last) for twice the graceful-fence timeout, let the normal election promote us, then let the
 * others re-join. Unlike Hadoop, a peer controller that does not answer does not abort it: its NameNode is
 * fenced by the election path if it is still active. Observers' controllers never demote their NameNode.
 */
public final class GracefulFailover {
  private static final Logger log = LoggerFactory.getLogger(GracefulFailover.class);
  private static final Duration EXTRA_WAIT = Duration.ofSeconds(60);

  private final ControllerRuntime runtime;
  private final NameserviceConfig nameservice;
  private final NameNodeConfig me;
  private final ZkfcClients peers;
  private final Duration cedeTime;

  public GracefulFailover(ControllerRuntime runtime, NameserviceConfig nameservice, NameNodeConfig me,
      ZkfcClients peers, Duration gracefulFenceTimeout) {
    this.runtime = runtime;
    this.nameservice = nameservice;
    this.me = me;
    this.peers = peers;
    this.cedeTime = gracefulFenceTimeout.multipliedBy(2);
  }

  /** Returns once this node is active; throws with Hadoop's messages otherwise. */
  public String run(String reason) throws ServiceFailedException {
    ControllerStatus status = runtime.status();
    if (status.health() != HealthState.HEALTHY) {
      throw new ServiceFailedException(me.id() + " is not currently healthy. Cannot be failover target");
    }
    if (status.maintenance().isPresent()) {
      // a paused target never joins the election: ceding the active now would leave nobody active
      throw new FailoverRefusedException(me.id() + ": graceful failover refused: automatic failover is paused ("
          + status.maintenance().get().reason() + ", until " + status.maintenance().get().until()
          + "); run -resume first, or wait until the pause expires");
    }
    if (status.reportedState().filter(s -> s == ServiceState.OBSERVER).isPresent()) {
      throw new ServiceFailedException(me.id() + " is in observer state. Cannot be failover target");
    }
    Optional<String> active;
    try {
      active = runtime.currentHolder();
    } catch (Exception e) {
      throw new ServiceFailedException("cannot read the election lock: " + HaServiceClients.describe(e), e);
    }
    if (active.isEmpty()) {
      throw new ServiceFailedException("No other node is currently active.");
    }
    if (active.get().equals(me.id())) {
      return me.id() + " is already active";
    }
    log.info("{}: graceful failover from {} to {}: {}", me.id(), active.get(), me.id(), reason);
    CompletableFuture<FailoverRecord> promotion = runtime.nextPromotion();
    List<NameNodeConfig> ceded = new ArrayList<>();
    try {
      for (NameNodeConfig nn : nameservice.namenodes()) {
        if (!nn.id().equals(me.id()) && !nn.id().equals(active.get())) {
          cede(nn, (int) cedeTime.toMillis(), ceded);
        }
      }
      runtime.submit(new Event.ManualFailoverExpected(reason));
      Optional<NameNodeConfig> activeNn = nameservice.namenode(active.get());
      if (activeNn.isPresent()) {
        try {
          cede(activeNn.get(), (int) cedeTime.toMillis(), ceded);
        } catch (FailoverRefusedException e) {
          runtime.submit(new Event.ManualFailoverExpected(null)); // called off: the next promotion is automatic
          throw e;
        }
      }
      FailoverRecord result = await(promotion);
      if (result.outcome() != FailoverRecord.Outcome.SUCCEEDED) {
        throw new ServiceFailedException("Failed to become active. " + result.detail());
      }
      return me.id() + " is active: " + result.detail();
    } finally {
      for (NameNodeConfig nn : ceded) {
        uncede(nn);
      }
    }
  }

  /** @throws FailoverRefusedException when the peer's controller refused (paused): nothing changed there */
  private void cede(NameNodeConfig nn, int millis, List<NameNodeConfig> ceded) throws FailoverRefusedException {
    try {
      peers.cedeActive(nn.controllerAddress(), millis, cedeTime);
      ceded.add(nn);
    } catch (RemoteException e) {
      if (millis > 0 && FailoverRefusedException.class.getName().equals(e.getClassName())) {
        throw new FailoverRefusedException("controller of " + nn.id() + " refused to cede: " + e.getMessage());
      }
      log.warn("{}: controller of {} at {} did not take cedeActive({}): {}; continuing (its NameNode is fenced if it"
          + " is still active)", me.id(), nn.id(), nn.controllerAddress(), millis, HaServiceClients.describe(e));
    } catch (Exception e) {
      log.warn("{}: controller of {} at {} did not take cedeActive({}): {}; continuing (its NameNode is fenced if it"
          + " is still active)", me.id(), nn.id(), nn.controllerAddress(), millis, HaServiceClients.describe(e));
    }
  }

  private void uncede(NameNodeConfig nn) {
    try {
      cede(nn, -1, new ArrayList<>());
    } catch (FailoverRefusedException e) {
      log.warn("{}: controller of {} refused to re-join: {}", me.id(), nn.id(), e.getMessage());
    }
  }

  private FailoverRecord await(CompletableFuture<FailoverRecord> promotion) throws ServiceFailedException {
    long deadline = System.nanoTime() + cedeTime.plus(EXTRA_WAIT).toNanos(); // monotonic: immune to clock steps
    while (System.nanoTime() - deadline < 0) {
      try {
        return promotion.get(1, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        if (runtime.status().health() != HealthState.HEALTHY) {
          throw new ServiceFailedException("Service became unhealthy while trying to failover.");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceFailedException("interrupted while waiting to become active");
      } catch (ExecutionException e) {
        throw new ServiceFailedException("controller stopped while waiting to become active", e);
      }
    }
    throw new ServiceFailedException("Unable to become active. Local node did not get an opportunity to do so from "
        + "ZooKeeper, or the local node took too long to transition to active.");
  }
}
