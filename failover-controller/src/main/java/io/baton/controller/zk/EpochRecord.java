package io.baton.controller.zk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The data of {@code <scope>/BatonEpoch}: the last promotion's epoch, who got it and when, as one text line
 * ({@code epoch=7 namenode=nn1 at=2026-01-01T00:00:00Z}) so that {@code zkCli get} is readable.
 */
public record EpochRecord(long epoch, String namenodeId, Instant at) {
  public static final EpochRecord NONE = new EpochRecord(0, "", Instant.EPOCH);

  public byte[] encode() {
    return ("epoch=" + epoch + " namenode=" + namenodeId + " at=" + at).getBytes(StandardCharsets.UTF_8);
  }

  /** @throws IllegalArgumentException naming the znode text when it is not an epoch record */
  public static EpochRecord decode(byte[] data) {
    String text = ZnodeText.text(data);
    Map<String, String> fields = ZnodeText.fields(text);
    try {
      return new EpochRecord(Long.parseLong(fields.get("epoch")), fields.getOrDefault("namenode", ""),
          Instant.parse(fields.getOrDefault("at", Instant.EPOCH.toString())));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("epoch znode holds '" + text + "', expected 'epoch=N namenode=ID at=TIME'", e);
    }
  }
}
