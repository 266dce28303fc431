package io.baton.mock.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.baton.mock.common.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal on disk: {@code <dir>/promised-epoch} (one number, replaced atomically) and {@code <dir>/edits.jsonl}
 * (one JSON record per line, appended). Every write is fsynced before it returns. A torn last line (a crash
 * mid-append, never acknowledged) is moved aside into {@code edits.jsonl.torn-<millis>}; any other damage makes
 * the journal refuse service with a message naming the file and line, and nothing is changed on disk.
 */
public final class FileJournalStorage implements JournalStorage {
  public static final String EDITS = "edits.jsonl";
  public static final String PROMISE = "promised-epoch";
  private static final Logger log = LoggerFactory.getLogger(FileJournalStorage.class);

  private final Path dir;
  private FileChannel edits;

  public FileJournalStorage(Path dir) {
    this.dir = dir;
  }

  @Override
  public String location() {
    return dir.toString();
  }

  @Override
  public Loaded load() throws IOException {
    Files.createDirectories(dir);
    long promised = 0;
    Path promiseFile = dir.resolve(PROMISE);
    if (Files.exists(promiseFile)) {
      String text = Files.readString(promiseFile).trim();
      try {
        promised = Long.parseLong(text);
      } catch (NumberFormatException e) {
        return corrupt(promiseFile + ": '" + abbreviate(text) + "' is not an epoch number");
      }
    }
    Path editsFile = dir.resolve(EDITS);
    List<JournalRecord> records = new ArrayList<>();
    if (Files.exists(editsFile)) {
      byte[] bytes = Files.readAllBytes(editsFile);
      int end = lastNewline(bytes) + 1;
      if (end < bytes.length) {
        moveTornTail(editsFile, bytes, end);
      }
      String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length - 1; i++) {
        Optional<String> problem = parseLine(lines[i], i + 1, editsFile, records);
        if (problem.isPresent()) {
          return corrupt(problem.get());
        }
      }
    }
    edits = FileChannel.open(editsFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new Loaded(promised, records, Optional.empty());
  }

  /**
   * Reads a journal directory without changing anything (for the checker): a torn last line is ignored, damage is
   * reported in {@code corruption}.
   */
  public static Loaded readOnly(Path dir) throws IOException {
    Path editsFile = dir.resolve(EDITS);
    if (!Files.exists(editsFile)) {
      throw new java.nio.file.NoSuchFileException(editsFile.toString(), null, "no journal here");
    }
    Path promiseFile = dir.resolve(PROMISE);
    long promised = 0;
    if (Files.exists(promiseFile)) {
      try {
        promised = Long.parseLong(Files.readString(promiseFile).trim());
      } catch (NumberFormatException e) {
        return new Loaded(0, List.of(), Optional.of(promiseFile + " does not hold an epoch number"));
      }
    }
    byte[] bytes = Files.readAllBytes(editsFile);
    String[] lines = new String(bytes, 0, lastNewline(bytes) + 1, StandardCharsets.UTF_8).split("\n", -1);
    List<JournalRecord> records = new ArrayList<>();
    for (int i = 0; i < lines.length - 1; i++) {
      Optional<String> problem = parseLine(lines[i], i + 1, editsFile, records);
      if (problem.isPresent()) {
        return new Loaded(promised, records, problem);
      }
    }
    return new Loaded(promised, records, Optional.empty());
  }

  private static Optional<String> parseLine(String line, int lineNo, Path file, List<JournalRecord> into) {
    JournalRecord r;
    try {
      r = Json.MAPPER.readValue(line, JournalRecord.class);
    } catch (JsonProcessingException e) {
      return Optional.of(file + " line " + lineNo + ": not a journal record (" + e.getOriginalMessage() + ")");
    }
    if (r == null || r.op() == null || r.time() == null) {
      return Optional.of(file + " line " + lineNo + ": record lacks op or time");
    }
    if (!r.checksumMatches()) {
      return Optional.of(file + " line " + lineNo + ": checksum mismatch in the record of txid " + r.txid());
    }
    into.add(r);
    return Optional.empty();
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** A crash mid-append leaves a line without its newline; it was never acknowledged, so keep it aside and cut it. */
  private void moveTornTail(Path editsFile, byte[] bytes, int end) throws IOException {
    Path aside = dir.resolve(EDITS + ".torn-" + System.currentTimeMillis());
    Files.write(aside, java.util.Arrays.copyOfRange(bytes, end, bytes.length));
    try (FileChannel ch = FileChannel.open(editsFile, StandardOpenOption.WRITE)) {
      ch.truncate(end);
      ch.force(true);
    }
    log.warn("{}: cut a torn last record ({} bytes, never acknowledged) from {}; kept it in {}",
        dir.getFileName(), bytes.length - end, editsFile, aside);
  }

  private Loaded corrupt(String why) {
    return new Loaded(0, List.of(), Optional.of(why));
  }

  @Override
  public synchronized void append(JournalRecord record) throws IOException {
    byte[] line = (Json.MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.wrap(line);
    while (buf.hasRemaining()) {
      edits.write(buf);
    }
    edits.force(false);
  }

  @Override
  public synchronized void writePromise(long epoch) throws IOException {
    Path tmp = dir.resolve(PROMISE + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap((epoch + "\n").getBytes(StandardCharsets.US_ASCII)));
      ch.force(true);
    }
    Files.move(tmp, dir.resolve(PROMISE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // makes the rename itself durable
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
