package io.baton.fencing;

import io.baton.config.SharedEditsConfig;
import io.baton.fencing.NamespaceSource.NamespaceUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.hdfs.qjournal.protocol.QJournalProtocol;
import org.apache.hadoop.hdfs.qjournal.protocol.QJournalProtocolProtos.GetJournalStateResponseProto;
import org.apache.hadoop.hdfs.qjournal.protocol.QJournalProtocolProtos.NewEpochResponseProto;
import org.apache.hadoop.hdfs.qjournal.protocolPB.QJournalProtocolTranslatorPB;
import org.apache.hadoop.hdfs.server.protocol.NamespaceInfo;

/**
 * {@code journal}: storage fencing on the quorum journal, over Hadoop IPC ({@code QJournalProtocol}), as a NameNode
 * becoming active does it: {@code getJournalState} on every journal node of the nameservice's shared edits, then
 * {@code newEpoch(highest promised + 1)}. Once a majority has promised that epoch, the old active's next write to
 * the journal is refused and it stops; this holds whether or not its host is reachable. Returns as soon as a
 * majority answered. The new active then claims its own, higher epoch in {@code transitionToActive}.
 */
final class JournalFenceMethod implements FenceMethod {
  private static final Duration MAX_CALL = Duration.ofSeconds(10);

  private final SharedEditsConfig edits;
  private final String nameserviceId;
  private final NamespaceSource namespaces;
  private final HadoopIpc ipc;

  JournalFenceMethod(SharedEditsConfig edits, String nameserviceId, NamespaceSource namespaces, HadoopIpc ipc) {
    this.edits = edits;
    this.nameserviceId = nameserviceId;
    this.namespaces = namespaces;
    this.ipc = ipc;
  }

  @FunctionalInterface
  private interface JournalCall<T> {
    T call(QJournalProtocol journal) throws Exception;
  }

  @Override
  public FenceResult fence(FenceContext ctx) throws InterruptedException {
    NamespaceInfo namespace;
    try {
      namespace = namespaces.get(ctx.target(), ctx.deadline());
    } catch (NamespaceUnavailableException e) {
      return e.unreachable() ? FenceResult.unreachable(e.getMessage()) : FenceResult.failed(e.getMessage());
    }
    QuorumCall.Result<GetJournalStateResponseProto> states = onEveryNode(ctx.deadline(), majority(),
        j -> j.getJournalState(edits.journalId(), nameserviceId));
    states.replies().forEach(r -> ctx.output().info("getJournalState " + r.failure().map(IpcFailure::toString)
        .orElseGet(() -> r.node() + " lastPromisedEpoch " + r.value().orElseThrow().getLastPromisedEpoch())));
    if (states.succeeded() < majority()) {
      return notFenced("the journal state", states);
    }
    long epoch = states.values().stream().mapToLong(GetJournalStateResponseProto::getLastPromisedEpoch).max()
        .orElseThrow() + 1;
    QuorumCall.Result<NewEpochResponseProto> promises = onEveryNode(ctx.deadline(), majority(),
        j -> j.newEpoch(edits.journalId(), nameserviceId, namespace, epoch));
    promises.replies().forEach(r -> ctx.output().info("newEpoch " + epoch + " " + r.failure()
        .map(IpcFailure::toString).orElseGet(() -> r.node() + " promised")));
    if (promises.succeeded() >= majority()) {
      return FenceResult.fenced(tally(promises) + " promised epoch " + epoch + " for journal " + edits.journalId()
          + "; a writer with an older epoch can no longer write to it");
    }
    if (promises.replies().stream().anyMatch(r -> r.failure().filter(f -> f.refused()
        && f.cause().toLowerCase(Locale.ROOT).contains("incompatible")).isPresent())) {
      namespaces.forget(); // the namespace was formatted again: ask a NameNode next time
    }
    return notFenced("epoch " + epoch, promises);
  }

  /**
   * Read only: asks every journal node for the journal's state, and a NameNode for the namespace; passes when
   * both answered and a majority of the journal nodes know the journal.
   */
  @Override
  public CheckResult drill(FenceContext ctx) throws InterruptedException {
    QuorumCall.Result<GetJournalStateResponseProto> states = onEveryNode(ctx.deadline(), edits.journalNodes().size(),
        j -> j.getJournalState(edits.journalId(), nameserviceId));
    String tally = tally(states) + " of " + edits.uri() + " answered for journal " + edits.journalId();
    List<String> missing = states.replies().stream().filter(r -> !r.ok()).map(QuorumCall.Reply::toString).toList();
    String detail = tally + (missing.isEmpty() ? "" : "; not: " + String.join("; ", missing));
    if (states.succeeded() < majority()) {
      return CheckResult.failed(detail);
    }
    try {
      namespaces.get(ctx.target(), ctx.deadline());
    } catch (NamespaceUnavailableException e) {
      return CheckResult.failed(detail + "; but " + e.getMessage());
    }
    return CheckResult.passed(detail);
  }

  private int majority() {
    return QuorumCall.majority(edits.journalNodes().size());
  }

  private <T> QuorumCall.Result<T> onEveryNode(Deadline deadline, int needed, JournalCall<T> call)
      throws InterruptedException {
    return QuorumCall.run(edits.journalNodes(), needed, deadline, node -> {
      QJournalProtocolTranslatorPB proxy = ipc.journal(node, deadline.capMillis(MAX_CALL));
      try {
        return call.call(proxy);
      } finally {
        HadoopIpc.close(proxy);
      }
    });
  }

  private String tally(QuorumCall.Result<?> result) {
    return result.succeeded() + " of " + edits.journalNodes().size() + " journal nodes (majority " + majority() + ")";
  }

  /** FAILED when a journal node refused (wrong journal, namespace, epoch); UNREACHABLE when none could say. */
  private FenceResult notFenced(String what, QuorumCall.Result<?> result) {
    String why = "not fenced: " + tally(result) + " answered for " + what + " of journal " + edits.journalId()
        + ": " + result;
    return result.anyRefused() ? FenceResult.failed(why) : FenceResult.unreachable(why);
  }
}
