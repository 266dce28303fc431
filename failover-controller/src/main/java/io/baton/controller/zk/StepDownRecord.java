package io.baton.controller.zk;

import io.baton.controller.core.HealthState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The data of {@code <scope>/BatonStepDown}: the verdict a Baton controller left about its own NameNode when it
 * stepped down as active, as one text line ({@code namenode=nn1 health=NOT_RESPONDING at=2026-01-01T00:00:00Z}).
 * Hadoop's ZKFC neither writes nor reads it.
 */
public record StepDownRecord(String namenodeId, HealthState health, Instant at) {
  public StepDownRecord {
    Objects.requireNonNull(namenodeId, "namenodeId");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(at, "at");
  }

  public byte[] encode() {
    return ("namenode=" + namenodeId + " health=" + health + " at=" + at).getBytes(StandardCharsets.UTF_8);
  }

  /** @throws IllegalArgumentException naming the znode text when it is not a step-down record */
  public static StepDownRecord decode(byte[] data) {
    String text = ZnodeText.text(data);
    Map<String, String> fields = ZnodeText.fields(text);
    try {
      return new StepDownRecord(fields.get("namenode"), HealthState.valueOf(fields.get("health")),
          Instant.parse(fields.get("at")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("step-down znode holds '" + text
          + "', expected 'namenode=ID health=STATE at=TIME'", e);
    }
  }
}
