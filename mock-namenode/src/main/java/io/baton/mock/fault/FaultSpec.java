package io.baton.mock.fault;

import io.baton.config.Durations;
import java.time.Duration;
import java.util.Optional;

/** One fault with its parameter, written {@code hang}, {@code slow=200ms} or {@code not-ready=disk full}. */
public record FaultSpec(Fault fault, Optional<String> value) {

  /** @throws IllegalArgumentException naming the spec and what is wrong with it */
  public static FaultSpec parse(String text) {
    String s = text == null ? "" : text.trim();
    int eq = s.indexOf('=');
    String name = eq < 0 ? s : s.substring(0, eq).trim();
    Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(s.substring(eq + 1).trim());
    Fault fault = Fault.byLabel(name);
    switch (fault) {
      case SLOW -> {
        String v = value.orElseThrow(() -> new IllegalArgumentException("fault 'slow' needs a delay: slow=200ms"));
        try {
          Durations.parseNonNegative(v);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("fault 'slow': " + e.getMessage());
        }
      }
      case NOT_READY -> value = Optional.of(value.filter(v -> !v.isEmpty()).orElse("injected fault: not ready"));
      default -> {
        if (value.isPresent()) {
          throw new IllegalArgumentException("fault '" + name + "' takes no value, got '" + s + "'");
        }
      }
    }
    return new FaultSpec(fault, value);
  }

  public Duration delay() {
    return value.map(Durations::parse).orElse(Duration.ZERO);
  }

  @Override
  public String toString() {
    return fault.label() + value.map(v -> "=" + v).orElse("");
  }
}
