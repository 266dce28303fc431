package io.baton.config;

import java.util.Optional;

/**
 * Where an effective value came from: the key that set it and the file:line, so that problems name
 * what to edit. A default has the key one would set and no location.
 */
record Origin(String key, Optional<String> location, Source source) {
  enum Source { YAML, HADOOP, DEFAULT }

  static Origin defaulted(String key) {
    return new Origin(key, Optional.empty(), Source.DEFAULT);
  }

  boolean isDefault() {
    return source == Source.DEFAULT;
  }
}
