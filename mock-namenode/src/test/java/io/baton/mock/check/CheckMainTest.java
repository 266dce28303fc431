package io.baton.mock.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.baton.mock.client.HistoryRecord;
import io.baton.mock.client.HistoryWriter;
import io.baton.mock.journal.FileJournalStorage;
import io.baton.mock.journal.JournalRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return CheckMain.run(args, new PrintStream(out, true), new PrintStream(err, true));
  }

  private Path journalWith(JournalRecord... records) throws Exception {
    Path j = dir.resolve("edits/ns1");
    FileJournalStorage s = new FileJournalStorage(j);
    s.load();
    for (JournalRecord r : records) {
      s.append(r);
    }
    return j;
  }

  private Path history(HistoryRecord... records) throws Exception {
    Path h = dir.resolve("h.jsonl");
    try (HistoryWriter w = new HistoryWriter(h)) {
      for (HistoryRecord r : records) {
        w.write(r);
      }
    }
    return h;
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).startsWith("baton check: give at least one --history FILE");
    assertThat(run("--history", "x", "--journal", "a", "--journal-url", "http://h/j")).isEqualTo(2);
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option '--bogus'");
  }

  @Test
  void unreadableInputExitsTwoNamingTheFile() throws Exception {
    Path journal = journalWith(HistoryCheckerTest.rec(1, 1, JournalRecord.EPOCH_START, "nn1", 0));
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"op\":\"a\"}\nnot json\n");
    assertThat(run("--history", bad.toString(), "--journal", journal.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(bad + " line 1: a history record needs op, outcome, invokeTime and completeTime");
  }

  @Test
  void cleanExitsZeroAndViolatedExitsOneWithJson() throws Exception {
    Path journal = journalWith(HistoryCheckerTest.rec(1, 1, JournalRecord.EPOCH_START, "nn1", 0),
        HistoryCheckerTest.rec(2, 1, "a", "nn1", 11));
    Path h = history(HistoryCheckerTest.ok("a", "nn1", 1, 2, 10, 12));
    assertThat(run("--history", h.toString(), "--journal", dir.resolve("edits").toString())).isZero();
    assertThat(out.toString()).startsWith("CLEAN: 1 operations");
    Files.delete(h);
    history(HistoryCheckerTest.ok("a", "nn1", 1, 2, 10, 12), HistoryCheckerTest.ok("lost", "nn1", 1, 3, 20, 22));
    out.reset();
    assertThat(run("--history", h.toString(), "--journal", journal.toString(), "--json")).isEqualTo(1);
    assertThat(out.toString()).contains("\"clean\" : false").contains("\"LOST_WRITE\" : 1");
  }
}
