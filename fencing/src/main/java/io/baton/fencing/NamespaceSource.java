package io.baton.fencing;

import io.baton.config.NameNodeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hdfs.protocolPB.NamenodeProtocolTranslatorPB;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;

/**
 * The {@link NamespaceInfo} a journal node's {@code newEpoch} checks against its storage, from a NameNode of the
 * nameservice ({@code versionRequest}): the local NameNode first (the one about to become active, so it is up), then
 * the others, the fencing target last. Kept once read: it changes only when the namespace is formatted again,
 * and then the journal nodes refuse it and {@link #forget} drops it.
 */
final class NamespaceSource {
  private static final Duration MAX_PER_NAMENODE = Duration.ofSeconds(5);

  private final List<NameNodeConfig> namenodes;
  private final Optional<String> localId;
  private final HadoopIpc ipc;
  private volatile NamespaceInfo cached;

  NamespaceSource(List<NameNodeConfig> namenodes, Optional<String> localId, HadoopIpc ipc) {
    this.namenodes = List.copyOf(namenodes);
    this.localId = localId;
    this.ipc = ipc;
  }

  /** Thrown when no NameNode answered; {@code unreachable} when none was reached at all. */
  static final class NamespaceUnavailableException extends Exception {
    private final boolean unreachable;

    NamespaceUnavailableException(String message, boolean unreachable) {
      super(message);
      this.unreachable = unreachable;
    }

    boolean unreachable() {
      return unreachable;
    }
  }

  NamespaceInfo get(NameNodeConfig target, Deadline deadline) throws NamespaceUnavailableException {
    NamespaceInfo known = cached;
    if (known != null) {
      return known;
    }
    List<IpcFailure> failures = new ArrayList<>();
    for (NameNodeConfig nn : askOrder(target)) {
      if (deadline.expired()) {
        failures.add(IpcFailure.noAnswerWithin(nn.haAddress(), 0));
        continue;
      }
      NamenodeProtocolTranslatorPB proxy = null;
      try {
        proxy = ipc.namenode(nn.haAddress(), deadline.capMillis(MAX_PER_NAMENODE));
        NamespaceInfo info = proxy.versionRequest();
        cached = info;
        return info;
      } catch (Exception e) {
        failures.add(IpcFailure.of(nn.haAddress(), e));
      } finally {
        if (proxy != null) {
          HadoopIpc.close(proxy);
        }
      }
    }
    boolean noneReached = failures.stream().noneMatch(IpcFailure::refused);
    throw new NamespaceUnavailableException("no NameNode of the nameservice gave its namespace (versionRequest),"
        + " which the journal nodes check before promising an epoch: " + String.join("; ",
            failures.stream().map(IpcFailure::toString).toList()), noneReached);
  }

  /** Drops the kept namespace, e.g. after a journal node said it does not match its storage. */
  void forget() {
    cached = null;
  }

  private List<NameNodeConfig> askOrder(NameNodeConfig target) {
    List<NameNodeConfig> order = new ArrayList<>();
    namenodes.stream().filter(nn -> localId.filter(nn.id()::equals).isPresent()).forEach(order::add);
    namenodes.stream().filter(nn -> !order.contains(nn) && !nn.id().equals(target.id())).forEach(order::add);
    namenodes.stream().filter(nn -> !order.contains(nn)).forEach(order::add);
    return order;
  }
}
