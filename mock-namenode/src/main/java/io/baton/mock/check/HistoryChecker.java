package io.baton.mock.check;

import io.baton.mock.check.Violation.Kind;
import io.baton.mock.client.HistoryRecord;
import io.baton.mock.journal.JournalRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks client histories against the journal (pure: no I/O):
 * <ol>
 *   <li>split brain: acknowledged writes from two NameNodes in one epoch, or a write acknowledged at a lower
 *       epoch although invoked after a higher epoch began; and journal records whose epoch goes back;
 *   <li>acknowledged writes missing from the journal;
 *   <li>duplicate or out-of-order txids in the journal.
 * </ol>
 * An epoch "begins" at its {@code epoch-start} journal record, or, without one, at the first acknowledgement
 * in that epoch.
 */
public final class HistoryChecker {

  private HistoryChecker() {}

  public static Verdict check(List<HistoryRecord> history, List<JournalRecord> journal) {
    List<Violation> out = new ArrayList<>();
    List<HistoryRecord> acked = history.stream().filter(HistoryRecord::ok).toList();
    checkJournalOrder(journal, out);
    checkEpochOwners(acked, journal, out);
    checkStaleAcks(acked, journal, out);
    checkLostWrites(acked, journal, out);
    int failed = (int) history.stream().filter(r -> HistoryRecord.FAILED.equals(r.outcome())).count();
    return new Verdict(out, history.size(), acked.size(), failed, history.size() - acked.size() - failed,
        journal.size(), writersByEpoch(acked, journal));
  }

  private static void checkJournalOrder(List<JournalRecord> journal, List<Violation> out) {
    Map<Long, JournalRecord> byTxid = new HashMap<>();
    JournalRecord prev = null;
    JournalRecord highest = null;
    for (JournalRecord r : journal) {
      JournalRecord first = byTxid.putIfAbsent(r.txid(), r);
      if (first != null) {
        out.add(new Violation(Kind.DUPLICATE_TXID, "txid " + r.txid() + " was written twice, by " + first.writer()
            + " (epoch " + first.epoch() + ") and by " + r.writer() + " (epoch " + r.epoch() + ")",
            List.of(describe(first), describe(r))));
      } else if (prev != null && r.txid() != prev.txid() + 1) {
        out.add(new Violation(Kind.OUT_OF_ORDER_TXID, "txid " + r.txid() + " follows txid " + prev.txid()
            + " in the journal", List.of(describe(prev), describe(r))));
      }
      if (highest != null && r.epoch() < highest.epoch()) {
        out.add(new Violation(Kind.STALE_EPOCH_IN_JOURNAL, "the journal accepted txid " + r.txid() + " from "
            + r.writer() + " at epoch " + r.epoch() + " after epoch " + highest.epoch() + " had written",
            List.of(describe(highest), describe(r))));
      }
      if (highest == null || r.epoch() > highest.epoch()) {
        highest = r;
      }
      prev = r;
    }
  }

  private static void checkEpochOwners(List<HistoryRecord> acked, List<JournalRecord> journal, List<Violation> out) {
    Map<Long, Map<String, HistoryRecord>> byEpoch = new TreeMap<>();
    for (HistoryRecord r : acked) {
      byEpoch.computeIfAbsent(r.epoch(), e -> new LinkedHashMap<>()).putIfAbsent(r.nameNode(), r);
    }
    Map<Long, Map<String, JournalRecord>> journalByEpoch = new TreeMap<>();
    for (JournalRecord r : journal) {
      journalByEpoch.computeIfAbsent(r.epoch(), e -> new LinkedHashMap<>()).putIfAbsent(r.writer(), r);
    }
    byEpoch.forEach((epoch, writers) -> {
      if (writers.size() > 1) {
        out.add(new Violation(Kind.SPLIT_BRAIN_SAME_EPOCH, "NameNodes " + writers.keySet()
            + " all acknowledged writes at epoch " + epoch, writers.values().stream().map(HistoryChecker::describe).toList()));
      }
    });
    journalByEpoch.forEach((epoch, writers) -> {
      if (writers.size() > 1 && !byEpoch.getOrDefault(epoch, Map.of()).keySet().containsAll(writers.keySet())) {
        out.add(new Violation(Kind.SPLIT_BRAIN_SAME_EPOCH, "the journal holds records of " + writers.keySet()
            + " at the same epoch " + epoch, writers.values().stream().map(HistoryChecker::describe).toList()));
      }
    });
  }

