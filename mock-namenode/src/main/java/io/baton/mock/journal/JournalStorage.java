package io.baton.mock.journal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Where one journal keeps its promise and its records. Implementations make each call durable before returning. */
public interface JournalStorage {

  /** What was stored; {@code corruption} explains why the stored data cannot be used (nothing is modified then). */
  record Loaded(long promisedEpoch, List<JournalRecord> records, Optional<String> corruption) {}

  Loaded load() throws IOException;

  void append(JournalRecord record) throws IOException;

  void writePromise(long epoch) throws IOException;

  /** Where the data lives, for messages. */
  String location();

  /** Keeps nothing: for tests and for NameNodes run without shared edits. */
  final class InMemory implements JournalStorage {
    @Override
    public Loaded load() {
      return new Loaded(0, List.of(), Optional.empty());
    }

    @Override
    public void append(JournalRecord record) {}

    @Override
    public void writePromise(long epoch) {}

    @Override
    public String location() {
      return "memory";
    }
  }
}
