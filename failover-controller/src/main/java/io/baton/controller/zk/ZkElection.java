package io.baton.controller.zk;

import io.baton.controller.core.Event;
import io.baton.controller.core.HealthState;
import io.baton.controller.core.StepDownVerdict;
import io.baton.controller.core.ZkConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election on ZooKeeper with Hadoop's layout: whoever creates the ephemeral lock znode is the active; the
 * persistent breadcrumb names the last active; Baton's epoch znode counts promotions. All ZooKeeper work runs
 * on one thread of its own; watch and connection callbacks only hand work to it. Results go to the core as
 * events through {@code sink} (which must not block).
 */
public final class ZkElection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ZkElection.class);
  private static final int MAX_RACE_RETRIES = 5;

  private final CuratorFramework client;
  private final ZkPaths paths;
  private final byte[] myData;
  private final String nodeId;
  private final NodeIdentities identities;
  private final Consumer<Event> sink;
  private final Clock clock;
  private final Clock wallClock;
  private final ExecutorService worker;
  private final ConnectionStateListener connectionListener = this::onConnectionChange;
  private final CuratorWatcher lockWatcher = this::onLockEvent;
  private final CuratorWatcher epochWatcher = this::onEpochEvent;
  private volatile boolean joined;
  private volatile Instant lockFreeSince;
  private volatile int breadcrumbVersion = -1;

  /**
   * The breadcrumb as read after winning.
   *
   * @param order the breadcrumb's mzxid (0 without breadcrumb)
   * @param verdict the step-down verdict beside the lock, with its own mzxid as order
   */
  public record Breadcrumb(Optional<String> previousActive, Optional<Instant> lastPromotionAt, long order,
      Optional<StepDownVerdict> verdict, Optional<String> unreadable) {
    public Breadcrumb(Optional<String> previousActive, Optional<Instant> lastPromotionAt) {
      this(previousActive, lastPromotionAt, 0, Optional.empty(), Optional.empty());
    }
  }

  public ZkElection(CuratorFramework client, ZkPaths paths, ActiveNodeInfo me, NodeIdentities identities,
      Consumer<Event> sink, Clock clock) {
    this(client, paths, me, identities, sink, clock, clock);
  }

  /**
   * @param clock the core's clock (monotonic), for when the lock became free
   * @param wallClock for the promotion time in the epoch record, which peers read
   */
  public ZkElection(CuratorFramework client, ZkPaths paths, ActiveNodeInfo me, NodeIdentities identities,
      Consumer<Event> sink, Clock clock, Clock wallClock) {
    this.client = Objects.requireNonNull(client, "client");
    this.paths = Objects.requireNonNull(paths, "paths");
    this.myData = me.encode();
    this.nodeId = me.namenodeId();
    this.identities = Objects.requireNonNull(identities, "identities");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "zk-election-" + me.namenodeId());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts watching the lock and the connection; reports the connection as CONNECTED when it is. */
  public void start() {
    client.getConnectionStateListenable().addListener(connectionListener);
    if (client.getZookeeperClient().isConnected()) {
      sink.accept(new Event.ZkConnectionChanged(ZkConnection.CONNECTED));
    }
    later(this::observeOrAcquire);
  }

  /** Try to take the lock; the outcome arrives as ElectionWon or LockObserved. */
  public void join() {
    joined = true;
    later(this::observeOrAcquire);
  }

  /** Release the lock if it is ours; delete our breadcrumb only after a clean step-down. */
  public void quit(boolean deleteBreadcrumb) {
    quit(deleteBreadcrumb, Optional.empty());
  }

  /**
   * Release the lock if it is ours; delete our breadcrumb only after a clean step-down. With a verdict about our
   * NameNode, write it beside the lock in the same transaction that deletes the lock: whoever sees the lock free
   * also sees the verdict.
   */
  public void quit(boolean deleteBreadcrumb, Optional<HealthState> verdict) {
    joined = false;
    later(() -> {
      if (deleteBreadcrumb) {
        // before the lock: once the lock is free the next active reads the breadcrumb (Hadoop's order too)
        deleteIfMine(paths.breadcrumb(), false);
      }
      if (verdict.isPresent() && releaseWithVerdict(verdict.get())) {
        return;
      }
      deleteIfMine(paths.lock(), true);
    });
  }

  /** Reads the breadcrumb and the last epoch; remembers the breadcrumb version for the CAS write. */
  public Breadcrumb readBreadcrumb() throws Exception {
    return onWorker(() -> {
      Stat stat = new Stat();
      Optional<String> previous;
      Optional<String> unreadable = Optional.empty();
      try {
        byte[] data = client.getData().storingStatIn(stat).forPath(paths.breadcrumb());
        breadcrumbVersion = stat.getVersion();
        previous = Arrays.equals(data, myData) ? Optional.of(nodeId) : identities.namenodeIdOf(data);
        if (previous.isEmpty()) {
          unreadable = Optional.of(unreadableBreadcrumb(data));
        }
      } catch (KeeperException.NoNodeException e) {
        breadcrumbVersion = -1;
        previous = Optional.empty();
      }
      EpochRecord last = readEpochLeniently();
      return new Breadcrumb(previous, last.epoch() == 0 ? Optional.empty() : Optional.of(last.at()),
          previous.isPresent() ? stat.getMzxid() : 0, readVerdict(), unreadable);
    });
  }

  /** Names the znode, what it holds and what the operator may do; the promotion itself goes on. */
  private String unreadableBreadcrumb(byte[] data) {
    return "breadcrumb " + paths.breadcrumb() + " holds " + ZnodeText.preview(data) + ", which names no NameNode"
        + " of this nameservice (not written by a controller of it); the next promotion overwrites it, nothing"
        + " to repair";
  }

  /** The step-down verdict beside the lock; an unreadable one is ignored (it can only save time, never safety). */
  private Optional<StepDownVerdict> readVerdict() throws Exception {
    Stat stat = new Stat();
    try {
      StepDownRecord r = StepDownRecord.decode(client.getData().storingStatIn(stat).forPath(paths.stepDown()));
      return Optional.of(new StepDownVerdict(r.namenodeId(), r.health(), r.at(), stat.getMzxid()));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      log.warn("{}: ignoring {}: {}", nodeId, paths.stepDown(), e.getMessage());
      return Optional.empty();
    }
  }

  /** On the worker: writes the verdict and deletes our lock atomically; false when the lock is not ours. */
  private boolean releaseWithVerdict(HealthState health) {
    try {
      Stat lock = client.checkExists().forPath(paths.lock());
      if (lock == null || lock.getEphemeralOwner() != sessionId()) {
        return false;
      }
      byte[] data = new StepDownRecord(nodeId, health, clock.instant()).encode();
      CuratorOp write = client.checkExists().forPath(paths.stepDown()) == null
          ? client.transactionOp().create().withMode(CreateMode.PERSISTENT).forPath(paths.stepDown(), data)
          : client.transactionOp().setData().forPath(paths.stepDown(), data);
      client.transaction().forOperations(write,
          client.transactionOp().delete().withVersion(lock.getVersion()).forPath(paths.lock()));
      log.info("{}: released {} leaving {} {}", nodeId, paths.lock(), paths.stepDown(), health);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } catch (Exception e) {
      log.warn("{}: could not leave the step-down verdict: {}; releasing the lock without it", nodeId,
          e.toString());
      return false;
    }
  }

  /**
   * Increments the epoch and writes our breadcrumb in one ZooKeeper transaction, on our session: if the session
   * (and with it our lock) is gone, or someone changed the breadcrumb since we read it, nothing is written.
   * A breadcrumb that vanished since we read it was deleted by its owner after a clean step-down (a graceful
   * handover); that is no reason to give up the promotion, so the claim is retried once with a fresh create.
   */
  public long claimEpoch() throws Exception {
    return claimEpoch(0);
  }

  /** As {@link #claimEpoch()}; the epoch claimed is above {@code floor}, the highest the core has seen. */
  public long claimEpoch(long floor) throws Exception {
    return onWorker(() -> {
      try {
        return claimEpochOnce(floor);
      } catch (KeeperException.NoNodeException e) {
        Stat lock = client.checkExists().forPath(paths.lock());
        boolean lockIsOurs = lock != null
            && lock.getEphemeralOwner() == client.getZookeeperClient().getZooKeeper().getSessionId();
        if (breadcrumbVersion < 0 || !lockIsOurs || client.checkExists().forPath(paths.breadcrumb()) != null) {
          throw e;
        }
        log.info("{}: the breadcrumb was deleted by its owner after we read it (clean handover); claiming again",
            nodeId);
        breadcrumbVersion = -1;
        return claimEpochOnce(floor);
      }
    });
  }

  private long claimEpochOnce(long floor) throws Exception {
    Stat epochStat = new Stat();
    long next;
    CuratorOp epochOp;
    try {
      byte[] data = client.getData().storingStatIn(epochStat).forPath(paths.epoch());
      next = Math.max(EpochRepair.lastEpoch(data, epochStat, paths, nodeId), floor) + 1;
      epochOp = client.transactionOp().setData().withVersion(epochStat.getVersion())
          .forPath(paths.epoch(), new EpochRecord(next, nodeId, wallClock.instant()).encode());
    } catch (KeeperException.NoNodeException e) {
      next = 1;
      epochOp = client.transactionOp().create().withMode(CreateMode.PERSISTENT)
          .forPath(paths.epoch(), new EpochRecord(next, nodeId, wallClock.instant()).encode());
    }
    CuratorOp breadcrumbOp = breadcrumbVersion < 0
        ? client.transactionOp().create().withMode(CreateMode.PERSISTENT).forPath(paths.breadcrumb(), myData)
        : client.transactionOp().setData().withVersion(breadcrumbVersion).forPath(paths.breadcrumb(), myData);
    client.transaction().forOperations(client.transactionOp().check().forPath(paths.lock()), epochOp,
        breadcrumbOp);
    return next;
  }

  /** The lock holder right now, read from ZooKeeper (for graceful failover). */
  public Optional<String> currentHolder() throws Exception {
    return onWorker(() -> {
      try {
        byte[] data = client.getData().forPath(paths.lock());
        return Optional.of(Arrays.equals(data, myData) ? nodeId : identities.describe(data));
      } catch (KeeperException.NoNodeException e) {
        return Optional.empty();
      }
    });
  }

  @Override
  public void close() {
    client.getConnectionStateListenable().removeListener(connectionListener);
    worker.shutdown(); // let a queued quit (lock and breadcrumb deletion) finish
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // ---- on the worker thread -----------------------------------------------------------------------------

  private void observeOrAcquire() {
    for (int i = 0; i < MAX_RACE_RETRIES; i++) {
      try {
        if (joined && tryCreate()) {
          return;
        }
        Stat stat = new Stat();
        byte[] data = client.getData().storingStatIn(stat).usingWatcher(lockWatcher).forPath(paths.lock());
        if (stat.getEphemeralOwner() == sessionId()) {
          if (joined) {
            won();
          } else {
            deleteIfMine(paths.lock(), true); // left over from a join we have since quit
          }
        } else {
          // watch the epoch too: the new active claims it after it took the lock, and status shows it
          sink.accept(new Event.LockObserved(Optional.of(identities.describe(data)), watchEpoch().epoch()));
        }
        return;
      } catch (KeeperException.NoNodeException e) {
        if (paths.scope().equals(e.getPath())) {
          log.error("{}: parent znode {} does not exist; run 'baton zkfc -formatZK'", nodeId, paths.scope());
          return;
        }
        if (!joined && watchAbsentLockQuietly()) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        log.warn("{}: election step failed: {}; retrying after the connection settles", nodeId, e.toString());
        return; // the next connection event (RECONNECTED / LOST) starts over
      }
    }
    log.warn("{}: the lock kept appearing and vanishing ({} tries); waiting for the next change", nodeId,
        MAX_RACE_RETRIES);
  }

  private boolean tryCreate() throws Exception {
    try {
      client.create().withMode(CreateMode.EPHEMERAL).forPath(paths.lock(), myData);
    } catch (KeeperException.NodeExistsException e) {
      return false;
    }
    client.checkExists().usingWatcher(lockWatcher).forPath(paths.lock());
    won();
    return true;
  }

  /** Lock absent and we are not joined: watch for its creation and report it free. */
  private boolean watchAbsentLock() throws Exception {
    if (client.checkExists().usingWatcher(lockWatcher).forPath(paths.lock()) != null) {
      return false;
    }
    sink.accept(new Event.LockObserved(Optional.empty(), readEpochLeniently().epoch()));
    return true;
  }

  private boolean watchAbsentLockQuietly() {
    try {
      return watchAbsentLock();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } catch (Exception e) {
      log.warn("{}: cannot watch the lock: {}", nodeId, e.toString());
      return true;
    }
  }

  private void won() {
    Instant since = lockFreeSince;
    lockFreeSince = null;
    log.info("{}: holds the election lock {}", nodeId, paths.lock());
    sink.accept(new Event.ElectionWon(Optional.ofNullable(since)));
  }

  private void onLockEvent(WatchedEvent event) {
    if (event.getType() == Watcher.Event.EventType.None) {
      return; // connection events come through the connection listener
    }
    if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
      lockFreeSince = clock.instant();
      sink.accept(new Event.LockObserved(Optional.empty(), 0));
    }
    later(this::observeOrAcquire);
  }

  private void onEpochEvent(WatchedEvent event) {
    if (event.getType() == Watcher.Event.EventType.NodeDataChanged
        || event.getType() == Watcher.Event.EventType.NodeCreated) {
      later(this::observeOrAcquire);
    }
  }

  private void onConnectionChange(CuratorFramework c, ConnectionState state) {
    ZkConnection change = switch (state) {
      case CONNECTED -> ZkConnection.CONNECTED;
      case RECONNECTED -> ZkConnection.RECONNECTED;
      case LOST -> ZkConnection.LOST;
      case SUSPENDED, READ_ONLY -> ZkConnection.SUSPENDED;
    };
    if (change == ZkConnection.LOST) {
      joined = false; // the session and our ephemeral lock are gone; the core re-joins when it wants to
    }
    sink.accept(new Event.ZkConnectionChanged(change));
    if (change == ZkConnection.CONNECTED || change == ZkConnection.RECONNECTED) {
      later(this::observeOrAcquire);
    }
  }

  private void deleteIfMine(String path, boolean ephemeral) {
    try {
      Stat stat = new Stat();
      byte[] data = client.getData().storingStatIn(stat).forPath(path);
      boolean mine = ephemeral ? stat.getEphemeralOwner() == sessionId() : Arrays.equals(data, myData);
      if (mine) {
        client.delete().withVersion(stat.getVersion()).forPath(path);
        log.info("{}: deleted {}", nodeId, path);
      }
    } catch (KeeperException.NoNodeException | KeeperException.BadVersionException e) {
      log.debug("{}: {} already gone or changed", nodeId, path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("{}: could not delete {}: {}{}", nodeId, path, e.toString(),
          ephemeral ? "" : " (expecting to be fenced by the next active)");
    }
  }

  /** As {@link #readEpochLeniently}, leaving a watch that observes the lock again when the epoch changes. */
  private EpochRecord watchEpoch() throws Exception {
    try {
      client.checkExists().usingWatcher(epochWatcher).forPath(paths.epoch());
    } catch (KeeperException.NoNodeException e) {
      return EpochRecord.NONE;
    }
    return readEpochLeniently();
  }

  /** The last epoch record; an unreadable one counts as none here (the claim and the repair deal with it). */
  private EpochRecord readEpochLeniently() throws Exception {
    try {
      return EpochRecord.decode(client.getData().forPath(paths.epoch()));
    } catch (KeeperException.NoNodeException e) {
      return EpochRecord.NONE;
    } catch (IllegalArgumentException e) {
      log.warn("{}: {} unreadable: {}; repair with 'baton zkfc -repairEpoch'", nodeId, paths.epoch(),
          e.getMessage());
      return EpochRecord.NONE;
    }
  }

  private long sessionId() throws Exception {
    return client.getZookeeperClient().getZooKeeper().getSessionId();
  }

  /** Queues work for the ZooKeeper thread; after close there is nothing left to do. */
  private void later(Runnable work) {
    try {
      worker.execute(work);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("{}: election closed; dropping work", nodeId);
    }
  }

  private interface ZkWork<T> {
    T run() throws Exception;
  }

  private <T> T onWorker(ZkWork<T> work) throws Exception {
    try {
      return worker.submit(work::run).get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
    }
  }
}
