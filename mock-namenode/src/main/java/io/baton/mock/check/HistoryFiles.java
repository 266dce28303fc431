package io.baton.mock.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.baton.mock.client.HistoryRecord;
import io.baton.mock.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads history files written by {@link io.baton.mock.client.HistoryWriter}. */
public final class HistoryFiles {
  private HistoryFiles() {}

  /**
   * @throws IOException naming the file and line when a line is not a history record (a torn last line, left by a
   *     killed client, is skipped: that operation never completed)
   */
  public static List<HistoryRecord> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    boolean endsWithNewline = Files.size(file) == 0 || endsWithNewline(file);
    List<HistoryRecord> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        HistoryRecord r = Json.MAPPER.readValue(line, HistoryRecord.class);
        if (r.op() == null || r.outcome() == null || r.invokeTime() == null || r.completeTime() == null) {
          throw new IOException(file + " line " + (i + 1) + ": a history record needs op, outcome, invokeTime and completeTime");
        }
        if (r.ok() && (r.epoch() == null || r.txid() == null || r.nameNode() == null || r.value() == null)) {
          throw new IOException(file + " line " + (i + 1) + ": an ok record needs nameNode, epoch, txid and value");
        }
        out.add(r);
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1 && !endsWithNewline) {
          break;
        }
        throw new IOException(file + " line " + (i + 1) + ": not a history record (" + e.getOriginalMessage() + ")");
      }
    }
    return out;
  }

  private static boolean endsWithNewline(Path file) throws IOException {
    try (var ch = java.nio.channels.FileChannel.open(file)) {
      var buf = java.nio.ByteBuffer.allocate(1);
      ch.read(buf, ch.size() - 1);
      return buf.get(0) == '\n';
    }
  }
}
