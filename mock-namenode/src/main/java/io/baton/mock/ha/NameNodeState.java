package io.baton.mock.ha;

import io.baton.mock.common.ApiException;
import io.baton.mock.fs.Namespace;
import io.baton.mock.fs.NamespaceOp;
import io.baton.mock.journal.EditLog;
import io.baton.mock.journal.EditLog.EditLogException;
import io.baton.mock.journal.Journal;
import io.baton.mock.journal.JournalRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.ha.HAServiceProtocol.HAServiceState;
import org.apache.hadoop.ha.ServiceFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NameNode's HA state, writer epoch and namespace, kept consistent with the shared journal.
 * Becoming active claims a new epoch, catches up and writes an {@code epoch-start} record before serving;
 * only the active writes, and a write is acknowledged only after the journal accepted it. A journal refusal
 * (a newer writer took over) demotes the node: that is storage fencing at work. Thread-safe.
 */
public final class NameNodeState {
  static final int PAGE = 1000;
  private static final Logger log = LoggerFactory.getLogger(NameNodeState.class);

  private final String nodeId;
  private final EditLog editLog;
  private final Namespace namespace = new Namespace();
  // Volatile so status polls never wait behind a transition that is talking to the journal.
  private volatile HAServiceState acting = HAServiceState.STANDBY;
  /** Set while a zombie claims STANDBY on the wire but keeps acting as active. */
  private volatile boolean pretendingStandby;
  private volatile long epoch;
  private volatile long lastApplied;
  private volatile Optional<String> fencedReason = Optional.empty();
  /** When the acting state last changed, epoch ms (0: never), as Hadoop's NameNodeStatus LastHATransitionTime. */
  private volatile long lastHaTransitionTime;
  private final Clock clock;

  public NameNodeState(String nodeId, EditLog editLog) {
    this(nodeId, editLog, Clock.systemUTC());
  }

  public NameNodeState(String nodeId, EditLog editLog, Clock clock) {
    this.nodeId = nodeId;
    this.editLog = editLog;
    this.clock = clock;
  }

  /** A consistent view for /status. */
  public record Snapshot(HAServiceState acting, HAServiceState reported, long epoch, long lastTxId,
      Optional<String> fencedReason, long lastHaTransitionTime) {}

  /** Never blocks (fields are volatile); may mix values from either side of a concurrent transition. */
  public Snapshot snapshot() {
    return new Snapshot(acting, reportedState(), epoch, lastApplied, fencedReason, lastHaTransitionTime);
  }

  /** What getServiceStatus says: the truth, unless a zombie is pretending to be standby. Never blocks. */
  public HAServiceState reportedState() {
    return pretendingStandby ? HAServiceState.STANDBY : acting;
  }

  public synchronized void becomeActive() throws ServiceFailedException {
    if (acting == HAServiceState.ACTIVE && !pretendingStandby) {
      return;
    }
    if (acting == HAServiceState.OBSERVER) {
      throw new ServiceFailedException("Cannot transition from observer to active");
    }
    HAServiceState from = reportedState();
    try {
      Journal.EpochGrant grant = editLog.claimEpoch(nodeId);
      catchUp();
      long txid = lastApplied + 1;
      editLog.append(grant.epoch(), txid, JournalRecord.EPOCH_START, "/", nodeId, nodeId);
      epoch = grant.epoch();
      lastApplied = txid;
    } catch (EditLogException e) {
      acting = HAServiceState.STANDBY;
      pretendingStandby = false;
      throw new ServiceFailedException(nodeId + " cannot become active: " + e.getMessage(), e);
    }
    acting = HAServiceState.ACTIVE;
    pretendingStandby = false;
    fencedReason = Optional.empty();
    lastHaTransitionTime = clock.millis();
    log.info("{}: {} -> ACTIVE (epoch {}, caught up to txid {})", nodeId, label(from), epoch, lastApplied);
  }

  /** @param zombie keep acting as active while reporting standby (the {@code zombie} fault) */
  public synchronized void becomeStandby(boolean zombie) {
    if (zombie && acting == HAServiceState.ACTIVE) {
      if (!pretendingStandby) {
        log.warn("{}: ZOMBIE: reporting ACTIVE -> STANDBY but still acting as active (epoch {})", nodeId, epoch);
      }
      pretendingStandby = true;
      return;
    }
    moveTo(HAServiceState.STANDBY, "requested");
  }

