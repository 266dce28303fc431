package io.baton.config;

import java.util.Objects;

/** A configured secret (ZooKeeper auth, TLS password): never printed, never logged. */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "********";
  }
}