  private static void checkStaleAcks(List<HistoryRecord> acked, List<JournalRecord> journal, List<Violation> out) {
    Map<Long, Instant> begins = new TreeMap<>();
    Map<Long, String> beginEvidence = new HashMap<>();
    for (JournalRecord r : journal) {
      if (JournalRecord.EPOCH_START.equals(r.op()) && !begins.containsKey(r.epoch())) {
        begins.put(r.epoch(), r.time());
        beginEvidence.put(r.epoch(), describe(r));
      }
    }
    Map<Long, Instant> firstAcks = new TreeMap<>();
    for (HistoryRecord r : acked) {
      if (!begins.containsKey(r.epoch()) && !r.completeTime().isAfter(firstAcks.getOrDefault(r.epoch(), Instant.MAX))) {
        firstAcks.put(r.epoch(), r.completeTime());
        beginEvidence.put(r.epoch(), "first acknowledgement in that epoch: " + describe(r));
      }
    }
    begins.putAll(firstAcks);
    TreeSet<Long> epochs = new TreeSet<>(begins.keySet());
    for (HistoryRecord r : acked) {
      for (Long higher : epochs.tailSet(r.epoch(), false)) {
        if (r.invokeTime().isAfter(begins.get(higher))) {
          out.add(new Violation(Kind.SPLIT_BRAIN_STALE_EPOCH, r.nameNode() + " acknowledged " + r.op() + " at epoch "
              + r.epoch() + " although it was invoked after epoch " + higher + " began",
              List.of(describe(r), "epoch " + higher + " began: " + beginEvidence.get(higher))));
          break;
        }
      }
    }
  }

  private static void checkLostWrites(List<HistoryRecord> acked, List<JournalRecord> journal, List<Violation> out) {
    Map<String, List<JournalRecord>> byKey = new HashMap<>();
    Map<String, List<JournalRecord>> byValue = new HashMap<>();
    for (JournalRecord r : journal) {
      byKey.computeIfAbsent(r.epoch() + "/" + r.txid(), k -> new ArrayList<>()).add(r);
      if (r.data() != null) {
        byValue.computeIfAbsent(r.data(), k -> new ArrayList<>()).add(r);
      }
    }
    for (HistoryRecord r : acked) {
      List<JournalRecord> atTxid = byKey.getOrDefault(r.epoch() + "/" + r.txid(), List.of());
      Optional<JournalRecord> match = atTxid.stream()
          .filter(j -> r.value().equals(j.data()) && r.path().equals(j.path())).findFirst();
      if (match.isEmpty()) {
        List<String> evidence = new ArrayList<>(List.of(describe(r)));
        atTxid.forEach(j -> evidence.add("journal holds instead: " + describe(j)));
        byValue.getOrDefault(r.value(), List.of()).forEach(j -> evidence.add("value found elsewhere: " + describe(j)));
        out.add(new Violation(Kind.LOST_WRITE, r.op() + " was acknowledged by " + r.nameNode() + " at epoch "
            + r.epoch() + " txid " + r.txid() + " but the journal does not hold it there", evidence));
      }
    }
  }

  private static Map<Long, List<String>> writersByEpoch(List<HistoryRecord> acked, List<JournalRecord> journal) {
    Map<Long, TreeSet<String>> m = new TreeMap<>();
    journal.forEach(r -> m.computeIfAbsent(r.epoch(), e -> new TreeSet<>()).add(r.writer()));
    acked.forEach(r -> m.computeIfAbsent(r.epoch(), e -> new TreeSet<>()).add(r.nameNode()));
    Map<Long, List<String>> out = new TreeMap<>();
    m.forEach((e, s) -> out.put(e, List.copyOf(s)));
    return out;
  }

  static String describe(HistoryRecord r) {
    return "history " + r.op() + " " + r.outcome() + " by " + r.nameNode() + " epoch " + r.epoch() + " txid " + r.txid()
        + " invoked " + r.invokeTime() + " completed " + r.completeTime();
  }

  static String describe(JournalRecord r) {
    return "journal txid " + r.txid() + " epoch " + r.epoch() + " " + r.op() + " " + r.path()
        + (r.data() == null ? "" : " '" + r.data() + "'") + " by " + r.writer() + " at " + r.time();
  }
}
