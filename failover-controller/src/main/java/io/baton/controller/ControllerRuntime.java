package io.baton.controller;

import io.baton.controller.core.ControllerCore;
import io.baton.controller.core.ControllerStatus;
import io.baton.controller.core.Effect;
import io.baton.controller.core.Event;
import io.baton.controller.core.FailoverRecord;
import io.baton.controller.core.FenceResult;
import io.baton.controller.health.HaServiceClients;
import io.baton.controller.zk.ZkElection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ControllerCore} as an actor: every event is handled on one thread; effects are carried out
 * by the adapters on other threads and their results come back as events. Nothing here decides anything.
 */
public final class ControllerRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControllerRuntime.class);

  private final String nodeId;
  private final ControllerCore core;
  private final NameNodeOps ops;
  private final ExecutorService actor;
  private final ExecutorService io;
  private final ExecutorService local;
  private final ExecutorService fencing;
  private final ScheduledExecutorService timers;
  private final Map<Long, CompletableFuture<Effect.Reply>> replies = new ConcurrentHashMap<>();
  private final AtomicLong requestIds = new AtomicLong();
  private final List<Consumer<ControllerStatus>> listeners = new CopyOnWriteArrayList<>();
  private final List<PromotionWaiter> promotionWaiters = new CopyOnWriteArrayList<>();
  private ZkElection election;
  private volatile ControllerStatus status;
  private volatile Consumer<String> gracefulFailoverStarter = reason -> { };

  private record PromotionWaiter(long afterId, CompletableFuture<FailoverRecord> result) {}

  public ControllerRuntime(String nodeId, ControllerCore core, NameNodeOps ops) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.core = Objects.requireNonNull(core, "core");
    this.ops = Objects.requireNonNull(ops, "ops");
    this.actor = Executors.newSingleThreadExecutor(named("controller-" + nodeId));
    this.io = Executors.newFixedThreadPool(4, named("controller-io-" + nodeId));
    this.local = Executors.newSingleThreadExecutor(named("local-nn-" + nodeId));
    this.fencing = Executors.newSingleThreadExecutor(named("fencing-" + nodeId));
    this.timers = Executors.newSingleThreadScheduledExecutor(named("timers-" + nodeId));
    this.status = core.status();
  }

  /** Must be called once before {@link #submit}; the election reports into this runtime. */
  public void attach(ZkElection election) {
    this.election = Objects.requireNonNull(election, "election");
  }

  /** Who runs a graceful failover when the core asks for one (fail-back to the preferred active). */
  public void onGracefulFailoverRequested(Consumer<String> starter) {
    this.gracefulFailoverStarter = Objects.requireNonNull(starter, "starter");
  }

  public String nodeId() {
    return nodeId;
  }

  /** Queues an event for the core; safe from any thread, never blocks. */
  public void submit(Event event) {
    try {
      actor.execute(() -> handle(event));
    } catch (RejectedExecutionException e) {
      log.debug("{}: runtime stopped; dropping {}", nodeId, event);
    }
  }

  /** The last snapshot (updated after every event). */
  public ControllerStatus status() {
    return status;
  }

  /** Called on the actor thread after every event with the new snapshot; must return quickly. */
  public void addListener(Consumer<ControllerStatus> listener) {
    listeners.add(listener);
  }

  /** Sends an admin request to the core and completes with its reply. */
  public CompletableFuture<Effect.Reply> request(Function<Long, Event> event) {
    long id = requestIds.incrementAndGet();
    CompletableFuture<Effect.Reply> reply = new CompletableFuture<>();
    replies.put(id, reply);
    submit(event.apply(id));
    return reply;
  }

  public CompletableFuture<Effect.Reply> cede(Duration period) {
    return request(id -> new Event.CedeRequested(id, period));
  }

  /** Completes with the first promotion of this node that finishes (succeeds or fails) after this call. */
  public CompletableFuture<FailoverRecord> nextPromotion() {
    CompletableFuture<FailoverRecord> result = new CompletableFuture<>();
    try {
      actor.execute(() -> {
        long last = status.recentFailovers().stream().filter(r -> r.kind() == FailoverRecord.Kind.PROMOTION)
            .mapToLong(FailoverRecord::id).max().orElse(0);
        promotionWaiters.add(new PromotionWaiter(last, result));
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  public Optional<String> currentHolder() throws Exception {
    return election.currentHolder();
  }

  private void handle(Event event) {
    List<Effect> effects;
    try {
      effects = core.handle(event);
    } catch (RuntimeException e) {
      log.error("{}: the core failed on {}: {}", nodeId, event, e.toString(), e);
      return;
    }
    for (Effect effect : effects) {
      perform(effect);
    }
    status = core.status();
    for (Consumer<ControllerStatus> l : listeners) {
      try {
        l.accept(status);
      } catch (RuntimeException e) {
        log.warn("{}: status listener failed: {}", nodeId, e.toString());
      }
    }
    completePromotionWaiters();
  }

  private void completePromotionWaiters() {
    for (PromotionWaiter w : promotionWaiters) {
      status.recentFailovers().stream()
          .filter(r -> r.kind() == FailoverRecord.Kind.PROMOTION && r.id() > w.afterId()
              && r.outcome() != FailoverRecord.Outcome.IN_PROGRESS)
          .findFirst().ifPresent(r -> {
            w.result().complete(r);
            promotionWaiters.remove(w);
          });
    }
  }

  private void perform(Effect effect) {
    if (effect instanceof Effect.JoinElection) {
      election.join();
    } else if (effect instanceof Effect.QuitElection q) {
      election.quit(q.deleteBreadcrumb(), q.verdict());
    } else if (effect instanceof Effect.ReadBreadcrumb r) {
      run(io, () -> {
        try {
          ZkElection.Breadcrumb b = election.readBreadcrumb();
          boolean reachable = b.previousActive().filter(p -> !p.equals(nodeId)).map(ops::reachable).orElse(true);
          return new Event.BreadcrumbRead(r.attempt(), b.previousActive(), b.lastPromotionAt(), reachable,
              b.order(), b.verdict(), b.unreadable());
        } catch (Exception e) {
          return new Event.StepFailed(r.attempt(), "read-breadcrumb", HaServiceClients.describe(e));
        }
      });
    } else if (effect instanceof Effect.ProbeNameNode p) {
      run(io, () -> {
        try {
          return new Event.NameNodeProbed(p.attempt(), p.namenodeId(),
              Optional.of(ops.serviceState(p.namenodeId())), "answered");
        } catch (Exception e) {
          return new Event.NameNodeProbed(p.attempt(), p.namenodeId(), Optional.empty(),
              HaServiceClients.describe(e));
        }
      });
    } else if (effect instanceof Effect.GracefulFence g) {
      run(io, () -> {
        try {
          ops.gracefulFence(g.namenodeId());
          return new Event.GracefulFenceDone(g.attempt(), true, g.namenodeId() + " went standby");
        } catch (Exception e) {
          return new Event.GracefulFenceDone(g.attempt(), false, HaServiceClients.describe(e));
        }
      });
    } else if (effect instanceof Effect.Fence f) {
      run(fencing, () -> new Event.FenceDone(f.attempt(), safeFence(f.namenodeId())));
    } else if (effect instanceof Effect.ClaimEpoch c) {
      run(io, () -> {
        try {
          return new Event.EpochClaimed(c.attempt(), election.claimEpoch(c.floor()));
        } catch (Exception e) {
          return new Event.StepFailed(c.attempt(), "claim-epoch", HaServiceClients.describe(e));
        }
      });
    } else if (effect instanceof Effect.TransitionToActive t) {
      run(local, () -> {
        try {
          ops.transitionToActive();
          return new Event.ActivationDone(t.attempt(), true, "ok");
        } catch (Exception e) {
          return new Event.ActivationDone(t.attempt(), false, HaServiceClients.describe(e));
        }
      });
    } else if (effect instanceof Effect.TransitionToStandby s) {
      log.info("{}: asking the local NameNode to go standby: {}", nodeId, s.reason());
      run(local, () -> {
        try {
          ops.transitionToStandby();
          return new Event.StandbyDone(true, "ok");
        } catch (Exception e) {
          return new Event.StandbyDone(false, HaServiceClients.describe(e));
        }
      });
    } else if (effect instanceof Effect.ScheduleTimer t) {
      try {
        timers.schedule(() -> submit(new Event.TimerFired(t.kind(), t.token())), t.delay().toMillis(),
            TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        log.debug("{}: timers stopped", nodeId);
      }
    } else if (effect instanceof Effect.Reply r) {
      CompletableFuture<Effect.Reply> f = replies.remove(r.requestId());
      if (f != null) {
        f.complete(r);
      }
    } else if (effect instanceof Effect.StartGracefulFailover g) {
      Consumer<String> starter = gracefulFailoverStarter;
      io.execute(() -> starter.accept(g.reason()));
    }
  }

  private FenceResult safeFence(String namenodeId) {
    try {
      return ops.fence(namenodeId);
    } catch (RuntimeException e) {
      return new FenceResult(false, "fencing " + namenodeId + " failed: " + e, List.of(), Duration.ZERO);
    }
  }

  private interface Step {
    Event run();
  }

  private void run(ExecutorService pool, Step step) {
    try {
      pool.execute(() -> submit(step.run()));
    } catch (RejectedExecutionException e) {
      log.debug("{}: runtime stopped; not running a step", nodeId);
    }
  }

  /**
   * Graceful stop: an active NameNode is demoted first (then our breadcrumb is deleted); waits at most
   * {@code timeout}.
   */
  public void stop(Duration timeout) {
    try {
      request(Event.StopRequested::new).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("{}: graceful stop did not finish within {} ms: {}", nodeId, timeout.toMillis(), e.toString());
    }
  }

  @Override
  public void close() {
    for (ExecutorService s : List.of(actor, io, local, fencing, timers)) {
      s.shutdownNow();
    }
    for (ExecutorService s : List.of(actor, io, local, fencing, timers)) {
      try {
        s.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    replies.values().forEach(f -> f.completeExceptionally(new IllegalStateException(nodeId + ": controller stopped")));
  }

  private static java.util.concurrent.ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
