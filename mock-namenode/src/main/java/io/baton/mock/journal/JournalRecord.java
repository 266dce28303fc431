package io.baton.mock.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * One journal entry: a namespace operation written by the NameNode holding {@code epoch}, at {@code txid}.
 * {@code time} is when the journal accepted it (the checker orders it against client histories);
 * {@code crc} covers every other field, so a damaged line is detected on load.
 *
 * @param op {@code mkdir}, {@code write}, {@code append}, {@code delete}, or {@code epoch-start} (written by a
 *     new active right after claiming its epoch; {@code data} holds its NameNode id)
 */
public record JournalRecord(long txid, long epoch, String op, String path, String data, String writer, Instant time,
    long crc) {

  public static final String EPOCH_START = "epoch-start";

  public static JournalRecord of(long txid, long epoch, String op, String path, String data, String writer,
      Instant time) {
    return new JournalRecord(txid, epoch, op, path, data, writer, time, checksum(txid, epoch, op, path, data, writer, time));
  }

  public boolean checksumMatches() {
    return crc == checksum(txid, epoch, op, path, data, writer, time);
  }

  private static long checksum(long txid, long epoch, String op, String path, String data, String writer, Instant time) {
    CRC32 crc = new CRC32();
    String canonical = txid + "|" + epoch + "|" + op + "|" + path + "|" + data + "|" + writer + "|" + time;
    crc.update(canonical.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