  public synchronized void becomeObserver() throws ServiceFailedException {
    if (acting == HAServiceState.ACTIVE) {
      throw new ServiceFailedException("Transition from active to observer is not allowed");
    }
    moveTo(HAServiceState.OBSERVER, "requested");
  }

  /** Journals then applies {@code op}; only the active may. */
  public synchronized WriteAck write(NamespaceOp op) {
    if (acting != HAServiceState.ACTIVE) {
      throw notServing("WRITE");
    }
    namespace.check(op);
    long txid = lastApplied + 1;
    try {
      editLog.append(epoch, txid, op.op(), op.path(), op.data(), nodeId);
    } catch (EditLogException e) {
      if (e.rejected()) {
        String why = "the journal refused txid " + txid + " at epoch " + epoch + " (" + e.error() + ")";
        fencedReason = Optional.of(why);
        moveTo(HAServiceState.STANDBY, "fenced by the journal: " + e.getMessage());
        throw new ApiException(503, "fenced", nodeId + " is no longer active: " + why + "; retry on the active NameNode");
      }
      // The record may or may not have been written: stop writing rather than guess (a real NameNode exits here).
      fencedReason = Optional.of("lost the journal at txid " + txid + ": " + e.getMessage());
      moveTo(HAServiceState.STANDBY, "lost the journal: " + e.getMessage());
      throw new ApiException(503, "journal_unavailable", nodeId + " could not journal txid " + txid
          + " (outcome unknown): " + e.getMessage());
    }
    namespace.apply(op.op(), op.path(), op.data());
    lastApplied = txid;
    return new WriteAck(nodeId, epoch, txid, op.path());
  }

  /**
   * A zombie keeps writing on its own, as a real active does (edit log rolls, lease recovery): one record to
   * {@code /.zombie/<nodeId>} per call while it pretends to be standby. Returns whether it wrote.
   */
  public boolean zombieTick() {
    synchronized (this) {
      if (!(pretendingStandby && acting == HAServiceState.ACTIVE)) {
        return false;
      }
    }
    try {
      write(NamespaceOp.write("/.zombie/" + nodeId, "epoch " + epoch));
      return true;
    } catch (ApiException e) {
      log.info("{}: zombie write refused: {}", nodeId, e.getMessage());
      return false;
    }
  }

  public synchronized Namespace.Entry read(String path) {
    if (acting != HAServiceState.ACTIVE && acting != HAServiceState.OBSERVER) {
      throw notServing("READ");
    }
    return namespace.get(path).orElseThrow(() -> new ApiException(404, "not_found", "no such file or directory: " + path));
  }

  /** One tailing round for a non-active node: fetch what follows the last applied txid, apply it in order. */
  public void tailOnce() throws EditLogException {
    if (snapshot().acting() == HAServiceState.ACTIVE) {
      return;
    }
    List<JournalRecord> page = editLog.read(lastApplied + 1, PAGE);
    synchronized (this) {
      if (acting != HAServiceState.ACTIVE) {
        applyInOrder(page);
      }
    }
  }

  private void catchUp() throws EditLogException {
    for (int round = 0; round < 1_000_000; round++) {
      List<JournalRecord> page = editLog.read(lastApplied + 1, PAGE);
      if (!applyInOrder(page)) {
        return;
      }
    }
  }

  /** Applies records that continue the sequence; returns whether anything was applied. */
  private boolean applyInOrder(List<JournalRecord> page) {
    boolean applied = false;
    for (JournalRecord r : page) {
      if (r.txid() == lastApplied + 1) {
        namespace.apply(r.op(), r.path(), r.data());
        lastApplied = r.txid();
        applied = true;
      }
    }
    return applied;
  }

  private ApiException notServing(String category) {
    return new ApiException(503, "standby", nodeId + ": Operation category " + category
        + " is not supported in state " + reportedState() + "; use the active NameNode");
  }

  private void moveTo(HAServiceState to, String reason) {
    HAServiceState from = reportedState();
    if (acting != to) {
      lastHaTransitionTime = clock.millis();
    }
    acting = to;
    pretendingStandby = false;
    if (from != to) {
      log.info("{}: {} -> {} ({}, epoch {})", nodeId, label(from), label(to), reason, epoch);
    }
  }

  static String label(HAServiceState s) {
    return s.name();
  }
}
