package io.baton.fencing;

import io.baton.config.NameNodeConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * What to fence.
 *
 * @param target the NameNode that must stop serving (the old active)
 * @param source in a manual failover, the other NameNode involved; shell methods see it as {@code source_*}
 */
public record FenceRequest(NameNodeConfig target, Optional<NameNodeConfig> source) {
  public FenceRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
  }

  public static FenceRequest of(NameNodeConfig target) {
    return new FenceRequest(target, Optional.empty());
  }
}
