package io.baton.mock.check;

import io.baton.mock.common.Json;
import io.baton.mock.common.JsonHttp;
import io.baton.mock.journal.FileJournalStorage;
import io.baton.mock.journal.JournalRecord;
import io.baton.mock.journal.JournalStorage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every journal record, in journal order, from a journal directory or a running journal node. */
public final class JournalSource {
  static final int PAGE = 5000;
  static final int MAX_PAGES = 10_000;

  private JournalSource() {}

  /**
   * @param dir a journal directory (holding {@code edits.jsonl}) or an edits dir holding exactly one journal
   * @throws IOException naming the directory and what is wrong
   */
  public static List<JournalRecord> fromDirectory(Path dir) throws IOException {
    Path journalDir = dir;
    if (!Files.exists(dir.resolve(FileJournalStorage.EDITS))) {
      if (!Files.isDirectory(dir)) {
        throw new IOException(dir + " is not a directory");
      }
      List<Path> journals;
      try (Stream<Path> s = Files.list(dir)) {
        journals = s.filter(p -> Files.exists(p.resolve(FileJournalStorage.EDITS))).toList();
      }
      if (journals.size() != 1) {
        throw new IOException(dir + " holds " + (journals.isEmpty() ? "no journal" : "several journals " + journals)
            + "; pass the journal's own directory (<edits-dir>/<journalId>)");
      }
      journalDir = journals.get(0);
    }
    JournalStorage.Loaded loaded = FileJournalStorage.readOnly(journalDir);
    if (loaded.corruption().isPresent()) {
      throw new IOException("the journal is damaged: " + loaded.corruption().get());
    }
    return loaded.records();
  }

  /** @param url e.g. {@code http://127.0.0.1:18485/journal/ns1} */
  public static List<JournalRecord> fromUrl(URI url, Duration timeout) throws IOException {
    String base = url.toString().endsWith("/") ? url.toString() : url + "/";
    JsonHttp http = new JsonHttp(timeout);
    List<JournalRecord> out = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES; page++) {
      URI u = URI.create(base + "records?offset=" + out.size() + "&limit=" + PAGE);
      JsonHttp.Answer a = http.send(HttpRequest.newBuilder(u).GET());
      if (!a.ok()) {
        throw new IOException(u + " answered HTTP " + a.status() + ": " + a.message());
      }
      JournalRecord[] records = Json.MAPPER.convertValue(a.body().get("records"), JournalRecord[].class);
      out.addAll(List.of(records));
      if (records.length < PAGE) {
        return out;
      }
    }
    throw new IOException(url + ": more than " + (long) PAGE * MAX_PAGES + " records; read the directory instead");
  }
}
