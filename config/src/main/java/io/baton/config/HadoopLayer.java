package io.baton.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Hadoop key/values from core-site.xml and hdfs-site.xml plus baton.yaml's {@code hadoop:} overrides,
 * each with the file:line it came from.
 */
final class HadoopLayer {
  private final Map<String, String> values = new TreeMap<>();
  private final Map<String, String> locations = new LinkedHashMap<>();

  void put(String key, String value, String location) {
    values.put(key, value);
    if (location == null) {
      locations.remove(key);
    } else {
      locations.put(key, location);
    }
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  Optional<String> location(String key) {
    return Optional.ofNullable(locations.get(key));
  }

  Origin origin(String key) {
    return new Origin(key, location(key), Origin.Source.HADOOP);
  }

  Map<String, String> values() {
    return Collections.unmodifiableMap(values);
  }
}
